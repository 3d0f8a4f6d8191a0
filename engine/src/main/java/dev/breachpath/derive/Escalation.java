package dev.breachpath.derive;

import dev.breachpath.graph.BP;
import dev.breachpath.iam.Evaluation;
import dev.breachpath.iam.Evaluator;
import dev.breachpath.iam.Match;
import dev.breachpath.iam.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.jena.graph.Node;

/**
 * Privilege escalation, as the evaluator decides each permission it needs:
 * <ul>
 *   <li>{@code bp:canBecome} from a principal to one whose permissions it can use: it can make
 *       a user's access key or console password, rewrite a role's trust policy, pass a role to
 *       a service that runs its code (EC2, Lambda, CloudFormation, Glue, SageMaker, CodeBuild,
 *       Data Pipeline), change the code of a function that runs as a role, or run commands on an
 *       instance that has a role;</li>
 *   <li>{@code bp:canEmpower} from a principal to one whose permissions it can widen at will:
 *       writing or attaching its policies (its own, its groups', a new version of a managed
 *       policy it has), when the target has no permissions boundary or the boundary can be
 *       removed too;</li>
 *   <li>{@code bp:canBecome} to {@code bp:Administrator}: the principal already may do
 *       anything, or can empower itself, or can empower a principal it can become, or can join a
 *       group that may do anything. {@code bp:Administrator} in turn can access every data store.</li>
 * </ul>
 */
record Escalation(View v, Iam iam, Witnesses out) {
    /** Passing a role to a service that then runs code as it: the service, and the actions needed besides iam:PassRole (any one list suffices). */
    private record Service(String name, String principal, List<List<String>> actions) {}

    private static final List<Service> SERVICES = List.of(
            new Service("EC2", "ec2.amazonaws.com", List.of(List.of("ec2:RunInstances"))),
            new Service("Lambda", "lambda.amazonaws.com", List.of(
                    List.of("lambda:CreateFunction", "lambda:InvokeFunction"),
                    List.of("lambda:CreateFunction", "lambda:CreateEventSourceMapping"),
                    List.of("lambda:CreateFunction", "lambda:AddPermission"))),
            new Service("CloudFormation", "cloudformation.amazonaws.com", List.of(List.of("cloudformation:CreateStack"))),
            new Service("Glue", "glue.amazonaws.com", List.of(List.of("glue:CreateDevEndpoint"),
                    List.of("glue:CreateJob", "glue:StartJobRun"))),
            new Service("SageMaker", "sagemaker.amazonaws.com", List.of(
                    List.of("sagemaker:CreateNotebookInstance", "sagemaker:CreatePresignedNotebookInstanceUrl"),
                    List.of("sagemaker:CreateTrainingJob"), List.of("sagemaker:CreateProcessingJob"))),
            new Service("CodeBuild", "codebuild.amazonaws.com", List.of(List.of("codebuild:CreateProject", "codebuild:StartBuild"))),
            new Service("Data Pipeline", "datapipeline.amazonaws.com", List.of(
                    List.of("datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition", "datapipeline:ActivatePipeline"))));

    /** An action no policy names: only {@code *} (or a NotAction) covers it, so allowing it means allowing every action. */
    static final String ANY_ACTION = "breachpath:AnyActionAtAll";

