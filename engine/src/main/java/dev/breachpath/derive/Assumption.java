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
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Node;

/**
 * {@code bp:canAssume}: a user or role may call {@code sts:AssumeRole} on a role, as the
 * evaluator decides it with the role's trust policy: within one account a trust that names the
 * caller's ARN is enough on its own; one that trusts the account needs the caller's identity
 * policies too, and across accounts both are needed.
 */
record Assumption(View v, Iam iam, Witnesses out) {
    private static final String ACTION = "sts:AssumeRole";

    void derive() {
        List<Node> callers = new ArrayList<>(v.ofType(BP.IamUser));
        callers.addAll(v.ofType(BP.IamRole));
        Map<String, List<Node>> byArn = new HashMap<>();
        for (Node c : callers) {
            byArn.computeIfAbsent(iam.arn(c), k -> new ArrayList<>()).add(c);
        }
        // Only callers whose policies could allow sts:AssumeRole can use a trust of their account.
        List<Node> assumers = callers.stream().filter(c -> iam.identity(c).stream()
                .anyMatch(s -> s.allows() && Evaluator.actionApplies(s, ACTION))).toList();
        for (Node role : v.ofType(BP.IamRole)) {
            Set<Node> candidates = new TreeSet<>(View.ORDER);
            for (Statement s : iam.trust(role)) {
                if (!s.allows() || !Evaluator.actionApplies(s, ACTION)) {
                    continue;
                }
                if (!s.notPrincipals().isEmpty()) {
                    candidates.addAll(callers);
                }
                for (String p : s.principals()) {
                    if (p.equals("*") || p.equals("AWS:*")) {
                        candidates.addAll(callers);
                    } else if (p.startsWith("AWS:arn:") && !p.endsWith(":root")) {
                        candidates.addAll(byArn.getOrDefault(p.substring(4), List.of()));
                    } else if (p.startsWith("AWS:")) {
                        candidates.addAll(assumers);
                    }
                }
            }
            String roleArn = iam.arn(role);
            for (Node caller : candidates) {
                if (caller.equals(role)) {
                    continue;
                }
                Evaluation e = iam.evaluate(caller, ACTION, role, roleArn);
                if (e.match() == Match.NO) {
                    continue;
                }
                var edge = out.edge(caller, BP.canAssume, role, e.match()).rule("iam.assume-role");
                edge.allows.add(ACTION);
                for (String label : e.statements()) {
                    edge.evidence(label + " allows " + ACTION + " on " + v.label(role));
                    Node n = iam.node(label);
                    if (n != null) {
                        edge.via(n);
                    }
                }
                if (e.match() == Match.MAYBE) {
                    edge.evidence(e.conditions().isEmpty() ? "possible only: a value unknown before apply decides it"
                            : "possible only if: " + String.join("; ", e.conditions()));
                }
                edge.summary(ACTION + " — " + String.join("; ", e.statements()));
            }
        }
    }
}
