package dev.breachpath.iam;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates a Condition block against a request context, with three answers: true, false, or
 * unknown when a key it needs is unknown offline (then the condition is written to the residual
 * list: what must hold for the statement to apply).
 *
 * <p>A block is the AND of its operators, an operator the AND of its keys, a key the OR of its
 * values, except for negated operators, whose values act as NOR. A key the request does not carry
 * makes every operator false except the negated ones, {@code …IfExists} ({@code true}),
 * {@code ForAllValues} (true) and {@code Null}.
 */
final class Conditions {
    private enum Type { STRING, STRING_IGNORE_CASE, STRING_LIKE, NUMERIC, DATE, BOOL, BINARY, IP, ARN, NULL }

    private enum Compare { EQ, LT, LE, GT, GE }

    /** One condition operator: its type, comparison, whether negated, and its set qualifier and IfExists. */
    private record Operator(String text, Type type, Compare compare, boolean negated, boolean ifExists, Boolean forAll) {
        boolean variables() {
            return type == Type.STRING || type == Type.STRING_IGNORE_CASE || type == Type.STRING_LIKE || type == Type.ARN;
        }
    }

    private static final Map<String, Object[]> BASE = Map.ofEntries(
            Map.entry("stringequals", new Object[] {Type.STRING, Compare.EQ, false}),
            Map.entry("stringnotequals", new Object[] {Type.STRING, Compare.EQ, true}),
            Map.entry("stringequalsignorecase", new Object[] {Type.STRING_IGNORE_CASE, Compare.EQ, false}),
            Map.entry("stringnotequalsignorecase", new Object[] {Type.STRING_IGNORE_CASE, Compare.EQ, true}),
            Map.entry("stringlike", new Object[] {Type.STRING_LIKE, Compare.EQ, false}),
            Map.entry("stringnotlike", new Object[] {Type.STRING_LIKE, Compare.EQ, true}),
            Map.entry("numericequals", new Object[] {Type.NUMERIC, Compare.EQ, false}),
            Map.entry("numericnotequals", new Object[] {Type.NUMERIC, Compare.EQ, true}),
            Map.entry("numericlessthan", new Object[] {Type.NUMERIC, Compare.LT, false}),
            Map.entry("numericlessthanequals", new Object[] {Type.NUMERIC, Compare.LE, false}),
            Map.entry("numericgreaterthan", new Object[] {Type.NUMERIC, Compare.GT, false}),
            Map.entry("numericgreaterthanequals", new Object[] {Type.NUMERIC, Compare.GE, false}),
            Map.entry("dateequals", new Object[] {Type.DATE, Compare.EQ, false}),
            Map.entry("datenotequals", new Object[] {Type.DATE, Compare.EQ, true}),
            Map.entry("datelessthan", new Object[] {Type.DATE, Compare.LT, false}),
            Map.entry("datelessthanequals", new Object[] {Type.DATE, Compare.LE, false}),
            Map.entry("dategreaterthan", new Object[] {Type.DATE, Compare.GT, false}),
            Map.entry("dategreaterthanequals", new Object[] {Type.DATE, Compare.GE, false}),
            Map.entry("bool", new Object[] {Type.BOOL, Compare.EQ, false}),
            Map.entry("binaryequals", new Object[] {Type.BINARY, Compare.EQ, false}),
            Map.entry("ipaddress", new Object[] {Type.IP, Compare.EQ, false}),
            Map.entry("notipaddress", new Object[] {Type.IP, Compare.EQ, true}),
            Map.entry("arnequals", new Object[] {Type.ARN, Compare.EQ, false}),
            Map.entry("arnlike", new Object[] {Type.ARN, Compare.EQ, false}),
            Map.entry("arnnotequals", new Object[] {Type.ARN, Compare.EQ, true}),
            Map.entry("arnnotlike", new Object[] {Type.ARN, Compare.EQ, true}),
            Map.entry("null", new Object[] {Type.NULL, Compare.EQ, false}));

    /** Keys whose values are secrets shared with a third party: never written out. */
    private static final java.util.Set<String> SECRET_KEYS = java.util.Set.of("sts:externalid");

    private Conditions() {}

