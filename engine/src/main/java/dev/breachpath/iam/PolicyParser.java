package dev.breachpath.iam;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses IAM policy documents as AWS accepts them: {@code Statement} as one object or a list,
 * {@code Action}, {@code Resource} and principal values as one string or a list, and
 * {@code Principal} as {@code "*"} or a map of principal types.
 */
public final class PolicyParser {
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private PolicyParser() {}

    /**
     * Parses a policy document from its JSON text.
     *
     * @throws PolicyException if it is not JSON or not shaped like a policy
     */
    public static PolicyDocument parse(String json) throws PolicyException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PolicyException("the policy document is not valid JSON");
        }
        return parse(root);
    }

    /**
     * Parses a policy document from a JSON tree.
     *
     * @throws PolicyException if it is not shaped like a policy
     */
    public static PolicyDocument parse(JsonNode root) throws PolicyException {
        if (root == null || !root.isObject()) {
            throw new PolicyException("the policy document is not a JSON object");
        }
        JsonNode statement = root.get("Statement");
        JsonNode v = root.get("Version");
        String version = v == null || !v.isTextual() ? null : v.asText();
        List<Statement> statements = new ArrayList<>();
        if (statement == null || statement.isNull()) {
            statements = List.of();
        } else if (statement.isObject()) {
            statements.add(statement(statement, 0, version));
        } else if (statement.isArray()) {
            for (int i = 0; i < statement.size(); i++) {
                statements.add(statement(statement.get(i), i, version));
            }
        } else {
            throw new PolicyException("the policy's Statement is neither an object nor a list");
        }
        return new PolicyDocument(version, statements, root);
    }

    private static Statement statement(JsonNode s, int index, String version) throws PolicyException {
        if (!s.isObject()) {
            throw new PolicyException("statement " + index + " is not an object");
        }
        JsonNode sid = s.get("Sid");
        JsonNode effect = s.get("Effect");
        JsonNode condition = s.get("Condition");
        return new Statement(sid != null && sid.isTextual() ? sid.asText() : null,
                effect != null && effect.isTextual() ? effect.asText() : null,
                strings(s.get("Action"), "Action", index), strings(s.get("NotAction"), "NotAction", index),
                strings(s.get("Resource"), "Resource", index), strings(s.get("NotResource"), "NotResource", index),
                principals(s.get("Principal"), index), principals(s.get("NotPrincipal"), index),
                condition != null && condition.isObject() ? condition : null, version);
    }

    private static List<String> strings(JsonNode node, String name, int index) throws PolicyException {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isTextual()) {
            out.add(node.asText());
            return out;
        }
        if (!node.isArray()) {
            throw new PolicyException("the " + name + " of statement " + index + " is neither a string nor a list");
        }
        for (JsonNode e : node) {
            if (!e.isTextual()) {
                throw new PolicyException("the " + name + " of statement " + index + " holds something other than strings");
            }
            out.add(e.asText());
        }
        return out;
    }

    private static List<String> principals(JsonNode node, int index) throws PolicyException {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isTextual()) {
            out.add(node.asText().equals("*") ? "*" : "AWS:" + node.asText());
            return out;
        }
        if (!node.isObject()) {
            throw new PolicyException("the Principal of statement " + index + " is neither \"*\" nor a map");
        }
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
            for (String value : strings(e.getValue(), "Principal", index)) {
                out.add(e.getKey() + ":" + value);
            }
        }
        return out;
    }
}
