package dev.breachpath.load.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.breachpath.secret.Redactor;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A resource's attributes as the JSON the graph keeps ({@code bp:attributes}): the values, with
 * unknown values shown as Terraform shows them, and every sensitive value, every value under a
 * secret-like name and every secret-shaped string replaced.
 */
final class RawAttributes {
    /** What Terraform prints for a value it will know only after apply. */
    static final String UNKNOWN = "(known after apply)";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final TextNode UNKNOWN_NODE = JSON.textNode(UNKNOWN);
    private static final TextNode SENSITIVE_NODE = JSON.textNode(Redactor.SENSITIVE);

    /**
     * The attributes of a snapshot, safe to write.
     *
     * @param secrets values marked sensitive elsewhere in the input, to replace wherever they appear
     */
    static JsonNode render(Snapshot snapshot, Set<String> secrets) {
        return new RawAttributes(secrets).render(snapshot.values(), snapshot.unknown(), snapshot.sensitive(), false);
    }

    private final Set<String> secrets;

    private RawAttributes(Set<String> secrets) {
        this.secrets = secrets;
    }

    private JsonNode render(JsonNode value, JsonNode unknown, JsonNode sensitive, boolean secret) {
        if (Snapshot.isTrue(unknown)) {
            return UNKNOWN_NODE;
        }
        if (Snapshot.isTrue(sensitive)) {
            return SENSITIVE_NODE;
        }
        if (value == null || value.isNull()) {
            return unknown != null && unknown.isContainerNode() && Snapshot.containsTrue(unknown)
                    ? renderUnknownOnly(unknown) : JSON.nullNode();
        }
        if (value.isObject()) {
            ObjectNode out = JSON.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String name = field.getKey();
                out.set(name, render(field.getValue(), child(unknown, name), child(sensitive, name),
                        secret || Redactor.isSecretName(name)));
            }
            if (unknown != null && unknown.isObject()) {
                unknown.fields().forEachRemaining(field -> {
                    if (!out.has(field.getKey()) && Snapshot.containsTrue(field.getValue())) {
                        out.set(field.getKey(), renderUnknownOnly(field.getValue()));
                    }
                });
            }
            return out;
        }
        if (value.isArray()) {
            ArrayNode out = JSON.arrayNode(value.size());
            int size = Math.max(value.size(), unknown != null && unknown.isArray() ? unknown.size() : 0);
            for (int i = 0; i < size; i++) {
                out.add(render(value.get(i), child(unknown, i), child(sensitive, i), secret));
            }
            return out;
        }
        if (value.isTextual()) {
            return secret ? SENSITIVE_NODE : JSON.textNode(Redactor.scrub(value.asText(), secrets));
        }
        return value;
    }

    private JsonNode renderUnknownOnly(JsonNode unknown) {
        if (Snapshot.isTrue(unknown)) {
            return UNKNOWN_NODE;
        }
        return render(unknown.isArray() ? JSON.arrayNode() : JSON.objectNode(), unknown, null, false);
    }

    private static JsonNode child(JsonNode node, String name) {
        return node != null && node.isObject() ? node.get(name) : null;
    }

    private static JsonNode child(JsonNode node, int index) {
        if (node == null) {
            return null;
        }
        return node.isArray() ? node.get(index) : null;
    }
}
