package dev.breachpath.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * What a scan runs its policies with: the time it takes as now (so ages are reproducible), and
 * values for policies' parameters ({@code policy-id.name}) in place of their defaults.
 *
 * @param now        the time every query reads as {@code ?now}, to the second
 * @param parameters overrides by {@code policy-id.parameter}, as text
 */
public record Settings(Instant now, Map<String, String> parameters) {
    public Settings {
        now = now.truncatedTo(ChronoUnit.SECONDS);
        parameters = Map.copyOf(parameters);
    }

    /** Now, and every default. */
    public static Settings defaults() {
        return new Settings(Instant.now(), Map.of());
    }

    /** A time given as a date ({@code 2026-12-01}, midnight UTC) or a date and time in ISO 8601. */
    public static java.util.Optional<Instant> time(String text) {
        return dev.breachpath.graph.Times.instant(text.strip());
    }

    /** The overrides that name no parameter of these policies, as one line each. */
    public List<String> unknown(List<Policy> policies) {
        Set<String> known = new java.util.HashSet<>();
        for (Policy p : policies) {
            p.parameters().keySet().forEach(name -> known.add(p.id() + "." + name));
        }
        List<String> out = new ArrayList<>();
        new TreeMap<>(parameters).forEach((key, value) -> {
            if (!known.contains(key)) {
                out.add("--param " + key + ": no policy has that parameter"
                        + (key.contains(".") ? "" : " (write policy-id.parameter)"));
            }
        });
        return out;
    }

    /**
     * The variables a policy's queries are run with: {@code ?now} and each parameter.
     *
     * @throws QueryException if an override is not of its default's kind
     */
    public Map<String, Node> bindings(Policy policy) throws QueryException {
        Map<String, Node> out = new HashMap<>();
        out.put("now", NodeFactory.createLiteralDT(now.toString(), XSDDatatype.XSDdateTime));
        for (Map.Entry<String, Node> p : policy.parameters().entrySet()) {
            String override = parameters.get(policy.id() + "." + p.getKey());
            out.put(p.getKey(), override == null ? p.getValue() : parse(policy, p.getKey(), p.getValue(), override));
        }
        return out;
    }

    private static Node parse(Policy policy, String name, Node kind, String text) throws QueryException {
        String what = "--param " + policy.id() + "." + name;
        String type = kind.getLiteralDatatypeURI();
        try {
            if (XSDDatatype.XSDinteger.getURI().equals(type)) {
                BigInteger value;
                try {
                    value = new BigInteger(text.strip());
                } catch (NumberFormatException e) {
                    throw new QueryException(what + ": expected a whole number");
                }
                // A threshold that defaults to 0 or more (days, counts) is never negative.
                if (value.signum() < 0 && new BigInteger(kind.getLiteralLexicalForm()).signum() >= 0) {
                    throw new QueryException(what + ": expected a whole number, 0 or more");
                }
                return NodeFactory.createLiteralDT(value.toString(), XSDDatatype.XSDinteger);
            }
            if (XSDDatatype.XSDdecimal.getURI().equals(type)) {
                return NodeFactory.createLiteralDT(new BigDecimal(text.strip()).toPlainString(), XSDDatatype.XSDdecimal);
            }
        } catch (NumberFormatException e) {
            throw new QueryException(what + ": expected a number");
        }
        if (XSDDatatype.XSDboolean.getURI().equals(type)) {
            if (!text.equals("true") && !text.equals("false")) {
                throw new QueryException(what + ": expected true or false");
            }
            return NodeFactory.createLiteralDT(text, XSDDatatype.XSDboolean);
        }
        return NodeFactory.createLiteralString(text);
    }

    /** A literal for a YAML default: a number, a boolean or text; null for anything else. */
    static Node literal(JsonNode v) {
        if (v.isIntegralNumber()) {
            return NodeFactory.createLiteralDT(v.bigIntegerValue().toString(), XSDDatatype.XSDinteger);
        }
        if (v.isNumber()) {
            return NodeFactory.createLiteralDT(v.decimalValue().toPlainString(), XSDDatatype.XSDdecimal);
        }
        if (v.isBoolean()) {
            return NodeFactory.createLiteralDT(Boolean.toString(v.asBoolean()), XSDDatatype.XSDboolean);
        }
        if (v.isTextual()) {
            return NodeFactory.createLiteralString(v.asText());
        }
        return null;
    }
}
