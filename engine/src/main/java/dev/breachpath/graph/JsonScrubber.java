package dev.breachpath.graph;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.breachpath.secret.Redactor;
import java.util.Set;

/** Scrubs every string of a JSON tree, and of JSON documents held in its strings. */
final class JsonScrubber {
    private JsonScrubber() {}

    /** The tree with every string scrubbed; the same instance where nothing changed. */
    static JsonNode scrub(JsonNode node, Set<String> secrets) {
        if (node.isTextual()) {
            String text = node.textValue();
            JsonNode embedded = embeddedDocument(text);
            if (embedded != null) {
                // A JSON document held in a string (a policy, container definitions): scrub its
                // strings one by one, so an ARN in it stays an ARN.
                JsonNode clean = scrub(embedded, secrets);
                return clean == embedded ? node : TextNode.valueOf(clean.toString());
            }
            String clean = Redactor.scrub(text, secrets);
            return clean.equals(text) ? node : TextNode.valueOf(clean);
        }
        if (node.isObject()) {
            ObjectNode copy = null;
            for (var it = node.fields(); it.hasNext(); ) {
                var field = it.next();
                var clean = scrub(field.getValue(), secrets);
                if (clean != field.getValue()) {
                    if (copy == null) {
                        copy = node.deepCopy();
                    }
                    copy.set(field.getKey(), clean);
                }
            }
            return copy == null ? node : copy;
        }
        if (node.isArray()) {
            ArrayNode copy = null;
            for (int i = 0; i < node.size(); i++) {
                var clean = scrub(node.get(i), secrets);
                if (clean != node.get(i)) {
                    if (copy == null) {
                        copy = node.deepCopy();
                    }
                    copy.set(i, clean);
                }
            }
            return copy == null ? node : copy;
        }
        return node;
    }

    private static final ObjectMapper EMBEDDED = new ObjectMapper();

    /** The JSON object or array a string holds, or null if it holds none. */
    private static JsonNode embeddedDocument(String text) {
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        if (start >= text.length() || text.charAt(start) != '{' && text.charAt(start) != '[') {
            return null;
        }
        try {
            JsonNode parsed = EMBEDDED.readTree(text);
            return parsed != null && parsed.isContainerNode() ? parsed : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

}
