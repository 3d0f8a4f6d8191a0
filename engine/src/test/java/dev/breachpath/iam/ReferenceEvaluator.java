package dev.breachpath.iam;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A deliberately plain evaluator written straight from the documented procedure ("Policy
 * evaluation logic" of the IAM User Guide), for comparison with {@link Evaluator}: it reads the
 * JSON of a decision case directly, turns wildcards into regular expressions, and walks the
 * steps in order. Slow and small; covers users and roles in two accounts, identity policies, a
 * boundary, a resource policy, SCP levels and string, bool, IP and null conditions in a strict
 * context.
 */
final class ReferenceEvaluator {
    private ReferenceEvaluator() {}

    /** The decision and detail AWS gives, e.g. {@code Deny/ExplicitlyDenied}. */
    static String decide(JsonNode c) {
        JsonNode req = c.get("request");
        String principal = req.get("principal").asText();
        String action = req.get("action").asText();
        String resource = req.get("resource").asText();
        String account = principal.split(":")[4];
        String owner = req.get("resourceAccount").asText();
        JsonNode context = req.path("context");
        JsonNode p = c.get("policies");
        boolean cross = !account.equals(owner);

        List<JsonNode> identity = list(p.get("identity"));
        List<JsonNode> boundary = p.has("permissionBoundary") ? list(p.get("permissionBoundary")) : null;
        JsonNode rp = p.get("resource");
        List<List<JsonNode>> scps = new ArrayList<>();
        for (JsonNode level : p.path("scp")) {
            scps.add(list(level.get("policies")));
        }

        // Step 1: an applicable Deny in any policy denies.
        List<JsonNode> everything = new ArrayList<>(identity);
        if (boundary != null) {
            everything.addAll(boundary);
        }
        scps.forEach(everything::addAll);
        for (JsonNode doc : everything) {
            for (JsonNode s : statements(doc)) {
                if (s.path("Effect").asText().equals("Deny") && applies(s, false, principal, account, action, resource, context)) {
                    return "Deny/ExplicitlyDenied";
                }
            }
        }
        if (rp != null) {
            for (JsonNode s : statements(rp)) {
                if (s.path("Effect").asText().equals("Deny") && applies(s, true, principal, account, action, resource, context)) {
                    return "Deny/ExplicitlyDenied";
                }
            }
        }
        // Step 2: every SCP level must allow.
        for (List<JsonNode> level : scps) {
            if (!allows(level, false, principal, account, action, resource, context)) {
                return "Deny/ImplicitlyDenied";
            }
        }
        boolean identityAllows = allows(identity, false, principal, account, action, resource, context);
        boolean boundaryAllows = boundary == null || allows(boundary, false, principal, account, action, resource, context);
        // Step 3: the resource policy.
        String named = "none";
        if (rp != null) {
            for (JsonNode s : statements(rp)) {
                if (s.path("Effect").asText().equals("Allow") && applies(s, true, principal, account, action, resource, context)) {
                    String how = naming(s, principal, account);
                    if (named.equals("none") || named.equals("account") || named.equals("role") && !how.equals("account")) {
                        named = how;
                    }
                }
            }
        }
        if (cross) {
            return !named.equals("none") && identityAllows && boundaryAllows ? "Allow/Allowed" : "Deny/ImplicitlyDenied";
        }
        // Same account: a resource policy naming the user or session, or everyone, grants alone; naming the role, within its boundary.
        if (named.equals("everyone") || named.equals("principal") || named.equals("role") && boundaryAllows) {
            return "Allow/Allowed";
        }
        // Steps 4 and 5: identity policies, within the boundary.
        return identityAllows && boundaryAllows ? "Allow/Allowed" : "Deny/ImplicitlyDenied";
    }

    private static boolean allows(List<JsonNode> docs, boolean resourcePolicy, String principal, String account, String action,
                                  String resource, JsonNode context) {
        for (JsonNode doc : docs) {
            for (JsonNode s : statements(doc)) {
                if (s.path("Effect").asText().equals("Allow") && applies(s, resourcePolicy, principal, account, action, resource, context)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean applies(JsonNode s, boolean resourcePolicy, String principal, String account, String action, String resource,
                                   JsonNode context) {
        if (resourcePolicy && naming(s, principal, account).equals("none")) {
            return false;
        }
        boolean actionOk = s.has("Action") ? any(s.get("Action"), a -> glob(a, true).matcher(action).matches())
                : s.has("NotAction") && !any(s.get("NotAction"), a -> glob(a, true).matcher(action).matches());
        if (!actionOk) {
            return false;
        }
        boolean resourceOk = s.has("Resource") ? any(s.get("Resource"), r -> arn(r, resource))
                : s.has("NotResource") ? !any(s.get("NotResource"), r -> arn(r, resource)) : resourcePolicy;
        return resourceOk && conditions(s.path("Condition"), context);
    }

    /** How a resource policy statement names the caller: principal, account, everyone, or none. */
    private static String naming(JsonNode s, String principal, String account) {
        JsonNode p = s.get("Principal");
        if (p == null) {
            return "none";
        }
        if (p.isTextual() && p.asText().equals("*")) {
            return "everyone";
        }
        String best = "none";
        for (JsonNode v : values(p.path("AWS"))) {
            String t = v.asText();
            if (t.equals("*")) {
                return "everyone";
            }
            if (t.equals(principal)) {
                best = principal.contains(":role/") ? "role" : "principal";
            } else if (principal.contains(":assumed-role/") && t.equals(roleOf(principal))) {
                best = "role";
            } else if ((t.equals(account) || t.equals("arn:aws:iam::" + account + ":root")) && best.equals("none")) {
                best = "account";
            }
        }
        return best;
    }

    /** The role ARN of a session ARN: arn:aws:sts::A:assumed-role/R/S gives arn:aws:iam::A:role/R. */
    private static String roleOf(String session) {
        String[] p = session.split(":");
        String[] parts = p[5].split("/");
        return "arn:aws:iam::" + p[4] + ":role/" + parts[1];
    }

    private static boolean conditions(JsonNode block, JsonNode context) {
        for (var op : (Iterable<java.util.Map.Entry<String, JsonNode>>) block::fields) {
            for (var key : (Iterable<java.util.Map.Entry<String, JsonNode>>) op.getValue()::fields) {
                if (!condition(op.getKey(), key.getKey(), values(key.getValue()), context)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean condition(String operator, String key, List<JsonNode> policy, JsonNode context) {
        JsonNode value = null;
        for (var e : (Iterable<java.util.Map.Entry<String, JsonNode>>) context::fields) {
            if (e.getKey().equalsIgnoreCase(key)) {
                value = e.getValue();
            }
        }
        if (operator.equals("Null")) {
            return policy.get(0).asText().equals(value == null ? "true" : "false");
        }
        boolean ifExists = operator.endsWith("IfExists");
        String base = ifExists ? operator.substring(0, operator.length() - 8) : operator;
        boolean negated = base.contains("Not");
        if (value == null) {
            return ifExists || negated;
        }
        String v = value.asText();
        boolean hit = false;
        for (JsonNode pv : policy) {
            String x = pv.asText();
            hit |= switch (base.replace("Not", "")) {
                case "StringEquals" -> x.equals(v);
                case "StringLike" -> glob(x, false).matcher(v).matches();
                case "Bool" -> x.equalsIgnoreCase(v);
                case "IpAddress" -> cidr(x, v);
                default -> throw new IllegalArgumentException("the reference knows no " + operator);
            };
        }
        return negated != hit;
    }

    private static boolean cidr(String block, String address) {
        try {
            String[] b = block.split("/");
            byte[] net = InetAddress.getByName(b[0]).getAddress();
            byte[] ip = InetAddress.getByName(address).getAddress();
            int bits = b.length > 1 ? Integer.parseInt(b[1]) : net.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(net.length * 8).subtract(BigInteger.ONE)
                    .xor(BigInteger.ONE.shiftLeft(net.length * 8 - bits).subtract(BigInteger.ONE));
            return net.length == ip.length && new BigInteger(1, net).and(mask).equals(new BigInteger(1, ip).and(mask));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** ARN matching: six colon-separated parts, the first five without regard to case. */
    private static boolean arn(String pattern, String arn) {
        String[] p = pattern.split(":", 6);
        String[] a = arn.split(":", 6);
        if (p.length < 6 || a.length < 6) {
            return glob(pattern, false).matcher(arn).matches();
        }
        for (int i = 0; i < 6; i++) {
            if (!glob(p[i], i < 5).matcher(a[i]).matches()) {
                return false;
            }
        }
        return true;
    }

    private static Pattern glob(String pattern, boolean ignoreCase) {
        StringBuilder re = new StringBuilder();
        for (char ch : pattern.toCharArray()) {
            re.append(ch == '*' ? ".*" : ch == '?' ? "." : Pattern.quote(String.valueOf(ch)));
        }
        return Pattern.compile(re.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL : Pattern.DOTALL);
    }

    private static boolean any(JsonNode patterns, java.util.function.Predicate<String> test) {
        return values(patterns).stream().anyMatch(n -> test.test(n.asText()));
    }

    private static List<JsonNode> statements(JsonNode doc) {
        return values(doc.path("Statement"));
    }

    private static List<JsonNode> list(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        if (n != null) {
            n.forEach(out::add);
        }
        return out;
    }

    private static List<JsonNode> values(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        if (n == null || n.isMissingNode() || n.isNull()) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(out::add);
        } else {
            out.add(n);
        }
        return out;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
