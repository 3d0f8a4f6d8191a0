package dev.breachpath.derive;

import dev.breachpath.graph.BP;
import dev.breachpath.iam.Evaluation;
import dev.breachpath.iam.Evaluator;
import dev.breachpath.iam.Match;
import dev.breachpath.iam.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Node;

/**
 * {@code bp:canAccess}: what a principal's identity policies allow on each data store, with the
 * access level: read, write, snapshot exfiltration, secret read, decrypt. Each data store kind
 * has the actions that matter for it; an action is asked of the evaluator with the store's ARN
 * (the object ARN {@code bucket/*} for object actions).
 */
record Access(View v, Iam iam, Witnesses out) {
    /** An action that reaches a data store's data, and what it gives. */
    record Action(Node kind, String name, String level, boolean objects) {}

    static final List<Action> CATALOGUE = List.of(
            new Action(BP.DbSnapshot, "rds:CopyDBSnapshot", "snapshot-exfiltration", false),
            new Action(BP.DbSnapshot, "rds:ModifyDBSnapshotAttribute", "snapshot-exfiltration", false),
            new Action(BP.DbSnapshot, "rds:RestoreDBInstanceFromDBSnapshot", "snapshot-exfiltration", false),
            new Action(BP.DbInstance, "rds:CreateDBSnapshot", "snapshot-exfiltration", false),
            new Action(BP.DbInstance, "rds:ModifyDBInstance", "write", false),
            new Action(BP.DbCluster, "rds:CreateDBClusterSnapshot", "snapshot-exfiltration", false),
            new Action(BP.DbCluster, "rds:ModifyDBCluster", "write", false),
            new Action(BP.DbClusterSnapshot, "rds:CopyDBClusterSnapshot", "snapshot-exfiltration", false),
            new Action(BP.DbClusterSnapshot, "rds:ModifyDBClusterSnapshotAttribute", "snapshot-exfiltration", false),
            new Action(BP.DbClusterSnapshot, "rds:RestoreDBClusterFromSnapshot", "snapshot-exfiltration", false),
            new Action(BP.S3Bucket, "s3:GetObject", "read", true),
            new Action(BP.S3Bucket, "s3:ListBucket", "read", false),
            new Action(BP.S3Bucket, "s3:PutObject", "write", true),
            new Action(BP.S3Bucket, "s3:DeleteObject", "write", true),
            new Action(BP.S3Bucket, "s3:PutBucketPolicy", "write", false),
            new Action(BP.DynamoTable, "dynamodb:GetItem", "read", false),
            new Action(BP.DynamoTable, "dynamodb:BatchGetItem", "read", false),
            new Action(BP.DynamoTable, "dynamodb:Query", "read", false),
            new Action(BP.DynamoTable, "dynamodb:Scan", "read", false),
            new Action(BP.DynamoTable, "dynamodb:ExportTableToPointInTime", "snapshot-exfiltration", false),
            new Action(BP.DynamoTable, "dynamodb:PutItem", "write", false),
            new Action(BP.DynamoTable, "dynamodb:UpdateItem", "write", false),
            new Action(BP.DynamoTable, "dynamodb:DeleteItem", "write", false),
            new Action(BP.Secret, "secretsmanager:GetSecretValue", "secret-read", false),
            new Action(BP.Secret, "secretsmanager:PutSecretValue", "write", false),
            new Action(BP.KmsKey, "kms:Decrypt", "decrypt", false));

    static final List<Node> KINDS = CATALOGUE.stream().map(Action::kind).distinct().toList();

