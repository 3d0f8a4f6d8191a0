package dev.breachpath.iam;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides a request as AWS does, from every policy in force (see docs/iam.md): an explicit Deny
 * in any policy denies; otherwise the request must be allowed at every level of the service and
 * resource control policies, by the VPC endpoint policy, and either by the resource's policy or
 * by the identity policies within the permissions boundary and session policy. Which of those a
 * resource policy's grant escapes depends on how it names the caller (a user or session by ARN: all
 * of them; a role by ARN: not the boundary and session policy; the account: none). Across accounts
 * both the resource policy and the identity policies must allow; a role trust policy and a KMS
 * key policy must allow even within the account.
 *
 * <p>Three answers: a condition key that the context leaves unknown makes a statement apply
 * possibly, and the decision Possible with the conditions that must hold.
 */
public final class Evaluator {
    private Evaluator() {}

    /** How a resource-based policy statement names the caller; decides which other policies still limit its grant. */
    private enum Named { NONE, WILDCARD, ACCOUNT, USER, ROLE, SESSION, FEDERATED, SERVICE }

    /** What one kind of policy says of a request: whether some statement allows or denies, and which. */
    private static final class Tally {
        Match allow = Match.NO;
        Match deny = Match.NO;
        final Set<String> allowBy = new LinkedHashSet<>();
        String denyBy;
        final List<String> allowIf = new ArrayList<>();
        final List<String> denyIf = new ArrayList<>();

        static Tally yes() {
            Tally t = new Tally();
            t.allow = Match.YES;
            return t;
        }
    }

