package dev.breachpath.resource;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One attribute value as an input gives it: known, unknown before apply, or absent (null or not
 * set). A known value may be sensitive, in which case it may be reasoned about but never written.
 *
 * <p>Unknown is a third truth value: it is never false and never equal to anything. Accessors
 * return {@link Optional#empty()} for an unknown value as for an absent one, so a mapping must
 * ask {@link #isUnknown()} before it concludes anything from an empty answer.
 */
public final class Value {
    private static final Value UNKNOWN = new Value(State.UNKNOWN, null, false, false);
    private static final Value ABSENT = new Value(State.ABSENT, null, false, false);

    /** The three states of a value. */
    public enum State { KNOWN, UNKNOWN, ABSENT }

    private final State state;
    private final JsonNode json;
    private final boolean sensitive;
    private final boolean partial;

    private Value(State state, JsonNode json, boolean sensitive, boolean partial) {
        this.state = state;
        this.json = json;
        this.sensitive = sensitive;
        this.partial = partial;
    }

    /** A known value; a JSON null is absent. */
    public static Value known(JsonNode json, boolean sensitive) {
        return known(json, sensitive, false);
    }

    /**
     * A known value of which some parts (list elements, nested attributes) may be unknown; a JSON
     * null is absent.
     */
    public static Value known(JsonNode json, boolean sensitive, boolean partial) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            return ABSENT;
        }
        return new Value(State.KNOWN, json, sensitive, partial);
    }

    /** A value not known before apply. */
    public static Value unknown() {
        return UNKNOWN;
    }

    /** No value: null, or not set. */
    public static Value absent() {
        return ABSENT;
    }

    public State state() {
        return state;
    }

    public boolean isKnown() {
        return state == State.KNOWN;
    }

    public boolean isUnknown() {
        return state == State.UNKNOWN;
    }

    public boolean isAbsent() {
        return state == State.ABSENT;
    }

    /** Whether some part of this known value (an element, a nested attribute) is unknown. */
    public boolean isPartial() {
        return partial;
    }

    /** Whether the input marks this value (or something inside it) sensitive. */
    public boolean isSensitive() {
        return sensitive;
    }

    /** The known JSON value. */
    public Optional<JsonNode> json() {
        return Optional.ofNullable(json);
    }

    /** The known value as text if it is a string, number or boolean. */
    public Optional<String> text() {
        return json != null && json.isValueNode() ? Optional.of(json.asText()) : Optional.empty();
    }

    /**
     * The known value as a boolean: a JSON boolean, or the strings {@code "true"}/{@code "false"}
     * that older plans and some providers print.
     */
    public Optional<Boolean> bool() {
        if (json == null) {
            return Optional.empty();
        }
        if (json.isBoolean()) {
            return Optional.of(json.booleanValue());
        }
        if (json.isTextual() && ("true".equalsIgnoreCase(json.asText()) || "false".equalsIgnoreCase(json.asText()))) {
            return Optional.of(Boolean.parseBoolean(json.asText().toLowerCase(java.util.Locale.ROOT)));
        }
        return Optional.empty();
    }

    /** The known value as an integer: a JSON integer, or a string of digits (ports often are). */
    public Optional<BigInteger> integer() {
        if (json == null) {
            return Optional.empty();
        }
        if (json.isIntegralNumber()) {
            return Optional.of(json.bigIntegerValue());
        }
        if (json.isNumber() && json.decimalValue().stripTrailingZeros().scale() <= 0) {
            return Optional.of(json.decimalValue().toBigIntegerExact());
        }
        if (json.isTextual() && json.asText().matches("-?\\d{1,18}")) {
            return Optional.of(new BigInteger(json.asText()));
        }
        return Optional.empty();
    }

    /**
     * The known scalar elements of a list or set value as text, or the value itself if it is a
     * scalar. Elements that are not scalars are skipped.
     */
    public List<String> texts() {
        List<String> out = new ArrayList<>();
        if (json == null) {
            return out;
        }
        if (json.isArray()) {
            for (JsonNode e : json) {
                if (e.isValueNode() && !e.isNull()) {
                    out.add(e.asText());
                }
            }
        } else if (json.isValueNode()) {
            out.add(json.asText());
        }
        return out;
    }

    @Override
    public String toString() {
        return state == State.KNOWN ? (sensitive ? "known(sensitive)" : "known") : state.name().toLowerCase();
    }
}
