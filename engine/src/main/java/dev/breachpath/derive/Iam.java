package dev.breachpath.derive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.breachpath.graph.BP;
import dev.breachpath.iam.Arns;
import dev.breachpath.iam.Evaluation;
import dev.breachpath.iam.Evaluator;
import dev.breachpath.iam.IamPolicy;
import dev.breachpath.iam.ManagedPolicies;
import dev.breachpath.iam.Policies;
import dev.breachpath.iam.Principal;
import dev.breachpath.iam.Request;
import dev.breachpath.iam.RequestContext;
import dev.breachpath.iam.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.jena.graph.Node;

/**
 * The IAM facts of the graph as the evaluator wants them: the statements of a principal's
 * identity policies (inline, attached, through its groups, AWS-managed by catalogue), its
 * permissions boundary, a role's trust policy, and the ARN of a node (known, or built from its
 * name, region and account, with {@link Arns#UNKNOWN} where a part is not known before apply).
 */
final class Iam {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final View v;
    private final String account;
    private final Map<Node, List<Statement>> byPolicy = new HashMap<>();
    private final Map<Node, List<Statement>> identities = new HashMap<>();
    private final Map<Statement, String> labels = new IdentityHashMap<>();
    private final Map<Statement, Node> nodes = new IdentityHashMap<>();
    private final Map<String, Node> byLabel = new HashMap<>();

    Iam(View v) {
        this.v = v;
        TreeSet<String> accounts = new TreeSet<>();
        for (Node caller : v.ofType(BP.CallerIdentity)) {
            v.string(caller, BP.accountId).ifPresent(accounts::add);
        }
        this.account = accounts.size() == 1 ? accounts.first() : null;
    }

    /** The statements of every identity policy of the principal, its groups' included. */
    List<Statement> identity(Node principal) {
        return identities.computeIfAbsent(principal, p -> {
            List<Statement> out = new ArrayList<>();
            policies(p).forEach(policy -> out.addAll(statements(policy)));
            return List.copyOf(out);
        });
    }

    /** The identity policies of the principal and of its groups. */
    private List<Node> policies(Node principal) {
        List<Node> out = new ArrayList<>(v.links(principal, BP.policy));
        for (Node group : v.links(principal, BP.group)) {
            out.addAll(v.links(group, BP.policy));
        }
        return out;
    }

    /** The statements of the principal's permissions boundary, or null if it has none. */
    List<Statement> boundary(Node principal) {
        Node b = v.link(principal, BP.permissionsBoundary);
        return b == null ? null : statements(b);
    }

    /** The statements of a role's trust policy. */
    List<Statement> trust(Node role) {
        List<Statement> out = new ArrayList<>();
        for (Node t : v.links(role, BP.trustPolicy)) {
            out.addAll(statements(t));
        }
        return out;
    }

    /** The identity policies with no known statements whose document is unknown before apply. */
    List<Node> unknownPolicies(Node principal) {
        return policies(principal).stream().filter(p -> statements(p).isEmpty() && v.unknown(p, BP.document)).toList();
    }

    /** How a statement is named in evidence: its policy and its Sid (or position). */
    String label(Statement s) {
        return labels.getOrDefault(s, "?");
    }

    /** The graph node of a statement, or null for a catalogue statement. */
    Node node(Statement s) {
        return nodes.get(s);
    }

    /** The graph node of the statement with this label, or null. */
    Node node(String label) {
        return byLabel.get(label);
    }

    List<Statement> statements(Node policy) {
        return byPolicy.computeIfAbsent(policy, this::read);
    }

