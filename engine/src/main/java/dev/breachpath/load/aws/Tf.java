package dev.breachpath.load.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A resource as an AWS API describes it, written in the attribute shape of its Terraform type
 * ({@code aws_instance}, {@code aws_security_group}…), so that the one mapping of its kind reads
 * it as it reads a plan. Only what the API says is written: an attribute the API leaves out is
 * absent, never a default.
 */
final class Tf {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    final String type;
    final ObjectNode attributes;
    private String name;

    private Tf(String type, ObjectNode attributes) {
        this.type = type;
        this.attributes = attributes;
    }

    /**
     * Names the resource in reports and the graph by {@code name} instead of its id: for ids
     * that must not be shown (an access key id is shown masked, and its node named by fingerprint).
     */
    Tf named(String name) {
        this.name = name;
        return this;
    }

    /** How reports name the resource: its id, unless {@link #named} otherwise. */
    String name() {
        return name != null ? name : id();
    }

    /** True if the id itself must not be shown. */
    boolean hidesId() {
        return name != null;
    }

    /** A resource of the Terraform type, known by {@code id} (its Terraform {@code id}). */
    static Tf of(String type, String id) {
        ObjectNode a = JSON.objectNode();
        a.put("id", id);
        return new Tf(type, a);
    }

    /** A resource built on attributes already in Terraform's shape. */
    static Tf wrap(String type, ObjectNode attributes) {
        return new Tf(type, attributes);
    }

    String id() {
        return attributes.path("id").asText();
    }

    /** Sets {@code name} to the value, unless the value is missing or null. */
    Tf put(String name, JsonNode value) {
        put(attributes, name, value);
        return this;
    }

    Tf text(String name, String value) {
        if (value != null) {
            attributes.put(name, value);
        }
        return this;
    }

    Tf bool(String name, boolean value) {
        attributes.put(name, value);
        return this;
    }

    /** Sets {@code name} to the list of the text at {@code field} of each element of {@code list}. */
    Tf list(String name, JsonNode list, String field) {
        attributes.set(name, texts(list, field));
        return this;
    }

    /** Appends a nested block to the list {@code name} and returns it. */
    ObjectNode block(String name) {
        JsonNode list = attributes.get(name);
        ArrayNode blocks = list instanceof ArrayNode a ? a : attributes.putArray(name);
        return blocks.addObject();
    }

    /** Sets {@code tags} from an AWS tag list ({@code [{"Key", "Value"}]}), if there is one. */
    Tf tags(JsonNode tags) {
        if (tags.isArray()) {
            ObjectNode out = attributes.putObject("tags");
            for (JsonNode tag : tags) {
                JsonNode key = tag.has("Key") ? tag.get("Key") : tag.path("key");
                JsonNode value = tag.has("Value") ? tag.get("Value") : tag.path("value");
                if (key.isTextual()) {
                    out.put(key.asText(), value.asText(""));
                }
            }
        } else if (tags.isObject()) {
            attributes.set("tags", tags);
        }
        return this;
    }

    /** Sets {@code name} on {@code object} to the value, unless it is missing or null. */
    static void put(ObjectNode object, String name, JsonNode value) {
        if (value != null && !value.isMissingNode() && !value.isNull()) {
            object.set(name, value);
        }
    }

    /** The texts at {@code field} of each element of {@code list} (or the elements, if {@code field} is null). */
    static ArrayNode texts(JsonNode list, String field) {
        ArrayNode out = JSON.arrayNode();
        for (JsonNode element : list) {
            JsonNode v = field == null ? element : element.path(field);
            if (v.isValueNode() && !v.isNull()) {
                out.add(v.asText());
            }
        }
        return out;
    }

    /** The text of a value (a string, number or boolean); null for anything else: missing, null, a list or an object. */
    static String str(JsonNode value) {
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    /**
     * Calls {@code body} with each element of a response's list and its id (the text at
     * {@code idField}); an element without one is rejected as {@code what}, saying so.
     */
    static void each(Iterable<JsonNode> list, String idField, String what, Out out, java.util.function.BiConsumer<JsonNode, String> body) {
        for (JsonNode element : list) {
            String id = str(element.path(idField));
            if (id == null) {
                out.rejected(what, "expected " + idField);
                continue;
            }
            body.accept(element, id);
        }
    }

    static ArrayNode array() {
        return JSON.arrayNode();
    }

    static ObjectNode object() {
        return JSON.objectNode();
    }
}
