package dev.breachpath.derive;

import dev.breachpath.graph.BP;
import dev.breachpath.iam.Arns;
import dev.breachpath.iam.Evaluator;
import dev.breachpath.iam.Match;
import dev.breachpath.iam.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;

/**
 * {@code bp:canAssume}: a user or role may call {@code sts:AssumeRole} on a role. Within one
 * account a trust policy that names the caller's ARN is enough on its own; one that trusts the
 * account ({@code :root}) or {@code *} needs the caller's identity policies to allow it too.
 */
final class Assumption {
    private static final String ACTION = "sts:AssumeRole";

    private final View v;
    private final Iam iam;
    private final Witnesses out;

    Assumption(View v, Iam iam, Witnesses out) {
        this.v = v;
        this.iam = iam;
        this.out = out;
    }

    void derive() {
        List<Node> callers = new ArrayList<>(v.ofType(BP.IamUser));
        callers.addAll(v.ofType(BP.IamRole));
        List<Node> roles = v.ofType(BP.IamRole);
        // Only callers whose policies could allow sts:AssumeRole at all need the identity check.
        List<Node> assumers = callers.stream().filter(c -> iam.identity(c).stream()
                .anyMatch(s -> "Allow".equals(s.effect()) && Evaluator.actionApplies(s, ACTION))).toList();
        for (Node role : roles) {
            List<Statement> trust = iam.trust(role);
            if (trust.isEmpty()) {
                continue;
            }
            String roleArn = iam.arn(role);
            for (Node caller : callers) {
                if (caller.equals(role)) {
                    continue;
                }
                String callerArn = iam.arn(caller);
                Match named = Match.NO;
                Match account = Match.NO;
                String by = null;
                for (Statement s : trust) {
                    if (!"Allow".equals(s.effect()) || !Evaluator.actionApplies(s, ACTION)) {
                        continue;
                    }
                    Match cond = s.condition() == null || s.condition().isEmpty() ? Match.YES : Match.MAYBE;
                    for (String p : s.principals()) {
                        Match m = principalMatch(p, callerArn);
                        if (m == Match.YES || m == Match.MAYBE) {
                            named = named.or(m.and(cond));
                            by = iam.label(s);
                        } else if (p.equals("*") || p.equals("AWS:*") || isAccount(p, callerArn)) {
                            account = account.or(cond);
                            by = by == null ? iam.label(s) : by;
                        }
                    }
                }
                Match result = named;
                String why = null;
                if (result != Match.YES && account != Match.NO && assumers.contains(caller)) {
                    Evaluator.Decision d = Evaluator.decide(iam.identity(caller), ACTION, roleArn);
                    Match m = d.match().and(account);
                    if (m != Match.NO) {
                        result = result.or(m);
                        why = d.grants().stream().map(iam::label).distinct().reduce((a, b) -> a + "; " + b).orElse("?");
                    }
                }
                if (result == Match.NO) {
                    continue;
                }
                var e = out.edge(caller, BP.canAssume, role, result).rule("iam.assume-role")
                        .evidence("trust policy of " + v.label(role) + " (" + by + ") trusts " + (named != Match.NO ? v.label(caller) : "the account"));
                e.allows.add(ACTION);
                if (why != null) {
                    e.evidence(why + " allows " + ACTION + " on " + roleArn.replace(Arns.UNKNOWN, "*"));
                }
                e.summary("sts:AssumeRole — " + (why != null ? why : "trust policy names it"));
            }
        }
    }

    private static Match principalMatch(String principal, String callerArn) {
        if (!principal.startsWith("AWS:arn:")) {
            return Match.NO;
        }
        String arn = principal.substring(4);
        if (arn.endsWith(":root")) {
            return Match.NO;
        }
        return Arns.matches(arn, callerArn) == Match.NO ? Match.NO : Arns.matches(arn, callerArn);
    }

    private static boolean isAccount(String principal, String callerArn) {
        if (!principal.startsWith("AWS:")) {
            return false;
        }
        String p = principal.substring(4);
        String[] parts = callerArn.split(":", 6);
        if (parts.length < 6) {
            return false;
        }
        String account = parts[4];
        if (p.equals(account) || p.equals("arn:aws:iam::" + account + ":root")) {
            return true;
        }
        return account.equals(Arns.UNKNOWN) && (p.matches("\\d{12}") || p.matches("arn:aws:iam::\\d{12}:root"));
    }
}