    /** Decides {@code request} under {@code policies}. */
    public static Evaluation evaluate(Request request, Policies policies) {
        Principal p = request.principal();
        boolean hasIdentity = p.kind() == Principal.Kind.USER || p.isSession();
        Tally identity = hasIdentity ? tally(policies.identity(), request, false, false) : new Tally();
        Tally boundary = policies.boundary() == null || !hasIdentity ? null : tally(policies.boundary(), request, false, false);
        Tally session = policies.session() == null || !p.isSession() ? null : tally(List.of(policies.session()), request, false, false);
        boolean hasBoundary = policies.boundary() != null;
        Match boundaryOk = boundary == null ? Match.YES : boundary.allow;
        Match sessionOk = session != null ? session.allow : p.kind() == Principal.Kind.FEDERATED_USER ? Match.NO : Match.YES;
        Match chain = switch (p.kind()) {
            case ROOT -> Match.YES;
            case SERVICE, ANONYMOUS -> Match.NO;
            default -> identity.allow.and(boundaryOk).and(sessionOk);
        };

        boolean cross = request.crossAccount();
        boolean required = resourcePolicyRequired(request);
        Tally resource = new Tally();
        if (policies.resource() != null) {
            resource = resourceTally(policies.resource(), request, hasBoundary, cross, chain, boundaryOk.and(sessionOk));
        }
        boolean scpApplies = policies.scps() != null && p.kind() != Principal.Kind.SERVICE
                && p.kind() != Principal.Kind.ANONYMOUS && !p.isServiceLinked();
        boolean rcpApplies = policies.rcps() != null && p.kind() != Principal.Kind.SERVICE && !p.isServiceLinked();
        List<Tally> scps = scpApplies ? levels(policies.scps(), request, false) : List.of();
        List<Tally> rcps = rcpApplies ? levels(policies.rcps(), request, true) : List.of();
        Tally endpoint = policies.vpcEndpoint() == null ? null : tally(policies.vpcEndpoint(), request, true, hasBoundary);

        // 1. An explicit Deny anywhere.
        List<Tally> all = new ArrayList<>(List.of(identity, resource));
        if (boundary != null) {
            all.add(boundary);
        }
        if (session != null) {
            all.add(session);
        }
        if (endpoint != null) {
            all.add(endpoint);
        }
        all.addAll(scps);
        all.addAll(rcps);
        Match deny = Match.NO;
        String denyBy = null;
        List<String> denyIf = new ArrayList<>();
        for (Tally t : all) {
            if (t.deny == Match.YES) {
                return new Evaluation(Evaluation.Decision.DENY, Evaluation.Detail.EXPLICITLY_DENIED,
                        "explicitly denied by " + t.denyBy, List.of(t.denyBy), List.of());
            }
            if (t.deny == Match.MAYBE) {
                deny = Match.MAYBE;
                denyBy = denyBy == null ? t.denyBy : denyBy;
                t.denyIf.forEach(c -> denyIf.add("not " + c));
            }
        }

        // 2. Organisation levels and the endpoint must all allow.
        List<String> cited = new ArrayList<>();
        List<String> allowIf = new ArrayList<>();
        List<Tally> gates = new ArrayList<>(rcps);
        List<String> gateNames = new ArrayList<>();
        for (int i = 0; i < rcps.size(); i++) {
            gateNames.add("no resource control policy at level " + policies.rcps().get(i).name() + " allows it");
        }
        gates.addAll(scps);
        for (int i = 0; i < scps.size(); i++) {
            gateNames.add("no service control policy at level " + policies.scps().get(i).name() + " allows it");
        }
        if (endpoint != null) {
            gates.add(endpoint);
            gateNames.add("the VPC endpoint policy does not allow it");
        }
        Match allowed = Match.YES;
        String missing = null;
        for (int i = 0; i < gates.size(); i++) {
            Tally t = gates.get(i);
            allowed = allowed.and(t.allow);
            allowIf.addAll(t.allowIf);
            if (t.allow == Match.NO && missing == null) {
                missing = gateNames.get(i);
            }
        }

        // 3. The resource policy's grant, or the identity policies within boundary and session policy.
        Match grant = resource.allow;
        Match granted = required || cross ? grant : grant.or(chain);
        if (granted != Match.NO) {
            boolean both = cross || required;
            boolean viaResource = grant != Match.NO && (both || grant == Match.YES || chain != Match.YES);
            boolean viaIdentity = chain != Match.NO && (cross || (required ? identity.allow != Match.NO : grant != Match.YES));
            if (viaResource) {
                cited.addAll(resource.allowBy);
                allowIf.addAll(resource.allowIf);
            }
            if (viaIdentity) {
                for (Tally t : new Tally[] {identity, boundary, session}) {
                    if (t != null) {
                        cited.addAll(t.allowBy);
                        allowIf.addAll(t.allowIf);
                    }
                }
            }
        } else if (missing == null) {
            missing = whyNot(request, policies, identity, boundary, session, resource, required, cross, chain);
        }
        allowed = allowed.and(granted);
        if (allowed != Match.NO && deny == Match.MAYBE) {
            allowed = Match.MAYBE;
            allowIf.addAll(denyIf);
        }
        List<String> conditions = List.copyOf(new LinkedHashSet<>(allowIf));
        return switch (allowed) {
            case YES -> new Evaluation(Evaluation.Decision.ALLOW, Evaluation.Detail.ALLOWED,
                    "allowed by " + String.join("; ", cited), cited, List.of());
            case MAYBE -> new Evaluation(Evaluation.Decision.POSSIBLE, Evaluation.Detail.ALLOWED,
                    "allowed by " + String.join("; ", cited) + (conditions.isEmpty() ? " if values not known yet allow it"
                            : " if " + conditions.size() + (conditions.size() == 1 ? " condition holds" : " conditions hold"))
                            + (deny == Match.MAYBE ? ", unless " + denyBy + " applies" : ""),
                    cited, conditions);
            case NO -> new Evaluation(Evaluation.Decision.DENY, Evaluation.Detail.IMPLICITLY_DENIED,
                    missing == null ? "nothing allows it" : missing, List.of(), List.of());
        };
    }