    /**
     * Evaluates a Condition block.
     *
     * @param block     the block ({@code {"Operator": {"key": value-or-values}}})
     * @param variables whether policy variables are substituted in its values
     * @param residual  receives each operator-and-key test whose answer is unknown; may be null
     */
    static Match evaluate(JsonNode block, RequestContext context, boolean variables, List<String> residual) {
        Match result = Match.YES;
        for (Map.Entry<String, JsonNode> op : block.properties()) {
            Operator operator = operator(op.getKey());
            if (operator == null || !op.getValue().isObject()) {
                if (residual != null) {
                    residual.add(op.getKey() + " (an operator IAM does not define)");
                }
                result = result.and(Match.MAYBE);
                continue;
            }
            for (Map.Entry<String, JsonNode> key : op.getValue().properties()) {
                Match m = test(operator, key.getKey(), values(key.getValue()), context, variables && operator.variables());
                if (m == Match.NO) {
                    return Match.NO;
                }
                if (m == Match.MAYBE && residual != null) {
                    residual.add(describe(operator, key.getKey(), values(key.getValue())));
                }
                result = result.and(m);
            }
        }
        return result;
    }

    /** How a test is written in a residual condition; the values of secret keys are left out. */
    static String describe(String operator, String key, List<String> values) {
        boolean secret = SECRET_KEYS.contains(key.toLowerCase(Locale.ROOT));
        return operator + " " + key + " " + (secret ? "[value withheld]" : values.size() == 1 ? values.get(0) : values.toString());
    }