    void derive() {
        Map<Node, Stores> stores = new LinkedHashMap<>();
        for (Node kind : KINDS) {
            stores.put(kind, new Stores(v.ofType(kind)));
        }
        Named named = new Named(stores.values().stream().flatMap(st -> st.all.stream()).toList());
        for (Node p : principals()) {
            List<Statement> identity = iam.identity(p);
            unknownDocuments(p);
            List<Node> byResourcePolicy = named.stores(iam.arn(p));
            if (identity.isEmpty() && byResourcePolicy.isEmpty()) {
                continue;
            }
            List<Action> candidates = CATALOGUE.stream().filter(a -> identity.stream()
                    .anyMatch(s -> s.allows() && Evaluator.actionApplies(s, a.name()))).toList();
            for (Node kind : KINDS) {
                List<Action> actions = candidates.stream().filter(a -> a.kind().equals(kind)).toList();
                List<Node> direct = byResourcePolicy.stream().filter(n -> v.is(n, kind)).toList();
                if (!direct.isEmpty()) {
                    actions = CATALOGUE.stream().filter(a -> a.kind().equals(kind)).toList();
                }
                if (actions.isEmpty()) {
                    continue;
                }
                List<Action> asked = actions;
                List<Statement> grants = identity.stream().filter(s -> s.allows()
                        && asked.stream().anyMatch(a -> Evaluator.actionApplies(s, a.name()))).toList();
                Stores of = stores.get(kind);
                java.util.Set<Node> targets = new TreeSet<>(View.ORDER);
                targets.addAll(grants.isEmpty() ? List.of() : of.candidates(grants));
                targets.addAll(direct);
                for (Node store : targets) {
                    access(p, store, of.arns.get(store), actions, identity);
                }
            }
        }
    }

    /**
     * The data stores whose own policy allows someone by name (an ARN) or everyone: a principal
     * so named may reach them without any identity policy.
     */
    private final class Named {
        final Map<String, List<Node>> byArn = new java.util.HashMap<>();
        final List<Node> everyone = new ArrayList<>();

        Named(List<Node> stores) {
            for (Node store : stores) {
                iam.resourcePolicy(store).ifPresent(policy -> {
                    for (Statement s : policy.statements()) {
                        if (!s.allows()) {
                            continue;
                        }
                        for (String entry : s.principals()) {
                            if (entry.equals("*") || entry.equals("AWS:*")) {
                                everyone.add(store);
                            } else if (entry.startsWith("AWS:arn:") && !entry.endsWith(":root")) {
                                byArn.computeIfAbsent(entry.substring(4), k -> new ArrayList<>()).add(store);
                            }
                        }
                        if (!s.notPrincipals().isEmpty()) {
                            everyone.add(store);
                        }
                    }
                });
            }
        }

        List<Node> stores(String principalArn) {
            List<Node> out = new ArrayList<>(everyone);
            out.addAll(byArn.getOrDefault(principalArn, List.of()));
            return out;
        }
    }

    /**
     * The data stores of one kind, indexed by ARN so that a statement's Resource patterns find
     * their candidates by prefix instead of by trying every store. Stores whose ARN is not fully
     * known are candidates of every statement.
     */
    private final class Stores {
        final Map<Node, String> arns = new java.util.HashMap<>();
        final java.util.TreeMap<String, List<Node>> byArn = new java.util.TreeMap<>();
        final List<Node> vague = new ArrayList<>();
        final List<Node> all;

        Stores(List<Node> nodes) {
            this.all = nodes;
            for (Node n : nodes) {
                String arn = iam.arn(n);
                arns.put(n, arn);
                if (arn.contains(dev.breachpath.iam.Arns.UNKNOWN)) {
                    vague.add(n);
                } else {
                    byArn.computeIfAbsent(arn.toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>()).add(n);
                }
            }
        }

        /** The stores some Resource pattern of the statements may match, in order. */
        List<Node> candidates(List<Statement> statements) {
            java.util.Set<Node> out = new java.util.TreeSet<>(View.ORDER);
            for (Statement s : statements) {
                if (s.resources().isEmpty()) {
                    return all; // NotResource: anything not excluded
                }
                for (String pattern : s.resources()) {
                    String prefix = prefix(pattern);
                    if (prefix == null) {
                        return all;
                    }
                    byArn.subMap(prefix, true, prefix + Character.MAX_VALUE, true).values().forEach(out::addAll);
                }
            }
            out.addAll(vague);
            return new ArrayList<>(out);
        }

