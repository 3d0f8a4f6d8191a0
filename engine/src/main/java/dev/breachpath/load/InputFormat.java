package dev.breachpath.load;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One input format (a Terraform plan, AWS CLI output, an AWS Config snapshot…): how to tell that
 * a JSON document is one, and how to read it. Implementations are stateless and thread-safe.
 */
public interface InputFormat {
    /** The format's name in reports, e.g. {@code terraform-plan}. */
    String name();

    /**
     * Whether the document is of this format: {@link Detection#notMine()}, {@link Detection#mine()},
     * or a refusal when it is recognisably meant for this format but cannot be read (a state file
     * given for a plan, an unsupported version).
     */
    Detection detect(JsonNode root);

    /**
     * Reads a document that {@link #detect(JsonNode)} accepted.
     *
     * @throws InputException if the document is not readable as a whole
     */
    ParsedInput read(String path, JsonNode root);

    /**
     * The inputs to build graphs from, given every input this format read: the same by default;
     * a format whose files describe one whole (API responses that each add to the same
     * resources) joins them.
     */
    default java.util.List<ParsedInput> combine(java.util.List<ParsedInput> read) {
        return read;
    }

    /** The answer of {@link #detect(JsonNode)}. */
    record Detection(boolean isMine, String refusal) {
        private static final Detection NOT_MINE = new Detection(false, null);
        private static final Detection MINE = new Detection(true, null);

        public static Detection notMine() {
            return NOT_MINE;
        }

        public static Detection mine() {
            return MINE;
        }

        /** Meant for this format, but cannot be read, for the given one-line reason. */
        public static Detection refused(String reason) {
            return new Detection(true, reason);
        }
    }
}
