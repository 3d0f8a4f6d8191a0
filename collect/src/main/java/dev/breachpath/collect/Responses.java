package dev.breachpath.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * SDK responses as the JSON the AWS CLI prints for them, which is what {@code scan} reads
 * (docs/inventory.md): every member under its model name ({@code Reservations},
 * {@code InstanceId}, ECS's {@code taskDefinition}), times in ISO 8601, blobs in base64, members
 * the service did not send left out. One walk over the SDK's own field descriptions serves every
 * service and operation; nothing here knows a response type.
 */
final class Responses {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final com.fasterxml.jackson.databind.ObjectMapper SCALARS = new com.fasterxml.jackson.databind.ObjectMapper();

    /** Fields of a paginated response that say where the next page starts, not what is there. */
    static final Set<String> PAGING = Set.of("NextToken", "nextToken", "Marker", "NextMarker", "IsTruncated", "Truncated",
            "NextContinuationToken", "ContinuationToken", "LastEvaluatedTableName", "NextPageToken", "PaginationToken");

    private Responses() {}

    /** One response, as JSON. */
    static ObjectNode json(SdkPojo response) {
        return object(response);
    }

    /** The token of the page after this one, or null on the last page. */
    static String nextToken(ObjectNode page) {
        // IAM's IsTruncated and KMS's Truncated decide: a marker may come with false
        if ((page.has("IsTruncated") && !page.get("IsTruncated").asBoolean()) || (page.has("Truncated") && !page.get("Truncated").asBoolean())) {
            return null;
        }
        for (String name : PAGING) {
            JsonNode token = page.get(name);
            if (token != null && token.isTextual() && !token.asText().isEmpty()) {
                return token.asText(); // S3's ListBuckets gives its next page as ContinuationToken
            }
        }
        return null;
    }

    /**
     * Pages of one call as one response, as the AWS CLI joins them: the lists at the top level
     * concatenated, the other members of the first page kept, the paging members dropped.
     */
    static void append(ObjectNode joined, ObjectNode page) {
        for (var it = page.fields(); it.hasNext(); ) {
            var e = it.next();
            if (PAGING.contains(e.getKey())) {
                continue;
            }
            JsonNode have = joined.get(e.getKey());
            if (have == null) {
                joined.set(e.getKey(), e.getValue());
            } else if (have.isArray() && e.getValue().isArray()) {
                ((ArrayNode) have).addAll((ArrayNode) e.getValue());
            }
        }
    }

    private static ObjectNode object(SdkPojo pojo) {
        ObjectNode o = JSON.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            JsonNode value = value(field.getValueOrDefault(pojo));
            if (value != null) {
                o.set(field.memberName(), value);
            }
        }
        return o;
    }

    private static JsonNode value(Object v) {
        if (v == null || v instanceof SdkAutoConstructList<?> || v instanceof SdkAutoConstructMap<?, ?>) {
            return null;
        }
        if (v instanceof SdkPojo p) {
            return object(p);
        }
        if (v instanceof String || v instanceof Boolean || v instanceof Number) {
            return SCALARS.valueToTree(v); // the node of its own type: IntNode, LongNode, DoubleNode, DecimalNode…
        }
        if (v instanceof Instant t) {
            return JSON.textNode(t.toString());
        }
        if (v instanceof SdkBytes b) {
            return JSON.textNode(Base64.getEncoder().encodeToString(b.asByteArrayUnsafe()));
        }
        if (v instanceof Collection<?> c) {
            ArrayNode a = JSON.arrayNode();
            for (Object e : c) {
                JsonNode n = value(e);
                a.add(n == null ? JSON.nullNode() : n);
            }
            return a;
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = JSON.objectNode();
            new java.util.TreeMap<>(m).forEach((k, e) -> {
                JsonNode n = value(e);
                o.set(String.valueOf(k), n == null ? JSON.nullNode() : n);
            });
            return o;
        }
        if (v instanceof Document d) {
            return document(d);
        }
        return JSON.textNode(String.valueOf(v));
    }

    private static JsonNode document(Document d) {
        if (d.isNull()) {
            return JSON.nullNode();
        }
        if (d.isString()) {
            return JSON.textNode(d.asString());
        }
        if (d.isBoolean()) {
            return JSON.booleanNode(d.asBoolean());
        }
        if (d.isNumber()) {
            return JSON.numberNode(d.asNumber().bigDecimalValue());
        }
        if (d.isList()) {
            ArrayNode a = JSON.arrayNode();
            d.asList().forEach(e -> a.add(document(e)));
            return a;
        }
        ObjectNode o = JSON.objectNode();
        new java.util.TreeMap<>(d.asMap()).forEach((k, e) -> o.set(k, document(e)));
        return o;
    }
}
