package dev.breachpath.derive;

import dev.breachpath.graph.BP;
import dev.breachpath.iam.Arns;
import dev.breachpath.iam.Evaluator;
import dev.breachpath.iam.Match;
import dev.breachpath.iam.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.jena.graph.Node;

/**
 * {@code bp:canAssume}: a user or role may call {@code sts:AssumeRole} on a role. Within one
 * account a trust policy that names the caller's ARN is enough on its own; one that trusts the
 * account ({@code :root}) or {@code *} needs the caller's identity policies to allow it too.
 */
record Assumption(View v, Iam iam, Witnesses out) {
    private static final String ACTION = "sts:AssumeRole";

    void derive() {
        List<Node> callers = new ArrayList<>(v.ofType(BP.IamUser));
        callers.addAll(v.ofType(BP.IamRole));
        Map<Node, String> arns = new HashMap<>();
        Map<String, List<Node>> byArn = new HashMap<>();
        for (Node c : callers) {
            String arn = iam.arn(c);
            arns.put(c, arn);
            byArn.computeIfAbsent(arn, k -> new ArrayList<>()).add(c);
        }
        // Only callers whose policies could allow sts:AssumeRole at all can use a trust in the account.
        List<Node> assumers = callers.stream().filter(c -> iam.identity(c).stream()
                .anyMatch(s -> "Allow".equals(s.effect()) && Evaluator.actionApplies(s, ACTION))).toList();
        for (Node role : v.ofType(BP.IamRole)) {
            List<Statement> trust = iam.trust(role);
            if (trust.isEmpty()) {
                continue;
            }
            String roleArn = arns.get(role);
            Map<Node, Match> named = new LinkedHashMap<>();
            Map<Node, Match> account = new LinkedHashMap<>();
            Map<Node, String> by = new HashMap<>();
            for (Statement s : trust) {
                if (!"Allow".equals(s.effect()) || !Evaluator.actionApplies(s, ACTION)) {
                    continue;
                }
                Match cond = s.condition() == null || s.condition().isEmpty() ? Match.YES : Match.MAYBE;
                for (String p : s.principals()) {
                    if (p.startsWith("AWS:arn:") && !p.endsWith(":root")) {
                        String pattern = p.substring(4);
                        List<Node> exact = byArn.get(pattern);
                        List<Node> candidates = exact != null ? exact : pattern.contains("*") || pattern.contains("?") ? callers : List.of();
                        for (Node c : candidates) {
                            Match m = Arns.matches(pattern, arns.get(c));
                            if (m != Match.NO) {
                                named.merge(c, m.and(cond), Match::or);
                                by.putIfAbsent(c, iam.label(s));
                            }
                        }
                    } else if (p.equals("*") || p.equals("AWS:*") || p.startsWith("AWS:")) {
                        for (Node c : assumers) {
                            Match m = accountMatch(p, arns.get(c));
                            if (m != Match.NO) {
                                account.merge(c, m.and(cond), Match::or);
                                by.putIfAbsent(c, iam.label(s));
                            }
                        }
                    }
                }
            }
            TreeSet<Node> all = new TreeSet<>(View.ORDER);
            all.addAll(named.keySet());
            all.addAll(account.keySet());
            for (Node caller : all) {
                if (caller.equals(role)) {
                    continue;
                }
                Match result = named.getOrDefault(caller, Match.NO);
                String why = null;
                Match trusted = account.getOrDefault(caller, Match.NO);
                if (result != Match.YES && trusted != Match.NO) {
                    Evaluator.Decision d = Evaluator.decide(iam.identity(caller), ACTION, roleArn);
                    Match m = d.match().and(trusted);
                    if (m != Match.NO) {
                        result = result.or(m);
                        why = d.grants().stream().map(iam::label).distinct().reduce((a, b) -> a + "; " + b).orElse("?");
                    }
                }
                if (result == Match.NO) {
                    continue;
                }
                var e = out.edge(caller, BP.canAssume, role, result).rule("iam.assume-role")
                        .evidence("trust policy of " + v.label(role) + " (" + by.get(caller) + ") trusts "
                                + (named.containsKey(caller) ? v.label(caller) : "the account"));
                e.allows.add(ACTION);
                if (why != null) {
                    e.evidence(why + " allows " + ACTION + " on " + roleArn.replace(Arns.UNKNOWN, "*"));
                }
                e.summary("sts:AssumeRole — " + (why != null ? why : "trust policy names it"));
            }
        }
    }

    /** Whether a trust principal that is an account, or everyone, covers the caller (whose identity policy must then allow). */
    private static Match accountMatch(String principal, String callerArn) {
        if (principal.equals("*") || principal.equals("AWS:*")) {
            return Match.YES;
        }
        String p = principal.substring(4);
        String[] parts = callerArn.split(":", 6);
        if (parts.length < 6) {
            return Match.NO;
        }
        String account = parts[4];
        String trusted = p.matches("\\d{12}") ? p : p.matches("arn:aws:iam::\\d{12}:root") ? p.substring(13, 25) : null;
        if (trusted == null) {
            return Match.NO;
        }
        if (account.equals(Arns.UNKNOWN)) {
            return Match.MAYBE;
        }
        return account.equals(trusted) ? Match.YES : Match.NO;
    }
}
