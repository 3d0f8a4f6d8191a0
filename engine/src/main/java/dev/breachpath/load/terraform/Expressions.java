package dev.breachpath.load.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Finding the configuration expression of an attribute. An expression is a leaf
 * ({@code constant_value} and/or {@code references}); nested blocks are objects of expressions,
 * or lists of them. The blocks of a set may be ordered differently in the values than in the
 * configuration, so a block is matched to the value's element by its constant attributes.
 */
final class Expressions {
    private Expressions() {}

    /**
     * The expressions at {@code path}: one leaf, or a block whose leaves all count, or several
     * candidate blocks of a list that could not be matched to the value's element.
     *
     * @param after the values, to match set blocks by; null to match none
     */
    static List<JsonNode> locate(JsonNode expressions, AttrPath path, Snapshot after) {
        return locate(expressions, path, after, AttrPath.root());
    }

    private static List<JsonNode> locate(JsonNode expr, AttrPath path, Snapshot after, AttrPath walked) {
        JsonNode current = expr;
        AttrPath here = walked;
        List<Object> segments = path.segments();
        for (int i = 0; i < segments.size(); i++) {
            Object segment = segments.get(i);
            if (current == null || current.isMissingNode() || isLeaf(current)) {
                break;
            }
            if (segment instanceof Integer index) {
                if (!current.isArray()) {
                    return List.of();
                }
                if (current.size() == 1) {
                    current = current.get(0);
                } else {
                    List<JsonNode> blocks = matchBlocks(current, after, here.then(index));
                    if (blocks.size() != 1) {
                        AttrPath rest = AttrPath.of(segments.subList(i + 1, segments.size()).toArray());
                        List<JsonNode> all = new ArrayList<>();
                        for (JsonNode block : blocks) {
                            all.addAll(locate(block, rest, null, here.then(index)));
                        }
                        return all;
                    }
                    current = blocks.get(0);
                }
            } else {
                current = current.isObject() ? current.get((String) segment) : null;
            }
            here = here.then(segment);
        }
        return current == null || current.isMissingNode() ? List.of() : List.of(current);
    }

    /** The blocks of a configuration list whose constant attributes equal the value's element. */
    private static List<JsonNode> matchBlocks(JsonNode blocks, Snapshot after, AttrPath element) {
        List<JsonNode> all = new ArrayList<>();
        blocks.forEach(all::add);
        if (after == null) {
            return all;
        }
        Value value = after.value(element);
        if (!value.isKnown() || !value.json().map(JsonNode::isObject).orElse(false)) {
            return all;
        }
        JsonNode actual = value.json().get();
        List<JsonNode> matching = new ArrayList<>();
        for (JsonNode block : blocks) {
            if (constantsMatch(block, actual)) {
                matching.add(block);
            }
        }
        return matching.isEmpty() ? all : matching;
    }

    private static boolean constantsMatch(JsonNode block, JsonNode actual) {
        var fields = block.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            JsonNode expr = field.getValue();
            if (isLeaf(expr) && expr.has("constant_value")) {
                JsonNode got = actual.get(field.getKey());
                if (got != null && !sameScalar(expr.get("constant_value"), got)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean sameScalar(JsonNode constant, JsonNode actual) {
        if (constant.isValueNode() && actual.isValueNode()) {
            return constant.asText().equals(actual.asText());
        }
        return constant.equals(actual);
    }

    /** True for an expression object ({@code constant_value} and/or {@code references}), not a block. */
    static boolean isLeaf(JsonNode node) {
        if (node == null || !node.isObject()) {
            return false;
        }
        if (node.isEmpty()) {
            return true;
        }
        var names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!n.equals("constant_value") && !n.equals("references")) {
                return false;
            }
        }
        return true;
    }

}
