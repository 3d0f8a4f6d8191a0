package dev.breachpath.load.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.breachpath.load.JsonInput;
import dev.breachpath.secret.Redactor;
import java.util.Iterator;
import java.util.Map;

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

    private RawAttributes() {}

    /**
     * The attributes of a snapshot with unknown values shown and marked or secret-named values
     * replaced. Strings are scrubbed of secrets by {@code FactGraph.json} when written.
     */
    static JsonNode render(Snapshot snapshot) {
        return render(snapshot.values(), snapshot.unknown(), snapshot.sensitive(), false);
    }

    private static JsonNode render(JsonNode value, JsonNode unknown, JsonNode sensitive, boolean secret) {
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
            boolean namedSecret = namesASecret(value);
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String name = field.getKey();
                boolean secretValue = namedSecret && (name.equals("value") || name.equals("Value"));
                out.set(name, render(field.getValue(), child(unknown, name), child(sensitive, name),
                        secret || secretValue || Redactor.isSecretName(name)));
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
            if (secret) {
                return SENSITIVE_NODE;
            }
            // Strings are scrubbed once, when the graph writes the JSON; a JSON document held in a
            // string (ECS container definitions, policies) gets the same rules as the tree.
            return embeddedDocument(value.textValue());
        }
        return value;
    }

    /**
     * True for a name/value pair whose name is secret-like, the shape of environment variables
     * in ECS container definitions and AWS API responses: {@code {"name": "DB_PASSWORD", "value": "…"}}.
     */
    private static boolean namesASecret(JsonNode object) {
        for (String key : new String[] {"name", "Name", "key", "Key"}) {
            JsonNode name = object.get(key);
            if (name != null && name.isTextual() && Redactor.isSecretName(name.textValue())) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode embeddedDocument(String text) {
        String trimmed = text.strip();
        if (trimmed.length() < 2 || !(trimmed.charAt(0) == '{' || trimmed.charAt(0) == '[')) {
            return JSON.textNode(text);
        }
        JsonNode parsed;
        try {
            parsed = JsonInput.mapper().readTree(trimmed);
        } catch (Exception e) {
            return JSON.textNode(text);
        }
        JsonNode rendered = render(parsed, null, null, false);
        return rendered.equals(parsed) ? JSON.textNode(text) : JSON.textNode(rendered.toString());
    }

    private static JsonNode renderUnknownOnly(JsonNode unknown) {
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
