package dev.breachpath.load.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Value;

/**
 * A resource's attribute values in one state, with the plan's marks of what is unknown
 * ({@code after_unknown}) and what is sensitive ({@code after_sensitive},
 * {@code sensitive_values}). The three trees are walked together.
 *
 * @param values       the values object
 * @param unknown      the unknown marks: {@code true} at an unknown leaf or subtree; may be null
 * @param sensitive    the sensitive marks, same shape; may be null
 * @param marksUnknown true if the plan says what is unknown, so a missing attribute is absent;
 *                     false if a missing attribute may be unknown (planned values alone)
 */
record Snapshot(JsonNode values, JsonNode unknown, JsonNode sensitive, boolean marksUnknown) {

    /** The value at {@code path}. */
    Value value(AttrPath path) {
        JsonNode v = values;
        JsonNode u = unknown;
        JsonNode s = sensitive;
        for (Object segment : path.segments()) {
            if (isTrue(u)) {
                return Value.unknown();
            }
            v = child(v, segment);
            u = child(u, segment);
            s = isTrue(s) ? s : child(s, segment);
        }
        if (isTrue(u)) {
            return Value.unknown();
        }
        if (v == null || v.isMissingNode()) {
            return marksUnknown ? Value.absent() : Value.unknown();
        }
        if (v.isNull()) {
            return Value.absent();
        }
        return Value.known(v, containsTrue(s), containsTrue(u));
    }

    private static JsonNode child(JsonNode node, Object segment) {
        if (node == null) {
            return null;
        }
        if (segment instanceof Integer i) {
            return node.isArray() ? node.get(i) : null;
        }
        return node.isObject() ? node.get((String) segment) : null;
    }

    static boolean isTrue(JsonNode node) {
        return node != null && node.isBoolean() && node.booleanValue();
    }

    static boolean containsTrue(JsonNode node) {
        if (node == null) {
            return false;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        for (JsonNode child : node) {
            if (containsTrue(child)) {
                return true;
            }
        }
        return false;
    }
}
