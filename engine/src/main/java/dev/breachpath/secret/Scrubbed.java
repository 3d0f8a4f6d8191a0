package dev.breachpath.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text that may hold secrets, replaced by what the analysis needs of it: the credentials
 * {@link CredentialScanner} finds there (key ids masked, fingerprints, lines, encodings), the
 * SHA-256 of the text and its length. {@code breachpath collect} writes this in place of user
 * data and environment values, so that a snapshot never holds the secrets it found, and the scan
 * of the snapshot finds the same credentials as the scan of the text would:
 *
 * <pre>[breachpath-scrubbed v1 sha256=… bytes=1234 found=access-key-id:AKIA…WXYZ:&lt;fingerprint&gt;:3:base64:true]</pre>
 *
 * <p>The mark has no quotes, backslashes or spaces inside its fields, so it stays whole inside a
 * JSON string that is itself inside a JSON string (ECS container definitions).
 */
public final class Scrubbed {
    private static final Pattern MARK = Pattern.compile(
            "\\[breachpath-scrubbed v1 sha256=([0-9a-f]{64}) bytes=([0-9]+)(?: found=([^\\]\\s]+))?]");
    private static final HexFormat HEX = HexFormat.of();

    private Scrubbed() {}

    /** The mark that stands for {@code text}. */
    public static String of(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder mark = new StringBuilder("[breachpath-scrubbed v1 sha256=").append(sha256(bytes))
                .append(" bytes=").append(bytes.length);
        List<CredentialScanner.Found> found = CredentialScanner.scan(text);
        for (int i = 0; i < found.size(); i++) {
            CredentialScanner.Found f = found.get(i);
            mark.append(i == 0 ? " found=" : ",").append(f.kind().label()).append(':').append(f.maskedId()).append(':')
                    .append(f.fingerprint()).append(':').append(f.line()).append(':').append(f.encoding()).append(':')
                    .append(f.withSecret());
        }
        return mark.append(']').toString();
    }

    /** True if {@code text} holds a mark. */
    public static boolean marks(String text) {
        return text.contains("[breachpath-scrubbed ") && MARK.matcher(text).find();
    }

    /** The credentials the marks in {@code text} recorded, in order. */
    static List<CredentialScanner.Found> found(String text) {
        List<CredentialScanner.Found> out = new ArrayList<>();
        Matcher m = MARK.matcher(text);
        while (m.find()) {
            if (m.group(3) == null) {
                continue;
            }
            for (String one : m.group(3).split(",")) {
                String[] f = one.split(":", -1);
                CredentialScanner.Kind kind = kind(f[0]);
                if (f.length != 6 || kind == null || !f[3].matches("[0-9]{1,9}")) {
                    continue; // a damaged mark says nothing it could be trusted for
                }
                out.add(new CredentialScanner.Found(kind, f[1], f[2], Integer.parseInt(f[3]), f[4], Boolean.parseBoolean(f[5])));
            }
        }
        return out;
    }

    /** {@code text} without its marks. */
    static String without(String text) {
        return MARK.matcher(text).replaceAll("");
    }

    private static CredentialScanner.Kind kind(String label) {
        for (CredentialScanner.Kind k : CredentialScanner.Kind.values()) {
            if (k.label().equals(label)) {
                return k;
            }
        }
        return null;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
