package dev.breachpath.iam;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether identity policies allow an action on a resource, as IAM does within one
 * account: an explicit Deny wins, else an applicable Allow allows, else the request is denied.
 * {@code Action}/{@code NotAction}, {@code Resource}/{@code NotResource} and IAM's wildcard and ARN
 * rules are applied; a {@code Condition} is not decided offline, so a statement with one applies
 * only {@link Match#MAYBE}, and so does a Resource pattern unknown before apply.
 */
public final class Evaluator {
    private Evaluator() {}

    /**
     * The answer for one request.
     *
     * @param match  YES allowed, MAYBE allowed only if conditions or unknown values say so, NO denied
     * @param grants the Allow statements that apply (empty when denied)
     */
    public record Decision(Match match, List<Statement> grants) {
        /** Not allowed, by nothing. */
        public static final Decision DENIED = new Decision(Match.NO, List.of());
    }

    /** Whether {@code statements} (all the identity policies of one principal) allow {@code action} on {@code resource}. */
    public static Decision decide(List<Statement> statements, String action, String resource) {
        Match allow = Match.NO;
        Match deny = Match.NO;
        List<Statement> grants = new ArrayList<>();
        for (Statement s : statements) {
            Match applies = applies(s, action, resource);
            if (applies == Match.NO) {
                continue;
            }
            if ("Deny".equals(s.effect())) {
                deny = deny.or(applies);
            } else if ("Allow".equals(s.effect())) {
                allow = allow.or(applies);
                grants.add(s);
            }
        }
        if (deny == Match.YES || allow == Match.NO) {
            return Decision.DENIED;
        }
        return new Decision(deny == Match.MAYBE ? allow.and(Match.MAYBE) : allow, List.copyOf(grants));
    }

    /** Whether a statement applies to the request, ignoring its effect. */
    public static Match applies(Statement s, String action, String resource) {
        if (!actionApplies(s, action)) {
            return Match.NO;
        }
        Match match = resourceApplies(s, resource);
        if (match != Match.NO && s.condition() != null && !s.condition().isEmpty()) {
            match = match.and(Match.MAYBE);
        }
        return match;
    }

    /** Whether the statement's Action (or NotAction) covers {@code action}. */
    public static boolean actionApplies(Statement s, String action) {
        if (!s.actions().isEmpty()) {
            return s.actions().stream().anyMatch(p -> Arns.actionMatches(p, action));
        }
        if (!s.notActions().isEmpty()) {
            return s.notActions().stream().noneMatch(p -> Arns.actionMatches(p, action));
        }
        return false;
    }

    private static Match resourceApplies(Statement s, String resource) {
        if (!s.resources().isEmpty()) {
            Match best = Match.NO;
            for (String p : s.resources()) {
                best = best.or(Arns.matches(p, resource));
                if (best == Match.YES) {
                    break;
                }
            }
            return best;
        }
        if (!s.notResources().isEmpty()) {
            Match excluded = Match.NO;
            for (String p : s.notResources()) {
                excluded = excluded.or(Arns.matches(p, resource));
            }
            return switch (excluded) {
                case YES -> Match.NO;
                case MAYBE -> Match.MAYBE;
                case NO -> Match.YES;
            };
        }
        return Match.NO;
    }
}