    private List<Statement> read(Node policy) {
        List<Statement> out = new ArrayList<>();
        if (v.bool(policy, BP.awsManaged) == Boolean.TRUE && v.links(policy, BP.statement).isEmpty()) {
            // The inputs' own copy of the document (an inventory's) wins over the catalogue's.
            Optional<String> arn = v.string(policy, BP.arn);
            var doc = arn.flatMap(ManagedPolicies::byArn);
            if (doc.isPresent()) {
                String name = arn.get().substring(arn.get().lastIndexOf('/') + 1);
                int i = 0;
                for (Statement s : doc.get().statements()) {
                    labels.put(s, "AWS-managed " + name + (s.sid() != null ? ", Sid " + s.sid() : ", statement " + i));
                    out.add(s);
                    i++;
                }
                return out;
            }
        }
        List<Node> parts = v.links(policy, BP.statement);
        Node holder = policy;
        if (parts.isEmpty()) {
            for (Node source : v.links(policy, BP.documentSource)) {
                parts = v.links(source, BP.statement);
                holder = source;
            }
        }
        // A document rendered by Terraform (data.aws_iam_policy_document) has the current version.
        String version = v.string(holder, BP.document).map(Iam::version).orElse(Statement.VARIABLES);
        for (Node part : parts) {
            Statement s = statement(part, version);
            String index = v.string(part, BP.index).orElse("?");
            String label = v.label(policy) + v.string(part, BP.sid).map(sid -> ", Sid " + sid).orElse(", statement " + index);
            labels.put(s, label);
            nodes.put(s, part);
            byLabel.putIfAbsent(label, part);
            out.add(s);
        }
        return out;
    }