    private static String whyNot(Request r, Policies policies, Tally identity, Tally boundary, Tally session, Tally resource,
                                 boolean required, boolean cross, Match chain) {
        Principal p = r.principal();
        if (required && policies.resource() == null) {
            return "the resource has no policy, and " + r.action() + " needs one that allows it";
        }
        if ((required || cross) && resource.allow == Match.NO) {
            return (policies.resource() == null ? "the resource has no policy" : "the resource policy does not allow " + p.describe())
                    + (cross ? " (another account's resource)" : "");
        }
        if (p.kind() == Principal.Kind.ANONYMOUS || p.kind() == Principal.Kind.SERVICE) {
            return policies.resource() == null ? "no resource policy allows " + p.describe() : "the resource policy does not allow " + p.describe();
        }
        if (identity.allow == Match.NO) {
            return "no identity policy allows " + r.action() + " on " + r.resource();
        }
        if (boundary != null && boundary.allow == Match.NO) {
            return "the permissions boundary does not allow it";
        }
        if (p.isSession() && (session == null || session.allow == Match.NO)) {
            return session == null ? "a federated user's session without a session policy allows nothing" : "the session policy does not allow it";
        }
        return chain == Match.NO ? "nothing allows it" : "the resource policy does not allow it";
    }

    /** Whether only a resource policy can grant the request: a role's trust policy, a KMS key policy. */
    private static boolean resourcePolicyRequired(Request r) {
        String action = r.action();
        if (action.regionMatches(true, 0, "sts:", 0, 4) && r.resource().contains(":role/")) {
            return true;
        }
        return action.regionMatches(true, 0, "kms:", 0, 4) && r.resource().contains(":key/");
    }

    private static List<Tally> levels(List<Policies.Level> levels, Request r, boolean resourceSide) {
        List<Tally> out = new ArrayList<>();
        for (Policies.Level level : levels) {
            out.add(tally(level.policies(), r, resourceSide, false));
        }
        return out;
    }

    /**
     * Tallies policies whose statements need no principal (identity policies, boundaries,
     * session policies, SCPs) or, for {@code principals}, check the principal when they name one
     * (RCPs, VPC endpoint policies).
     */
    private static Tally tally(List<IamPolicy> policies, Request r, boolean principals, boolean hasBoundary) {
        Tally t = new Tally();
        for (IamPolicy policy : policies) {
            for (int i : policy.forAction(r.action())) {
                Statement s = policy.statements().get(i);
                boolean named = !s.principals().isEmpty() || !s.notPrincipals().isEmpty();
                if (principals && named && principal(s, r.principal(), hasBoundary) == Named.NONE) {
                    continue;
                }
                count(t, s, policy.label(i), r);
            }
        }
        return t;
    }

    /** Adds one statement whose action covers the request to a tally. */
    private static Match count(Tally t, Statement s, String label, Request r) {
        return count(t, s, label, r, false);
    }

    /**
     * Adds one statement to a tally; {@code implied}: a statement of a resource's own policy
     * without Resource or NotResource is about that resource (as in a role trust policy).
     */
    private static Match count(Tally t, Statement s, String label, Request r, boolean implied) {
        List<String> residual = new ArrayList<>(0);
        Match m = implied && s.resources().isEmpty() && s.notResources().isEmpty() ? Match.YES
                : resourceApplies(s, r.resource(), r.context());
        if (m != Match.NO && s.conditional()) {
            m = m.and(Conditions.evaluate(s.condition(), r.context(), s.substitutes(), residual));
        }
        if (m == Match.NO) {
            return m;
        }
        if (s.denies()) {
            if (m.compareTo(t.deny) > 0 || t.denyBy == null) {
                t.denyBy = label;
            }
            t.deny = t.deny.or(m);
            t.denyIf.addAll(residual);
        } else if (s.allows()) {
            if (m == Match.YES && t.allow != Match.YES) {
                t.allowBy.clear();
                t.allowIf.clear();
            }
            if (m == Match.YES || t.allow != Match.YES) {
                t.allowBy.add(label);
                t.allowIf.addAll(residual);
            }
            t.allow = t.allow.or(m);
        }
        return m;
    }

