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
        return status >= 200 && status < 300 ? root.get("data") : null;
    }
}