    private static String version(String document) {
        try {
            JsonNode version = JSON.readTree(document).get("Version");
            return version == null ? null : version.asText();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private Statement statement(Node part, String version) {
        List<String> resources = new ArrayList<>(v.strings(part, BP.resourcePattern));
        if (v.unknown(part, BP.resourcePattern)) {
            List<Node> refs = v.links(part, BP.resourceRef);
            if (refs.isEmpty()) {
                resources.add(Arns.UNKNOWN);
            }
            for (Node ref : refs) {
                String arn = arn(ref);
                resources.add(arn);
                resources.add(arn + "/*");
            }
        }
        JsonNode condition = null;
        Optional<String> c = v.string(part, BP.condition);
        if (c.isPresent()) {
            try {
                condition = JSON.readTree(c.get());
            } catch (java.io.IOException e) {
                condition = JSON.createObjectNode().put("unreadable", true);
            }
        }
        return new Statement(v.string(part, BP.sid).orElse(null), v.string(part, BP.effect).orElse(""),
                v.strings(part, BP.action), v.strings(part, BP.notAction), resources, v.strings(part, BP.notResourcePattern),
                v.strings(part, BP.principal), v.strings(part, BP.notPrincipal), condition, version);
    }

    private final Map<Node, IamPolicy> identityPolicies = new HashMap<>();
    private final Map<Node, Optional<List<IamPolicy>>> boundaries = new HashMap<>();
    private final Map<Node, Optional<IamPolicy>> resourcePolicies = new HashMap<>();
    private final Map<Node, Principal> principals = new HashMap<>();
    private final Map<Node, RequestContext> contexts = new HashMap<>();
    private final Map<Node, Optional<RequestContext>> resourceContexts = new HashMap<>();

    /**
     * Decides whether {@code principal} may perform {@code action} on {@code resource} (a node, or
     * null for a resource the graph does not hold) whose ARN is {@code arn}, with every policy the
     * graph holds for them: identity (with groups), boundary, and the resource's own policy (a
     * bucket, key or secret policy, a role's trust policy). The context holds what the graph
     * determines: the principal's ARN, account and tags, the resource's tags, and no MFA (a
     * stolen key or a role's credentials carry none); everything else is unknown. An action that
     * takes no resource is asked with {@code arn} {@code *} by the caller.
     */
    Evaluation evaluate(Node principal, String action, Node resource, String arn) {
        Principal who = principals.computeIfAbsent(principal, this::principal);
        String asked = arn;
        String owner = resource == null ? null : v.string(resource, BP.accountId).orElse(null);
        Policies policies = new Policies(List.of(identityPolicy(principal)), boundaryPolicy(principal), null,
                resource == null ? null : resourcePolicy(resource).orElse(null), controls(who.account(), SCP),
                resource == null || !RCP_SERVICES.contains(action.substring(0, Math.max(0, action.indexOf(':'))).toLowerCase(java.util.Locale.ROOT))
                        ? null : controls(owner, RCP), null);
        RequestContext context = contexts.computeIfAbsent(principal, p -> {
            RequestContext.Builder b = RequestContext.open()
                    .absent("aws:MultiFactorAuthPresent").absent("aws:MultiFactorAuthAge")
                    .put("aws:ViaAWSService", "false").absent("aws:CalledVia");
            tags(p).forEach((k, value) -> b.put("aws:PrincipalTag/" + k, value));
            return Request.withPrincipal(who, b).build();
        });
        if (resource != null) {
            Optional<RequestContext> tagged = resourceContexts.computeIfAbsent(resource, r -> {
                Map<String, String> tags = tags(r);
                if (tags.isEmpty()) {
                    return Optional.empty();
                }
                RequestContext.Builder b = RequestContext.open();
                tags.forEach((k, value) -> b.put("aws:ResourceTag/" + k, value));
                return Optional.of(b.build());
            });
            if (tagged.isPresent()) {
                context = context.under(tagged.get());
            }
        }
        if (resource != null && policies.resource() == null && v.is(resource, BP.KmsKey)) {
            policies = policies.withResource(defaultKeyPolicy(owner != null ? owner : account != null ? account : who.account()));
        }
        return Evaluator.evaluate(new Request(who, action, asked, owner, context), policies);
    }

    /** The AWS-managed control policies every organization starts with, whose content AWS fixes. */
    private static final java.util.Set<String> FULL_ACCESS = java.util.Set.of("p-FullAWSAccess", "p-RCPFullAWSAccess");
    private static final List<Statement> ALLOW_ALL = allowAll();

    private static List<Statement> allowAll() {
        try {
            return dev.breachpath.iam.PolicyParser
                    .parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}")
                    .statements();
        } catch (dev.breachpath.iam.PolicyException e) {
            throw new IllegalStateException(e);
        }
    }
    /** The services whose resources resource control policies protect (AWS documents these). */
    private static final java.util.Set<String> RCP_SERVICES = java.util.Set.of("s3", "sts", "kms", "sqs", "secretsmanager");
    static final String SCP = "SERVICE_CONTROL_POLICY";
    static final String RCP = "RESOURCE_CONTROL_POLICY";
    private final Map<String, Optional<List<Policies.Level>>> controls = new HashMap<>();
    private Map<Node, List<Node>> attached;
    private Map<String, Node> accounts;

    /**
     * The control policies of one type (SCP or RCP) that apply to an account, by level from the
     * root down to the account: null when none are known to apply (no organization data, an
     * account the inputs do not place in the tree, the management account for SCPs) or when the
     * inputs do not tell them all (a level with no policy, a policy whose content is not known),
     * since a level without a known allow would deny everything.
     */
    List<Policies.Level> controls(String accountId, String type) {
        if (accountId == null) {
            return null;
        }
        return controls.computeIfAbsent(type + " " + accountId, k -> Optional.ofNullable(tree(accountId, type))).orElse(null);
    }

    private List<Policies.Level> tree(String accountId, String type) {
        if (attached == null) {
            attached = new HashMap<>();
            for (Node p : v.ofType(BP.OrganizationPolicy)) {
                for (Node target : v.links(p, BP.attachedTo)) {
                    attached.computeIfAbsent(target, t -> new ArrayList<>()).add(p);
                }
            }
            accounts = new HashMap<>();
            for (Node a : v.ofType(BP.Account)) {
                v.string(a, BP.accountId).ifPresent(id -> accounts.putIfAbsent(id, a));
            }
        }
        boolean any = attached.values().stream().flatMap(List::stream).anyMatch(p -> type.equals(v.string(p, BP.policyType).orElse(null)));
        Node account = accounts.get(accountId);
        // The management account is restricted by neither kind (AWS: SCPs and RCPs do not apply to it).
        if (!any || account == null || v.bool(account, BP.managementAccount) == Boolean.TRUE) {
            return null;
        }
        List<Node> chain = new ArrayList<>();
        java.util.Set<Node> seen = new java.util.HashSet<>();
        for (Node n = account; n != null; n = v.link(n, BP.parent)) {
            if (!seen.add(n)) {
                return null; // a cycle: the inputs contradict each other
            }
            chain.add(0, n);
        }
        if (chain.size() < 2 || !v.string(chain.get(0), BP.awsId).orElse("").startsWith("r-")) {
            return null; // the account's place in the tree, up to a root, is not known
        }
        List<Policies.Level> levels = new ArrayList<>();
        for (Node level : chain) {
            List<IamPolicy> policies = new ArrayList<>();
            for (Node p : attached.getOrDefault(level, List.of())) {
                if (!type.equals(v.string(p, BP.policyType).orElse(null))) {
                    continue;
                }
                List<Statement> statements = statements(p);
                if (statements.isEmpty() && FULL_ACCESS.contains(v.string(p, BP.awsId).orElse(""))) {
                    statements = ALLOW_ALL; // AWS's own FullAWSAccess and RCPFullAWSAccess: allow everything
                }
                if (statements.isEmpty()) {
                    return null; // its content is not known
                }
                policies.add(IamPolicy.labelled((type.equals(SCP) ? "SCP " : "RCP ") + v.label(p), statements,
                        statements.stream().map(this::label).toList()));
            }
            if (policies.stream().noneMatch(p -> p.statements().stream().anyMatch(Statement::allows))) {
                return null; // no known policy here allows anything: some of the level's policies are missing
            }
            levels.add(new Policies.Level(v.label(level), policies));
        }
        return levels;
    }

    /** The account of a principal node. */
    String accountOf(Node principal) {
        return principals.computeIfAbsent(principal, this::principal).account();
    }

    /** The principal a user or role node stands for; an ARN that does not parse still gives its kind. */
    private Principal principal(Node n) {
        String arn = arn(n);
        try {
            return Principal.of(arn);
        } catch (IllegalArgumentException e) {
            String[] parts = arn.split(":", 6);
            String acct = parts.length == 6 ? parts[4] : v.string(n, BP.accountId).orElse(account == null ? Arns.UNKNOWN : account);
            return new Principal(v.is(n, BP.IamRole) ? Principal.Kind.ROLE_SESSION : Principal.Kind.USER, arn, acct,
                    v.string(n, BP.name).orElse(Arns.UNKNOWN), null, null);
        }
    }

    /** Whether a role's trust policy lets an AWS service (e.g. {@code ec2.amazonaws.com}) assume it. */
    Evaluation serviceMayAssume(Node role, String service) {
        Policies policies = new Policies(List.of(), null, null, resourcePolicy(role).orElse(null), null, null, null);
        return Evaluator.evaluate(Request.of(Principal.of(service), "sts:AssumeRole", arn(role), null,
                RequestContext.open().build()), policies);
    }

    /** The identity policies of a principal as one policy whose statements are named by their own policy. */
    IamPolicy identityPolicy(Node principal) {
        return identityPolicies.computeIfAbsent(principal, p -> {
            List<Statement> statements = identity(p);
            return IamPolicy.labelled("identity policies of " + v.label(p), statements, statements.stream().map(this::label).toList());
        });
    }

    private List<IamPolicy> boundaryPolicy(Node principal) {
        return boundaries.computeIfAbsent(principal, p -> {
            List<Statement> b = boundary(p);
            return b == null ? Optional.<List<IamPolicy>>empty() : Optional.of(List.of(IamPolicy.labelled("permissions boundary of "
                    + v.label(p), b, b.stream().map(this::label).toList())));
        }).orElse(null);
    }

    private final Map<String, IamPolicy> defaultKeyPolicies = new HashMap<>();

    /**
     * The key policy AWS gives a KMS key created without one, or whose policy is not known: the
     * account may use the key as far as its IAM policies allow ({@code kms:*} for the account).
     */
    private IamPolicy defaultKeyPolicy(String keyAccount) {
        return defaultKeyPolicies.computeIfAbsent(keyAccount, a -> IamPolicy.of("default key policy", List.of(new Statement(
                "EnableIAMUserPermissions", "Allow", List.of("kms:*"), List.of(), List.of("*"), List.of(),
                List.of("AWS:arn:aws:iam::" + a + ":root"), List.of(), null))));
    }

    /** The resource's own policy: a role's trust policy, a bucket's, key's or secret's resource policy. */
    Optional<IamPolicy> resourcePolicy(Node resource) {
        return resourcePolicies.computeIfAbsent(resource, r -> {
            List<Statement> out = new ArrayList<>();
            List<Node> docs = v.is(r, BP.IamRole) ? v.links(r, BP.trustPolicy) : v.links(r, BP.resourcePolicy);
            for (Node doc : docs) {
                out.addAll(statements(doc));
            }
            if (docs.isEmpty() || (out.isEmpty() && v.is(r, BP.KmsKey))) {
                return Optional.empty(); // a key's policy unknown before apply: the default one stands in
            }
            return Optional.of(IamPolicy.labelled("policy of " + v.label(r), out, out.stream().map(this::label).toList()));
        });
    }

    /** The tags of a node, by key. */
    Map<String, String> tags(Node n) {
        Map<String, String> out = new java.util.TreeMap<>();
        v.graph().find(n, Node.ANY, Node.ANY).forEachRemaining(t -> {
            if (t.getPredicate().isURI() && t.getPredicate().getURI().startsWith(BP.TAG_NS) && t.getObject().isLiteral()) {
                String key = java.net.URLDecoder.decode(t.getPredicate().getURI().substring(BP.TAG_NS.length()),
                        java.nio.charset.StandardCharsets.UTF_8);
                out.put(key, t.getObject().getLiteralLexicalForm());
            }
        });
        return out;
    }

    /** The ARN of a node: known, or built from what is known. */
    String arn(Node n) {
        Optional<String> known = v.string(n, BP.arn);
        if (known.isPresent()) {
            return known.get();
        }
        String name = v.string(n, BP.name).orElse(Arns.UNKNOWN);
        String region = v.string(n, BP.region).orElse(Arns.UNKNOWN);
        String acct = v.string(n, BP.accountId).orElse(account == null ? Arns.UNKNOWN : account);
        String path = v.string(n, BP.path).orElse("/");
        if (v.is(n, BP.IamUser)) {
            return "arn:aws:iam::" + acct + ":user" + path + name;
        }
        if (v.is(n, BP.IamRole)) {
            return "arn:aws:iam::" + acct + ":role" + path + name;
        }
        if (v.is(n, BP.IamGroup)) {
            return "arn:aws:iam::" + acct + ":group" + path + name;
        }
        if (v.is(n, BP.IamPolicy) && v.bool(n, BP.inline) != Boolean.TRUE) {
            return "arn:aws:iam::" + acct + ":policy" + path + name;
        }
        if (v.is(n, BP.LambdaFunction)) {
            return "arn:aws:lambda:" + region + ":" + acct + ":function:" + name;
        }
        if (v.is(n, BP.Ec2Instance)) {
            return "arn:aws:ec2:" + region + ":" + acct + ":instance/" + v.string(n, BP.awsId).orElse(Arns.UNKNOWN);
        }
        if (v.is(n, BP.S3Bucket)) {
            return "arn:aws:s3:::" + name;
        }
        if (v.is(n, BP.DbInstance)) {
            return "arn:aws:rds:" + region + ":" + acct + ":db:" + name;
        }
        if (v.is(n, BP.DbCluster)) {
            return "arn:aws:rds:" + region + ":" + acct + ":cluster:" + name;
        }
        if (v.is(n, BP.DbSnapshot)) {
            return "arn:aws:rds:" + region + ":" + acct + ":snapshot:" + name;
        }
        if (v.is(n, BP.DbClusterSnapshot)) {
            return "arn:aws:rds:" + region + ":" + acct + ":cluster-snapshot:" + name;
        }
        if (v.is(n, BP.DynamoTable)) {
            return "arn:aws:dynamodb:" + region + ":" + acct + ":table/" + name;
        }
        if (v.is(n, BP.Secret)) {
            return "arn:aws:secretsmanager:" + region + ":" + acct + ":secret:" + name + "-" + Arns.UNKNOWN;
        }
        if (v.is(n, BP.KmsKey)) {
            return "arn:aws:kms:" + region + ":" + acct + ":key/" + v.string(n, BP.awsId).orElse(Arns.UNKNOWN);
        }
        return Arns.UNKNOWN;
    }
}