    /**
     * Tallies a resource-based policy. Its Allow grants as far as the caller's naming lets it:
     * directly for a user, session or service named by ARN or name (and for {@code *}); within
     * boundary and session policy ({@code limits}) for a role named by ARN; through the identity
     * policies ({@code chain}) for the account. Across accounts the grant is only half of it:
     * the identity policies must allow as well.
     */
    private static Tally resourceTally(IamPolicy policy, Request r, boolean hasBoundary, boolean cross, Match chain, Match limits) {
        Tally t = new Tally();
        for (int i : policy.forAction(r.action())) {
            Statement s = policy.statements().get(i);
            Named named = principal(s, r.principal(), hasBoundary);
            if (named == Named.NONE) {
                continue;
            }
            Tally one = new Tally();
            Match m = count(one, s, policy.label(i), r, true);
            if (m == Match.NO) {
                continue;
            }
            if (s.denies()) {
                count(t, s, policy.label(i), r, true);
                continue;
            }
            Match limit = cross ? chain : switch (named) {
                case ACCOUNT -> chain;
                case ROLE -> limits;
                default -> Match.YES;
            };
            Match g = m.and(limit);
            if (g == Match.NO) {
                continue;
            }
            if (g == Match.YES && t.allow != Match.YES) {
                t.allowBy.clear();
                t.allowIf.clear();
            }
            if (g == Match.YES || t.allow != Match.YES) {
                t.allowBy.add(policy.label(i));
                t.allowIf.addAll(one.allowIf);
            }
            t.allow = t.allow.or(g);
        }
        return t;
    }

    /** How a statement's Principal (or NotPrincipal) names the caller; NONE when it does not. */
    private static Named principal(Statement s, Principal p, boolean hasBoundary) {
        if (!s.principals().isEmpty()) {
            Named best = Named.NONE;
            for (String entry : s.principals()) {
                Named n = names(entry, p);
                if (n != Named.NONE && (best == Named.NONE || best == Named.ACCOUNT)) {
                    best = n;
                }
            }
            return best;
        }
        if (!s.notPrincipals().isEmpty()) {
            if (s.denies() && hasBoundary) {
                return Named.WILDCARD; // NotPrincipal with Deny always applies to a principal with a boundary
            }
            for (String entry : s.notPrincipals()) {
                if (names(entry, p) != Named.NONE) {
                    return Named.NONE;
                }
            }
            return Named.WILDCARD;
        }
        return Named.NONE; // a resource policy statement without a principal applies to nobody
    }

    /** How one principal entry ({@code AWS:…}, {@code Service:…}, {@code *}) names the caller. */
    private static Named names(String entry, Principal p) {
        if (entry.equals("*") || entry.equals("AWS:*")) {
            return Named.WILDCARD;
        }
        int colon = entry.indexOf(':');
        String type = colon < 0 ? "" : entry.substring(0, colon);
        String value = colon < 0 ? entry : entry.substring(colon + 1);
        if (type.equals("Service")) {
            return p.kind() == Principal.Kind.SERVICE && value.equalsIgnoreCase(p.name()) ? Named.SERVICE : Named.NONE;
        }
        if (!type.equals("AWS") || p.kind() == Principal.Kind.ANONYMOUS || p.kind() == Principal.Kind.SERVICE) {
            return Named.NONE;
        }
        if (value.matches("\\d{12}")) {
            return value.equals(p.account()) ? Named.ACCOUNT : Named.NONE;
        }
        String[] a = value.split(":", 6);
        if (a.length != 6 || !a[0].equals("arn")) {
            return Named.NONE; // a unique id (AIDA…, AROA…) names a user or role this request does not identify
        }
        if (!a[4].equals(p.account())) {
            return Named.NONE;
        }
        String res = a[5];
        if (a[2].equals("iam") && res.equals("root")) {
            return Named.ACCOUNT;
        }
        if (a[2].equals("iam") && res.startsWith("user/")) {
            return p.kind() == Principal.Kind.USER && value.equals(p.arn()) ? Named.USER : Named.NONE;
        }
        if (a[2].equals("iam") && res.startsWith("role/")) {
            if (p.kind() != Principal.Kind.ROLE_SESSION) {
                return Named.NONE;
            }
            String name = res.substring(res.lastIndexOf('/') + 1);
            String path = res.substring(4, res.lastIndexOf('/') + 1);
            boolean same = name.equals(p.name()) && (p.path() == null || p.path().equals(path));
            return same ? Named.ROLE : Named.NONE;
        }
        if (a[2].equals("sts") && res.startsWith("assumed-role/")) {
            return p.kind() == Principal.Kind.ROLE_SESSION && value.equals(p.arn()) ? Named.SESSION : Named.NONE;
        }
        if (a[2].equals("sts") && res.startsWith("federated-user/")) {
            return p.kind() == Principal.Kind.FEDERATED_USER && value.equals(p.arn()) ? Named.FEDERATED : Named.NONE;
        }
        return Named.NONE;
    }