        /** The literal start of a pattern up to its first wildcard or path separator, lower-cased; null if it has none. */
        private String prefix(String pattern) {
            if (pattern.contains(dev.breachpath.iam.Arns.UNKNOWN)) {
                return null;
            }
            int cut = pattern.length();
            for (char c : new char[] {'*', '?', '/'}) {
                int i = pattern.indexOf(c);
                if (i >= 0) {
                    cut = Math.min(cut, i);
                }
            }
            return cut < 8 ? null : pattern.substring(0, cut).toLowerCase(java.util.Locale.ROOT);
        }
    }

    private List<Node> principals() {
        List<Node> out = new ArrayList<>(v.ofType(BP.IamUser));
        out.addAll(v.ofType(BP.IamRole));
        return out;
    }

    private void access(Node p, Node store, String arn, List<Action> actions, List<Statement> identity) {
        Match best = Match.NO;
        TreeSet<String> levels = new TreeSet<>();
        TreeSet<String> allowed = new TreeSet<>();
        Map<String, TreeSet<String>> byStatement = new TreeMap<>();
        Map<String, TreeSet<String>> onResources = new TreeMap<>();
        TreeSet<String> conditions = new TreeSet<>();
        List<Node> via = new ArrayList<>();
        for (Action a : actions) {
            Evaluation d = null;
            Match m = Match.NO;
            String asked = arn;
            for (String resource : resources(arn, a, identity)) {
                Evaluation candidate = iam.evaluate(p, a.name(), store, resource);
                if (candidate.match().compareTo(m) > 0) {
                    m = candidate.match();
                    d = candidate;
                    asked = resource;
                }
            }
            if (m == Match.NO) {
                continue;
            }
            best = best.or(m);
            levels.add(a.level());
            allowed.add(a.name());
            conditions.addAll(d.conditions());
            for (String label : d.statements()) {
                byStatement.computeIfAbsent(label, k -> new TreeSet<>()).add(a.name());
                onResources.computeIfAbsent(label, k -> new TreeSet<>()).add(asked.replace(dev.breachpath.iam.Arns.UNKNOWN, "*"));
                Node n = iam.node(label);
                if (n != null) {
                    via.add(n);
                }
            }
        }
        if (best == Match.NO) {
            return;
        }
        var e = out.edge(p, BP.canAccess, store, best).rule("iam.policy");
        e.accessLevels.addAll(levels);
        e.allows.addAll(allowed);
        via.forEach(e::via);
        byStatement.forEach((label, names) -> e.evidence(label + " allows " + String.join(", ", names) + " on "
                + String.join(", ", onResources.get(label))));
        if (best == Match.MAYBE) {
            e.evidence(conditions.isEmpty() ? "possible only: a value unknown before apply decides it"
                    : "possible only if: " + String.join("; ", conditions));
        }
        e.summary(String.join(", ", allowed) + " — " + String.join("; ", byStatement.keySet()));
    }

    /**
     * The resources to ask about for an action: the store's ARN, or for an object action every
     * object ({@code bucket/*}) and, where a statement allows only some objects
     * ({@code bucket/exports/*}), one object under that pattern: reading some of a bucket is
     * still reading it.
     */
    private static List<String> resources(String arn, Action a, List<Statement> identity) {
        if (!a.objects()) {
            return List.of(arn);
        }
        List<String> out = new ArrayList<>(List.of(arn + "/*"));
        for (Statement s : identity) {
            if ("Allow".equals(s.effect())) {
                for (String pattern : s.resources()) {
                    if (pattern.startsWith(arn + "/") && !pattern.equals(arn + "/*")) {
                        out.add(pattern.replace('*', '…').replace('?', '…'));
                    }
                }
            }
        }
        return out;
    }

    /** A policy whose document is unknown before apply may allow anything on the stores it refers to. */
    private void unknownDocuments(Node p) {
        for (Node policy : iam.unknownPolicies(p)) {
            for (Node ref : v.links(policy, BP.references)) {
                if (KINDS.stream().anyMatch(k -> v.is(ref, k))) {
                    out.edge(p, BP.canAccess, ref, Match.MAYBE).rule("iam.unknown-document").via(policy)
                            .evidence(v.label(policy) + ": document unknown before apply; it refers to " + v.label(ref))
                            .summary("policy " + v.label(policy) + " (document unknown before apply) refers to it");
                }
            }
        }
    }
}
