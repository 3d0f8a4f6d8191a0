package dev.breachpath.load.terraform;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The instance key of a counted ({@code [0]}) or {@code for_each} ({@code ["a"]}) resource or
 * module, held as the text Terraform prints between the brackets.
 */
record InstanceKey(String text) {
    /** The key of a plan's {@code index} field: a number or a string. */
    static InstanceKey of(JsonNode index) {
        if (index == null || index.isNull() || index.isMissingNode()) {
            return null;
        }
        if (index.isIntegralNumber()) {
            return new InstanceKey(index.asText());
        }
        return ofString(index.asText());
    }

    /** The key of a {@code for_each} string. */
    static InstanceKey ofString(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return new InstanceKey(out.append('"').toString());
    }

    /** {@code [0]} or {@code ["a"]}. */
    String bracketed() {
        return "[" + text + "]";
    }
}
