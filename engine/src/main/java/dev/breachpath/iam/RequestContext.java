package dev.breachpath.iam;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The condition keys of a request and their values. Key names ignore case. A key is present
 * with its values, known to be absent, or unknown: in a strict context (what AWS itself sees)
 * every key not given is absent; in an open context (what is known offline, before a request is
 * made) a key not given is unknown unless it was declared absent.
 */
public final class RequestContext {
    /** What is known of one key. */
    public enum State { PRESENT, ABSENT, UNKNOWN }

    /** The answer for one key: its state and, when present, its values (several for a multivalued key). */
    public record Lookup(State state, List<String> values) {
        static final Lookup ABSENT = new Lookup(State.ABSENT, List.of());
        static final Lookup UNKNOWN = new Lookup(State.UNKNOWN, List.of());
    }

    private final Map<String, List<String>> values;
    private final Set<String> absent;
    private final boolean strict;
    private final RequestContext below;

    private RequestContext(Map<String, List<String>> values, Set<String> absent, boolean strict, RequestContext below) {
        this.values = values;
        this.absent = absent;
        this.strict = strict;
        this.below = below;
    }

    /**
     * This context with the keys of {@code top} laid over it: a key {@code top} determines has
     * its answer there, any other its answer here. Cheap: nothing is copied.
     */
    public RequestContext under(RequestContext top) {
        return new RequestContext(top.values, top.absent, strict, this);
    }

    /** A context in which every key not given is absent. */
    public static Builder strict() {
        return new Builder(true);
    }

    /** A context in which every key not given, nor declared absent, is unknown. */
    public static Builder open() {
        return new Builder(false);
    }

    /** Whether keys not given are absent rather than unknown. */
    public boolean isStrict() {
        return strict;
    }

    /** What is known of {@code key}. */
    public Lookup lookup(String key) {
        String k = lower(key);
        List<String> v = values.get(k);
        if (v != null) {
            return v.isEmpty() ? Lookup.ABSENT : new Lookup(State.PRESENT, v);
        }
        if (absent.contains(k)) {
            return Lookup.ABSENT;
        }
        if (below != null) {
            return below.lookup(k);
        }
        return strict ? Lookup.ABSENT : Lookup.UNKNOWN;
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, String> LOWER = new java.util.concurrent.ConcurrentHashMap<>();

    /** A key in lower case; the keys of policies are few, so each is lower-cased once. */
    private static String lower(String key) {
        String k = LOWER.get(key);
        if (k == null) {
            k = key.toLowerCase(Locale.ROOT);
            if (LOWER.size() < 10_000) {
                LOWER.put(key, k);
            }
        }
        return k;
    }

    /** Whether the key was given a value or declared absent. */
    public boolean determines(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return values.containsKey(k) || absent.contains(k) || (below != null && below.determines(k));
    }

    /** A copy of this context with more keys; keys it already determines keep their state. */
    public Builder toBuilder() {
        Builder b = below == null ? new Builder(strict) : below.toBuilder();
        values.keySet().forEach(b.absent::remove);
        b.values.putAll(values);
        absent.forEach(b::absent);
        return b;
    }

    /** Builds a context. */
    public static final class Builder {
        private final Map<String, List<String>> values = new TreeMap<>();
        private final Set<String> absent = new HashSet<>();
        private final boolean strict;

        private Builder(boolean strict) {
            this.strict = strict;
        }

        /** Gives a key its values (one for a single-valued key); replaces any earlier answer. */
        public Builder put(String key, List<String> v) {
            String k = key.toLowerCase(Locale.ROOT);
            values.put(k, List.copyOf(v));
            absent.remove(k);
            return this;
        }

        /** Gives a single-valued key its value. */
        public Builder put(String key, String value) {
            return put(key, List.of(value));
        }

        /** Gives a key a value unless the context already determines it. */
        public Builder putIfUndetermined(String key, String value) {
            String k = key.toLowerCase(Locale.ROOT);
            if (value != null && !values.containsKey(k) && !absent.contains(k)) {
                values.put(k, List.of(value));
            }
            return this;
        }

        /** Declares that the request does not carry the key. */
        public Builder absent(String key) {
            String k = key.toLowerCase(Locale.ROOT);
            if (!values.containsKey(k)) {
                absent.add(k);
            }
            return this;
        }

        public RequestContext build() {
            Map<String, List<String>> copy = new TreeMap<>();
            values.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
            copy.replaceAll((k, v) -> List.copyOf(v));
            return new RequestContext(Map.copyOf(copy), Set.copyOf(absent), strict, null);
        }
    }
}
