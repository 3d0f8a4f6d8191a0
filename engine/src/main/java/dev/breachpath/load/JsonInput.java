package dev.breachpath.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Reads untrusted JSON: with limits on size and nesting, refusing duplicate keys and trailing
 * content, accepting UTF-8 (with or without byte order mark), UTF-16 and gzip. Errors become one
 * {@link InputException} line with line and column and a description in our own words: Jackson's
 * own messages quote the offending input, which may be a secret, so they are never shown.
 */
public final class JsonInput {
    /** Deeper than any plan or AWS response; shallow enough that no walk overflows the stack. */
    static final int MAX_DEPTH = 500;
    /** Longer than any attribute value AWS accepts (user data is at most 64 KiB). */
    static final int MAX_STRING = 16 * 1024 * 1024;
    /** The largest input read, after decompression. */
    static final long MAX_DOCUMENT = 1L << 30;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxStringLength(MAX_STRING)
                            .maxDocumentLength(MAX_DOCUMENT)
                            .maxNumberLength(1000)
                            .maxNameLength(100_000)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private JsonInput() {}

    /** The shared, safely configured mapper, for reading and writing JSON trees. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Parses {@code bytes} as one JSON document.
     *
     * @param path how the user named the input, for messages
     * @throws InputException if the bytes are not one valid JSON document
     */
    public static JsonNode read(String path, byte[] bytes) {
        byte[] data = isGzip(bytes) ? gunzip(path, bytes) : bytes;
        if (isZip(data)) {
            throw new InputException(path, null, "a binary Terraform plan file or a zip archive, not JSON;"
                    + " convert a plan with: terraform show -json PLANFILE > plan.json");
        }
        if (isBlank(data)) {
            throw new InputException(path, null, "empty file, expected a JSON document");
        }
        int textLines = leadingTextLines(data);
        if (textLines > 0) {
            throw new InputException(path, "line 1", "text before the JSON document (" + textLines
                    + (textLines == 1 ? " line" : " lines") + "); expected only the output of terraform show -json"
                    + " (the setup-terraform wrapper adds such lines: set terraform_wrapper: false)");
        }
        try {
            return MAPPER.readTree(data);
        } catch (JsonProcessingException e) {
            throw new InputException(path, location(e.getLocation()), describe(e));
        } catch (IOException e) {
            throw new InputException(path, null, "cannot be read as JSON text");
        }
    }

    private static String describe(JsonProcessingException e) {
        String internal = String.valueOf(e.getOriginalMessage());
        if (e instanceof StreamConstraintsException) {
            if (internal.contains("nesting depth")) {
                return "nested deeper than " + MAX_DEPTH + " levels";
            } else if (internal.contains("String value length")) {
                return "a string longer than " + MAX_STRING + " characters";
            } else if (internal.contains("Number value length")) {
                return "a number with too many digits";
            } else if (internal.contains("Document length")) {
                return "larger than " + MAX_DOCUMENT + " bytes";
            }
            return "exceeds a size limit";
        }
        if (e instanceof JsonEOFException || internal.startsWith("Unexpected end-of-input")) {
            return "invalid JSON: the document ends too early";
        }
        if (internal.startsWith("Duplicate field") || internal.contains("duplicate")) {
            return "invalid JSON: the same key twice in one object";
        }
        if (e instanceof MismatchedInputException && internal.startsWith("Trailing token")) {
            return "invalid JSON: more content after the end of the document";
        }
        if (internal.startsWith("Unexpected close marker")) {
            return "invalid JSON: a closing brace or bracket that closes nothing";
        }
        if (internal.contains("Invalid UTF-8") || internal.contains("Invalid UTF-32")) {
            return "not valid UTF-8 text";
        }
        return "invalid JSON: unexpected character";
    }

    private static String location(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return null;
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    static boolean isGzip(byte[] b) {
        return b.length >= 2 && (b[0] & 0xFF) == 0x1F && (b[1] & 0xFF) == 0x8B;
    }

    private static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    static byte[] gunzip(String path, byte[] bytes) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(bytes.length * 8L, 64L << 20));
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > MAX_DOCUMENT) {
                    throw new InputException(path, null, "decompresses to more than " + MAX_DOCUMENT + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new InputException(path, null, "a damaged gzip file");
        }
    }

    /**
     * Whether the bytes (gzipped or not) start, after white space and a byte order mark, like a
     * JSON object or array: a file meant as JSON, which is damaged if it does not parse.
     */
    static boolean looksLikeJson(byte[] bytes) {
        byte[] b = bytes;
        if (isGzip(bytes)) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                b = in.readNBytes(4096);
            } catch (IOException e) {
                return false;
            }
        }
        // UTF-16 and UTF-32 (with a byte order mark, or without: zero bytes between the characters)
        // start like JSON too once their byte order marks and zero bytes are set aside.
        for (int i = 0; i < b.length; i++) {
            int c = b[i] & 0xFF;
            if (c == 0 || c == 0xEF || c == 0xBB || c == 0xBF || c == 0xFE || c == 0xFF || Character.isWhitespace(c)) {
                continue;
            }
            return c == '{' || c == '[';
        }
        return false;
    }

    private static boolean isBlank(byte[] b) {
        for (byte x : b) {
            if (!Character.isWhitespace(x) && x != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * How many lines of text come before a line that starts a JSON object or array, for UTF-8
     * input that does not itself start with JSON; 0 otherwise.
     */
    private static int leadingTextLines(byte[] b) {
        int i = b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < b.length && Character.isWhitespace(b[i])) {
            i++;
        }
        if (i >= b.length || b[i] == '{' || b[i] == 0 || (b[i] & 0x80) != 0) {
            return 0;
        }
        if (b[i] == '[' && !(i + 1 < b.length && Character.isLetter(b[i + 1]))) {
            return 0; // a JSON array; "[command]…" is the setup-terraform wrapper's first line
        }
        int lines = 1;
        for (; i < b.length; i++) {
            if (b[i] == '\n') {
                int j = i + 1;
                while (j < b.length && (b[j] == ' ' || b[j] == '\t' || b[j] == '\r')) {
                    j++;
                }
                if (j < b.length && (b[j] == '{' || b[j] == '[')) {
                    return lines;
                }
                lines++;
            }
        }
        return 0;
    }
}