    void derive() {
        List<Node> users = v.ofType(BP.IamUser);
        List<Node> roles = v.ofType(BP.IamRole);
        List<Node> principals = new ArrayList<>(users);
        principals.addAll(roles);
        Map<Node, List<Node>> members = new HashMap<>();
        for (Node u : users) {
            for (Node g : v.links(u, BP.group)) {
                members.computeIfAbsent(g, k -> new ArrayList<>()).add(u);
            }
        }
        List<Witnesses.Edge> empowers = new ArrayList<>();
        List<Witnesses.Edge> becomes = new ArrayList<>();
        for (Node x : principals) {
            if (administrator(x) == Match.YES) {
                continue; // may do anything already: every other edge from it would say so again
            }
            List<Statement> allows = iam.identity(x).stream().filter(Statement::allows).toList();
            if (allows.isEmpty()) {
                continue;
            }
            Asker ask = new Asker(x, allows);
            for (String action : List.of("iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:UpdateLoginProfile")) {
                for (Node u : ask.may(action) ? users : List.<Node>of()) {
                    becomes.add(ask.edge(BP.canBecome, u, "iam.escalation.credentials", List.of(action), u, null));
                }
            }
            for (Node r : ask.may("iam:UpdateAssumeRolePolicy") ? roles : List.<Node>of()) {
                becomes.add(ask.edge(BP.canBecome, r, "iam.escalation.trust-policy", List.of("iam:UpdateAssumeRolePolicy"), r, null));
            }
            if (ask.may("iam:PassRole")) {
                passRole(ask, roles, becomes);
            }
            if (ask.may("lambda:UpdateFunctionCode")) {
                for (Node f : v.ofType(BP.LambdaFunction)) {
                    Node role = v.link(f, BP.role);
                    if (role != null) {
                        becomes.add(ask.edge(BP.canBecome, role, "iam.escalation.function-code", List.of("lambda:UpdateFunctionCode"), f,
                                "changes the code of " + v.label(f) + ", which runs as " + v.label(role)));
                    }
                }
            }
            for (String action : List.of("ssm:SendCommand", "ssm:StartSession")) {
                if (!ask.may(action)) {
                    continue;
                }
                for (Node i : v.ofType(BP.Ec2Instance)) {
                    Node profile = v.link(i, BP.instanceProfile);
                    for (Node role : profile == null ? List.<Node>of() : v.links(profile, BP.role)) {
                        becomes.add(ask.edge(BP.canBecome, role, "iam.escalation.ssm", List.of(action), i,
                                "runs commands on " + v.label(i) + ", whose instance profile has " + v.label(role)));
                    }
                }
            }
            empower(ask, users, "iam:PutUserPolicy", "iam:AttachUserPolicy", "iam:DeleteUserPermissionsBoundary", empowers);
            empower(ask, roles, "iam:PutRolePolicy", "iam:AttachRolePolicy", "iam:DeleteRolePermissionsBoundary", empowers);
            groups(ask, members, empowers);
            policyVersions(ask, users, roles, members, empowers);
        }
        becomes.removeIf(java.util.Objects::isNull);
        empowers.removeIf(java.util.Objects::isNull);
        for (Witnesses.Edge e : empowers.stream().distinct().toList()) {
            if (e.from.equals(e.to)) {
                var admin = out.edge(e.from, BP.canBecome, BP.Administrator, e.certainty).rule("iam.escalation.self")
                        .evidence(v.label(e.from) + " can widen its own permissions (" + String.join("; ", e.summary) + ")")
                        .summary("widens its own permissions");
                e.evidence.forEach(admin::evidence);
                e.via.forEach(admin::via);
                continue;
            }
            List<Witnesses.Edge> ways = becomes.stream().filter(b -> b.from.equals(e.from) && b.to.equals(e.to)).distinct().toList();
            Match reach = ways.stream().map(b -> b.certainty).reduce(Match.NO, Match::or);
            List<String> how = new ArrayList<>();
            ways.forEach(b -> how.addAll(b.evidence));
            if (reach == Match.NO && v.is(e.to, BP.IamRole)) {
                Evaluation assume = iam.evaluate(e.from, "sts:AssumeRole", e.to, iam.arn(e.to));
                reach = assume.match();
                how.add(String.join("; ", assume.statements()) + " allows sts:AssumeRole on " + v.label(e.to));
            }
            if (reach != Match.NO) {
                var admin = out.edge(e.from, BP.canBecome, BP.Administrator, e.certainty.and(reach))
                        .rule("iam.escalation.empower-and-become")
                        .evidence(v.label(e.from) + " can widen the permissions of " + v.label(e.to) + " (" + String.join("; ", e.summary)
                                + ") and act as it (" + ways.stream().flatMap(b -> b.summary.stream()).distinct().reduce((a, b) -> a + "; " + b)
                                .orElse("sts:AssumeRole") + ")")
                        .summary("widens the permissions of " + v.label(e.to) + " and acts as it");
                e.evidence.forEach(admin::evidence);
                how.forEach(admin::evidence);
            }
        }
        boolean escalates = out.edges().stream().anyMatch(e -> e.to.equals(BP.Administrator)
                && e.rules.stream().anyMatch(r -> r.startsWith("iam.escalation.")));
        if (escalates) {
            // Only escalation needs these: an administrator already reaches every store directly.
            for (Node kind : Access.KINDS) {
                for (Node store : v.ofType(kind)) {
                    var e = out.edge(BP.Administrator, BP.canAccess, store, Match.YES).rule("iam.administrator")
                            .evidence("whoever may do anything in the account may read, change or copy " + v.label(store))
                            .summary("any action");
                    Access.CATALOGUE.stream().filter(a -> a.kind().equals(kind)).forEach(a -> e.accessLevels.add(a.level()));
                }
            }
        }
    }