    private static String describe(Operator operator, String key, List<String> values) {
        return describe(operator.text(), key, values);
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, java.util.Optional<Operator>> OPERATORS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static Operator operator(String text) {
        return OPERATORS.computeIfAbsent(text, t -> java.util.Optional.ofNullable(parse(t))).orElse(null);
    }

    private static Operator parse(String text) {
        String t = text;
        Boolean forAll = null;
        int colon = t.indexOf(':');
        if (colon >= 0) {
            String qualifier = t.substring(0, colon).toLowerCase(Locale.ROOT);
            if (qualifier.equals("forallvalues")) {
                forAll = true;
            } else if (qualifier.equals("foranyvalue")) {
                forAll = false;
            } else {
                return null;
            }
            t = t.substring(colon + 1);
        }
        String lower = t.toLowerCase(Locale.ROOT);
        boolean ifExists = lower.endsWith("ifexists") && !lower.equals("null");
        if (ifExists) {
            lower = lower.substring(0, lower.length() - "ifexists".length());
        }
        Object[] base = BASE.get(lower);
        if (base == null || (base[0] == Type.NULL && (ifExists || forAll != null))) {
            return null;
        }
        return new Operator(text, (Type) base[0], (Compare) base[1], (Boolean) base[2], ifExists, forAll);
    }

    private static List<String> values(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> out.add(v.asText()));
        } else {
            out.add(node.asText());
        }
        return out;
    }

    private static Match test(Operator op, String key, List<String> policy, RequestContext context, boolean variables) {
        RequestContext.Lookup lookup = context.lookup(key);
        if (op.type() == Type.NULL) {
            if (lookup.state() == RequestContext.State.UNKNOWN) {
                return Match.MAYBE;
            }
            boolean absent = lookup.state() == RequestContext.State.ABSENT;
            return policy.stream().anyMatch(p -> p.equalsIgnoreCase(absent ? "true" : "false")) ? Match.YES : Match.NO;
        }
        return switch (lookup.state()) {
            case UNKNOWN -> Match.MAYBE;
            case ABSENT -> op.ifExists() || op.negated() || Boolean.TRUE.equals(op.forAll()) ? Match.YES : Match.NO;
            case PRESENT -> present(op, lookup.values(), policy, context, variables);
        };
    }

    private static Match present(Operator op, List<String> request, List<String> policy, RequestContext context, boolean variables) {
        if (op.forAll() == null) {
            if (request.size() != 1) {
                return Match.NO; // a multivalued key under an operator for single values matches nothing
            }
            return one(op, request.get(0), policy, context, variables);
        }
        Match result = op.forAll() ? Match.YES : Match.NO;
        for (String value : request) {
            Match m = one(op, value, policy, context, variables);
            result = op.forAll() ? result.and(m) : result.or(m);
        }
        return result;
    }

    /** One request value against the policy's values: any matches (or, negated, none does). */
    private static Match one(Operator op, String value, List<String> policy, RequestContext context, boolean variables) {
        Match any = Match.NO;
        for (String p : policy) {
            Match m;
            if (variables) {
                Variables.Substituted s = Variables.substitute(p, context);
                if (s.pattern() == null) {
                    continue;
                }
                m = compare(op, value, s.pattern(), s.sure() != Match.YES);
                if (m == Match.YES && s.sure() != Match.YES) {
                    m = Match.MAYBE;
                }
            } else {
                m = compare(op, value, p, false);
            }
            any = any.or(m);
            if (any == Match.YES) {
                break;
            }
        }
        if (!op.negated()) {
            return any;
        }
        return switch (any) {
            case YES -> Match.NO;
            case MAYBE -> Match.MAYBE;
            case NO -> Match.YES;
        };
    }

    /**
     * Compares a request value with one policy value (a pattern when the operator takes
     * wildcards; otherwise its escapes are dropped). {@code vague}: the pattern stands for an
     * unknown value, so equality is tried as a wildcard match.
     */
    private static Match compare(Operator op, String value, String pattern, boolean vague) {
        return switch (op.type()) {
            case STRING -> (vague ? Glob.matches(pattern, value, false) : Glob.literal(pattern).equals(value)) ? Match.YES : Match.NO;
            case STRING_IGNORE_CASE -> (vague ? Glob.matches(pattern, value, true) : Glob.literal(pattern).equalsIgnoreCase(value)) ? Match.YES : Match.NO;
            case STRING_LIKE -> Glob.matches(pattern, value, false) ? Match.YES : Match.NO;
            case ARN -> Arns.matches(pattern, value);
            case BOOL -> Glob.literal(pattern).equalsIgnoreCase(value) ? Match.YES : Match.NO;
            case BINARY -> Glob.literal(pattern).equals(value) ? Match.YES : Match.NO;
            case NUMERIC -> ordered(op.compare(), number(value), number(Glob.literal(pattern)));
            case DATE -> ordered(op.compare(), date(value), date(Glob.literal(pattern)));
            case IP -> inCidr(value, Glob.literal(pattern)) ? Match.YES : Match.NO;
            case NULL -> Match.NO;
        };
    }

    private static <T extends Comparable<T>> Match ordered(Compare compare, T request, T policy) {
        if (request == null || policy == null) {
            return Match.NO;
        }
        int c = request.compareTo(policy);
        boolean ok = switch (compare) {
            case EQ -> c == 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
        };
        return ok ? Match.YES : Match.NO;
    }

    private static BigDecimal number(String s) {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A date as IAM reads one: ISO 8601 (date, or date and time) or seconds since the epoch. */
    static Instant date(String s) {
        String t = s.trim();
        try {
            if (t.matches("-?\\d+(\\.\\d+)?")) {
                return Instant.ofEpochSecond(new BigDecimal(t).longValue());
            }
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(t.replaceAll("([+-]\\d\\d)(\\d\\d)$", "$1:$2")).toInstant();
            }
            return java.time.LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }

    /** Whether an IP address lies in a CIDR block (a bare address is a /32 or /128). Never resolves names. */
    static boolean inCidr(String address, String cidr) {
        String block = cidr.trim();
        int prefix = -1;
        int slash = block.indexOf('/');
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(block.substring(slash + 1));
            } catch (NumberFormatException e) {
                return false;
            }
            block = block.substring(0, slash);
        }
        byte[] a = literal(address.trim());
        byte[] b = literal(block);
        if (a == null || b == null || a.length != b.length) {
            return false;
        }
        int bits = prefix < 0 ? a.length * 8 : prefix;
        if (bits > a.length * 8) {
            return false;
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((a[i / 8] & mask) != (b[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** The bytes of an IP address literal, or null if the text is not one (no name lookup ever happens). */
    private static byte[] literal(String text) {
        if (text.isEmpty() || !(text.matches("[0-9.]+") || (text.contains(":") && text.matches("[0-9a-fA-F:.]+")))) {
            return null;
        }
        if (!text.contains(":")) {
            String[] parts = text.split("\\.", -1);
            if (parts.length != 4) {
                return null;
            }
            byte[] out = new byte[4];
            for (int i = 0; i < 4; i++) {
                if (parts[i].isEmpty() || parts[i].length() > 3) {
                    return null;
                }
                int v = Integer.parseInt(parts[i]);
                if (v > 255) {
                    return null;
                }
                out[i] = (byte) v;
            }
            return out;
        }
        try {
            return InetAddress.getByName(text).getAddress(); // a literal with ':' is never looked up
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
