package dev.breachpath.derive;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which data stores are sensitive: configuration, not code. A store tagged with one of
 * {@code tagKeys} is sensitive if the value is one of {@code sensitiveValues} and not if it is
 * one of {@code publicValues}; an untagged store is sensitive if its kind is in
 * {@code sensitiveKinds}. Values compare without case.
 *
 * @param sensitiveKinds  class names (without {@code bp:}) sensitive by default
 * @param tagKeys         tag keys that classify, in order of precedence
 * @param publicValues    tag values that make a store not sensitive
 * @param sensitiveValues tag values that make a store sensitive
 */
public record Classification(Set<String> sensitiveKinds, List<String> tagKeys, Set<String> publicValues,
                             Set<String> sensitiveValues) {
    /** The keys a classification file may have. */
    public static final List<String> KEYS = List.of("sensitive-by-default", "tag-keys", "public-values", "sensitive-values");

    /** The default: databases, their snapshots, tables, secrets and buckets, unless tagged {@code data-classification = public}. */
    public static Classification defaults() {
        return new Classification(
                Set.of("DbInstance", "DbCluster", "DbSnapshot", "DbClusterSnapshot", "DynamoTable", "Secret", "S3Bucket"),
                List.of("data-classification"), Set.of("public"),
                Set.of("confidential", "restricted", "secret", "sensitive", "internal", "pii"));
    }

    /**
     * A classification from a parsed YAML file: keys it gives replace the defaults.
     *
     * @throws IllegalArgumentException naming the key that is wrong
     */
    public static Classification from(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("expected a mapping with keys " + String.join(", ", KEYS));
        }
        Classification d = defaults();
        Set<String> kinds = d.sensitiveKinds(), publicValues = d.publicValues(), sensitiveValues = d.sensitiveValues();
        List<String> tagKeys = d.tagKeys();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> values = strings(e.getKey(), e.getValue());
            switch (e.getKey()) {
                case "sensitive-by-default" -> {
                    for (String k : values) {
                        if (!KINDS.contains(k)) {
                            throw new IllegalArgumentException("sensitive-by-default: unknown data store kind " + k
                                    + " (expected one of " + String.join(", ", KINDS) + ")");
                        }
                    }
                    kinds = new LinkedHashSet<>(values);
                }
                case "tag-keys" -> tagKeys = values;
                case "public-values" -> publicValues = lower(values);
                case "sensitive-values" -> sensitiveValues = lower(values);
                default -> throw new IllegalArgumentException("unknown key " + e.getKey() + " (expected one of " + String.join(", ", KEYS) + ")");
            }
        }
        return new Classification(Set.copyOf(kinds), List.copyOf(tagKeys), Set.copyOf(publicValues), Set.copyOf(sensitiveValues));
    }

    /** The data store kinds a classification can name. */
    public static final List<String> KINDS = List.of("DbInstance", "DbCluster", "DbSnapshot", "DbClusterSnapshot",
            "DynamoTable", "Secret", "S3Bucket", "KmsKey");

    private static List<String> strings(String key, JsonNode node) {
        if (!node.isArray()) {
            throw new IllegalArgumentException(key + ": expected a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode n : node) {
            if (!n.isTextual()) {
                throw new IllegalArgumentException(key + ": expected a list of strings");
            }
            out.add(n.asText());
        }
        return out;
    }

    private static Set<String> lower(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        values.forEach(s -> out.add(s.toLowerCase(java.util.Locale.ROOT)));
        return out;
    }
}
