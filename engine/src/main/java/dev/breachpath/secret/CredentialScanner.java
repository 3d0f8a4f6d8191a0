package dev.breachpath.secret;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Finds AWS credentials in text that a resource carries: user data, environment variables,
 * container definitions. The text may be plain, base64, or gzip inside base64 (as cloud-init
 * accepts), and a plain text may hold further base64 payloads ({@code echo … | base64 -d}).
 *
 * <p>Only what may leave the engine is returned: the key id masked, its fingerprint, the line,
 * the encoding. The secret and the text around it never leave this class.
 */
public final class CredentialScanner {
    /** Decoded payloads larger than this are not read further (a gzip bomb stops here). */
    static final int MAX_DECODED = 4 << 20;
    private static final int MAX_DEPTH = 3;

    private static final Pattern KEY_ID = Pattern.compile("(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z2-7]{16}(?![A-Z0-9])");
    private static final Pattern SECRET = Pattern.compile("(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])");
    private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/]{24,}={0,2}");

    /** What a found credential is. */
    public enum Kind {
        ACCESS_KEY_ID("access-key-id"), SECRET_ACCESS_KEY("secret-access-key");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The value of {@code bp:credentialKind}. */
        public String label() {
            return label;
        }
    }

    /**
     * One credential found.
     *
     * @param maskedId    the key id masked ({@code AKIA…WXYZ}), or empty for a secret alone
     * @param fingerprint the SHA-256 of the key id, or empty for a secret alone
     * @param line        the line of the decoded text, from 1
     * @param encoding    {@code plain}, {@code base64} or {@code gzip+base64}
     * @param withSecret  a secret-shaped string sits in the same text as the key id
     */
    public record Found(Kind kind, String maskedId, String fingerprint, int line, String encoding, boolean withSecret) {}

    private CredentialScanner() {}

    /** The credentials in {@code text}, in the order found; each key id once per text. */
    public static List<Found> scan(String text) {
        List<Found> out = new ArrayList<>();
        if (Scrubbed.marks(text)) {
            // what the collector found in texts it did not keep (Scrubbed)
            if (Scrubbed.isOne(text)) {
                return Scrubbed.found(text);
            }
            // several values once in one text (an ECS container definition), and the rest of it
            out.addAll(Scrubbed.found(text));
            scan(Scrubbed.without(text), "plain", 0, out);
            return merged(out);
        }
        scan(text, "plain", 0, out);
        return out;
    }

    /**
     * The findings of one text made of several (marks of values once inside it, and the rest) as
     * the scan of the whole text gives them: in the text itself ({@code plain}) each key id once,
     * with a secret if the text has one, and a secret alone only when it has no key id; what
     * was found in encoded payloads stays as it was found there.
     */
    private static List<Found> merged(List<Found> found) {
        boolean secret = found.stream().filter(f -> f.encoding().equals("plain"))
                .anyMatch(f -> f.withSecret() || f.kind() == Kind.SECRET_ACCESS_KEY);
        List<Found> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        boolean keys = found.stream().anyMatch(f -> f.encoding().equals("plain") && f.kind() == Kind.ACCESS_KEY_ID);
        boolean lone = false;
        for (Found f : found) {
            if (!f.encoding().equals("plain")) {
                out.add(f);
            } else if (f.kind() == Kind.ACCESS_KEY_ID && !seen.contains(f.fingerprint())) {
                seen.add(f.fingerprint());
                out.add(new Found(f.kind(), f.maskedId(), f.fingerprint(), f.line(), f.encoding(), secret));
            } else if (f.kind() == Kind.SECRET_ACCESS_KEY && !keys && !lone) {
                lone = true;
                out.add(f);
            }
        }
        return out;
    }

    private static void scan(String text, String encoding, int depth, List<Found> out) {
        String trimmed = text.strip();
        if (depth < MAX_DEPTH && looksLikeBase64(trimmed)) {
            Decoded decoded = decode(trimmed);
            if (decoded != null) {
                scan(decoded.text(), decoded.encoding(), depth + 1, out);
                return;
            }
        }
        int before = out.size();
        List<String> seen = new ArrayList<>();
        Matcher m = KEY_ID.matcher(text);
        boolean secrets = hasSecret(text);
        while (m.find()) {
            String id = m.group();
            if (seen.contains(id)) {
                continue;
            }
            seen.add(id);
            out.add(new Found(Kind.ACCESS_KEY_ID, KeyIds.mask(id), KeyIds.fingerprint(id), lineOf(text, m.start()),
                    encoding, secrets));
        }
        if (out.size() == before && secrets) {
            Matcher s = SECRET.matcher(text);
            while (s.find()) {
                if (secretShaped(s.group())) {
                    out.add(new Found(Kind.SECRET_ACCESS_KEY, "", "", lineOf(text, s.start()), encoding, true));
                    break;
                }
            }
        }
        if (depth < MAX_DEPTH) {
            Matcher b = BASE64_RUN.matcher(text);
            while (b.find()) {
                String run = b.group();
                if (run.length() >= 28 && !secretShaped(run)) {
                    Decoded decoded = decode(run);
                    if (decoded != null) {
                        scan(decoded.text(), decoded.encoding(), depth + 1, out);
                    }
                }
            }
        }
    }

    private record Decoded(String text, String encoding) {}

    private static boolean looksLikeBase64(String s) {
        if (s.length() < 16 || s.length() % 4 != 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '+' || c == '/' || c == '=' || c == '\n' || c == '\r';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The text a base64 payload holds (gunzipped if it is gzip), or null if it is neither text nor gzip. */
    private static Decoded decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                bytes = in.readNBytes(MAX_DECODED);
            } catch (IOException e) {
                return null;
            }
            return new Decoded(new String(bytes, StandardCharsets.UTF_8), "gzip+base64");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!printable(text)) {
            return null;
        }
        return new Decoded(text, "base64");
    }

    private static boolean printable(String s) {
        int bad = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\uFFFD' || (c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
                bad++;
            }
        }
        return bad * 20 <= s.length();
    }

    private static boolean hasSecret(String text) {
        Matcher s = SECRET.matcher(text);
        while (s.find()) {
            if (secretShaped(s.group())) {
                return true;
            }
        }
        return false;
    }

    /** Forty characters of base64 with upper, lower case and a digit or sign: not a hex digest, not a word. */
    static boolean secretShaped(String s) {
        if (s.length() != 40) {
            return false;
        }
        boolean upper = false, lower = false, other = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
            other |= (c >= '0' && c <= '9') || c == '/' || c == '+';
        }
        return upper && lower && other;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