    /** Asks the evaluator what one principal may do, for the actions its Allow statements mention at all. */
    private final class Asker {
        final Node x;
        final List<Statement> allows;

        Asker(Node x, List<Statement> allows) {
            this.x = x;
            this.allows = allows;
        }

        boolean may(String action) {
            return allows.stream().anyMatch(s -> Evaluator.actionApplies(s, action));
        }

        /** The evaluation of {@code action} on {@code target} (null with {@code *}). */
        Evaluation on(String action, Node target) {
            return iam.evaluate(x, action, target, target == null ? "*" : iam.arn(target));
        }

        /**
         * The edge to {@code to} if every action is allowed on {@code on} (null otherwise): its
         * certainty is the weakest answer (and at most {@code cap}), its evidence the deciding
         * statements.
         */
        Witnesses.Edge edge(Node relation, Node to, String rule, List<String> actions, Node on, String how, Match cap) {
            if (x.equals(to) && relation.equals(BP.canBecome)) {
                return null;
            }
            Match m = cap;
            List<String> evidence = new ArrayList<>();
            for (String action : actions) {
                Evaluation e = on(action, on);
                m = m.and(e.match());
                if (m == Match.NO) {
                    return null;
                }
                evidence.add(String.join("; ", e.statements()) + " allows " + action + " on " + v.label(on));
                if (e.match() == Match.MAYBE) {
                    evidence.add("possible only if: " + String.join("; ", e.conditions()));
                }
            }
            var edge = out.edge(x, relation, to, m).rule(rule);
            evidence.forEach(edge::evidence);
            edge.allows.addAll(actions);
            edge.summary(String.join(" + ", actions) + (how == null ? "" : " — " + how));
            return edge;
        }

        Witnesses.Edge edge(Node relation, Node to, String rule, List<String> actions, Node on, String how) {
            return edge(relation, to, rule, actions, on, how, Match.YES);
        }
    }

    private void passRole(Asker ask, List<Node> roles, List<Witnesses.Edge> becomes) {
        for (Service service : SERVICES) {
            List<String> usable = null;
            for (List<String> actions : service.actions()) {
                if (actions.stream().allMatch(ask::may) && actions.stream().allMatch(a -> ask.on(a, null).match() != Match.NO)) {
                    usable = actions;
                    break;
                }
            }
            if (usable == null) {
                continue;
            }
            for (Node role : roles) {
                Evaluation trust = iam.serviceMayAssume(role, service.principal());
                if (trust.match() == Match.NO) {
                    continue;
                }
                Witnesses.Edge e = ask.edge(BP.canBecome, role, "iam.escalation.pass-role", List.of("iam:PassRole"), role,
                        "passes it to " + service.name() + " (" + String.join(", ", usable) + "), which " + v.label(role) + " trusts",
                        trust.match());
                if (e == null) {
                    continue;
                }
                e.allows.addAll(usable);
                e.evidence(String.join("; ", trust.statements()) + " lets " + service.principal() + " assume " + v.label(role));
                becomes.add(e);
            }
        }
    }

    /** Writing or attaching policies of users or roles; a target with a boundary needs the boundary removed too. */
    private void empower(Asker ask, List<Node> targets, String put, String attach, String unbound, List<Witnesses.Edge> empowers) {
        for (String action : List.of(put, attach)) {
            if (!ask.may(action)) {
                continue;
            }
            for (Node t : targets) {
                List<String> actions = iam.boundary(t) == null ? List.of(action) : List.of(action, unbound);
                empowers.add(ask.edge(BP.canEmpower, t, "iam.escalation.policy", actions, t, null));
            }
        }
    }

