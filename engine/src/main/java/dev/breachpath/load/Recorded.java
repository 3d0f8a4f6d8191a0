package dev.breachpath.load;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * API responses recorded with their HTTP status, as {@code {"status_code": 200, "data": {...}}}
 * (the shape placebo, a recorder of boto3 calls, writes): the data is the response.
 */
final class Recorded {
    private Recorded() {}

    /** The response a recording holds, the document itself if it is no recording, or null for a recorded error. */
    static JsonNode unwrap(JsonNode root) {
        if (!root.isObject() || root.size() != 2 || !root.path("status_code").isIntegralNumber() || !root.has("data")) {
            return root;
        }
        int status = root.get("status_code").asInt();
        return status >= 200 && status < 300 ? times(root.get("data")) : null;
    }

    /**
     * The tree with each time as placebo records it ({@code {"__class__": "datetime", "year": …}})
     * replaced by its ISO 8601 text, as the AWS CLI prints times.
     */
    static JsonNode times(JsonNode node) {
        if (node.isObject()) {
            if ("datetime".equals(node.path("__class__").asText()) && node.path("year").isIntegralNumber()) {
                try {
                    java.time.LocalDateTime t = java.time.LocalDateTime.of(node.path("year").asInt(), node.path("month").asInt(1),
                            node.path("day").asInt(1), node.path("hour").asInt(0), node.path("minute").asInt(0),
                            node.path("second").asInt(0), node.path("microsecond").asInt(0) * 1000);
                    return com.fasterxml.jackson.databind.node.TextNode.valueOf(t.atOffset(java.time.ZoneOffset.UTC).toString());
                } catch (java.time.DateTimeException e) {
                    return node;
                }
            }
            var out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(e -> out.set(e.getKey(), times(e.getValue())));
            return out;
        }
        if (node.isArray()) {
            var out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
            node.forEach(e -> out.add(times(e)));
            return out;
        }
        return node;
    }
}