    /**
     * The answer for one request within one account from a list of statements alone (identity
     * policies, or a boundary), with every condition key unknown.
     *
     * @param match  YES allowed, MAYBE allowed only if conditions or unknown values say so, NO denied
     * @param grants the Allow statements that apply (empty when denied)
     */
    public record Decision(Match match, List<Statement> grants) {
        /** Not allowed, by nothing. */
        public static final Decision DENIED = new Decision(Match.NO, List.of());
    }

    /** Whether {@code statements} allow {@code action} on {@code resource}, every condition key unknown. */
    public static Decision decide(List<Statement> statements, String action, String resource) {
        Match allow = Match.NO;
        Match deny = Match.NO;
        List<Statement> grants = new ArrayList<>();
        for (Statement s : statements) {
            Match applies = applies(s, action, resource);
            if (applies == Match.NO) {
                continue;
            }
            if (s.denies()) {
                deny = deny.or(applies);
            } else if (s.allows()) {
                allow = allow.or(applies);
                grants.add(s);
            }
        }
        if (deny == Match.YES || allow == Match.NO) {
            return Decision.DENIED;
        }
        return new Decision(deny == Match.MAYBE ? allow.and(Match.MAYBE) : allow, List.copyOf(grants));
    }

    private static final RequestContext UNKNOWN = RequestContext.open().build();

    /** Whether a statement applies to the request, ignoring its effect and principal, every condition key unknown. */
    public static Match applies(Statement s, String action, String resource) {
        if (!actionApplies(s, action)) {
            return Match.NO;
        }
        Match match = resourceApplies(s, resource, UNKNOWN);
        if (match != Match.NO && s.conditional()) {
            match = match.and(Conditions.evaluate(s.condition(), UNKNOWN, s.substitutes(), null));
        }
        return match;
    }

    /** Whether the statement's Action (or NotAction) covers {@code action}. */
    public static boolean actionApplies(Statement s, String action) {
        if (!s.actions().isEmpty()) {
            for (String p : s.actions()) {
                if (Arns.actionMatches(p, action)) {
                    return true;
                }
            }
            return false;
        }
        if (!s.notActions().isEmpty()) {
            for (String p : s.notActions()) {
                if (Arns.actionMatches(p, action)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** Whether the statement's Resource (or NotResource) covers {@code resource}, variables substituted from {@code context}. */
    static Match resourceApplies(Statement s, String resource, RequestContext context) {
        boolean variables = s.substitutes();
        if (!s.resources().isEmpty()) {
            Match best = Match.NO;
            for (String p : s.resources()) {
                best = best.or(resourceMatches(p, resource, context, variables));
                if (best == Match.YES) {
                    break;
                }
            }
            return best;
        }
        if (!s.notResources().isEmpty()) {
            Match excluded = Match.NO;
            for (String p : s.notResources()) {
                excluded = excluded.or(resourceMatches(p, resource, context, variables));
            }
            return switch (excluded) {
                case YES -> Match.NO;
                case MAYBE -> Match.MAYBE;
                case NO -> Match.YES;
            };
        }
        return Match.NO;
    }

    private static Match resourceMatches(String pattern, String resource, RequestContext context, boolean variables) {
        if (!variables || pattern.indexOf('$') < 0) {
            return Arns.matches(pattern, resource);
        }
        Variables.Substituted s = Variables.substitute(pattern, context);
        if (s.pattern() == null) {
            return Match.NO;
        }
        return Arns.matches(s.pattern(), resource).and(s.sure());
    }
}