    /** Writing or attaching a group's policies empowers its members; joining a group that may do anything is administration. */
    private void groups(Asker ask, Map<Node, List<Node>> members, List<Witnesses.Edge> empowers) {
        for (Node g : v.ofType(BP.IamGroup)) {
            for (String action : List.of("iam:PutGroupPolicy", "iam:AttachGroupPolicy")) {
                if (!ask.may(action)) {
                    continue;
                }
                for (Node u : members.getOrDefault(g, List.of())) {
                    if (iam.boundary(u) == null) {
                        empowers.add(ask.edge(BP.canEmpower, u, "iam.escalation.group-policy", List.of(action), g,
                                "a policy of its group " + v.label(g)));
                    }
                }
            }
            if (v.is(ask.x, BP.IamUser) && ask.may("iam:AddUserToGroup") && iam.boundary(ask.x) == null) {
                List<Statement> groupStatements = v.links(g, BP.policy).stream().flatMap(p -> iam.statements(p).stream()).toList();
                if (Evaluator.decide(groupStatements, ANY_ACTION, "*").match() == Match.YES) {
                    ask.edge(BP.canBecome, BP.Administrator, "iam.escalation.join-group", List.of("iam:AddUserToGroup"), g,
                            "joins " + v.label(g) + ", which may do anything");
                }
            }
        }
    }

    /** A new default version of a customer-managed policy empowers everyone it is attached to. */
    private void policyVersions(Asker ask, List<Node> users, List<Node> roles, Map<Node, List<Node>> members,
                                List<Witnesses.Edge> empowers) {
        boolean create = ask.may("iam:CreatePolicyVersion");
        boolean setDefault = ask.may("iam:SetDefaultPolicyVersion");
        if (!create && !setDefault) {
            return;
        }
        Map<Node, TreeSet<Node>> holders = new HashMap<>();
        for (Node p : users) {
            v.links(p, BP.policy).forEach(policy -> holders.computeIfAbsent(policy, k -> new TreeSet<>(View.ORDER)).add(p));
        }
        for (Node p : roles) {
            v.links(p, BP.policy).forEach(policy -> holders.computeIfAbsent(policy, k -> new TreeSet<>(View.ORDER)).add(p));
        }
        for (Map.Entry<Node, List<Node>> g : members.entrySet()) {
            v.links(g.getKey(), BP.policy).forEach(policy -> holders.computeIfAbsent(policy, k -> new TreeSet<>(View.ORDER)).addAll(g.getValue()));
        }
        holders.entrySet().stream().sorted(Map.Entry.comparingByKey(View.ORDER)).forEach(h -> {
            Node policy = h.getKey();
            if (v.bool(policy, BP.inline) == Boolean.TRUE || v.bool(policy, BP.awsManaged) == Boolean.TRUE) {
                return;
            }
            for (Node holder : h.getValue()) {
                if (iam.boundary(holder) != null) {
                    continue;
                }
                if (create) {
                    empowers.add(ask.edge(BP.canEmpower, holder, "iam.escalation.policy-version", List.of("iam:CreatePolicyVersion"), policy,
                            "a new default version of " + v.label(policy)));
                }
                if (setDefault) {
                    empowers.add(ask.edge(BP.canEmpower, holder, "iam.escalation.policy-version", List.of("iam:SetDefaultPolicyVersion"),
                            policy, "an older version of " + v.label(policy) + " made default, if one allows more", Match.MAYBE));
                }
            }
        });
    }

    /** A principal whose policies allow every action on every resource. */
    private Match administrator(Node x) {
        Evaluation any = iam.evaluate(x, ANY_ACTION, null, "*");
        if (any.match() == Match.NO) {
            return Match.NO;
        }
        Evaluation iamToo = iam.evaluate(x, "iam:PutRolePolicy", null, "*");
        Match m = any.match().and(iamToo.match());
        if (m == Match.NO) {
            return m;
        }
        out.edge(x, BP.canBecome, BP.Administrator, m).rule("iam.administrator")
                .evidence(String.join("; ", any.statements()) + " allows every action on every resource")
                .summary("may do anything: " + String.join("; ", any.statements()));
        return m;
    }
}
