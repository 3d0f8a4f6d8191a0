package dev.breachpath.secret;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A text that may hold secrets, replaced by what the analysis needs of it: the credentials
 * {@link CredentialScanner} finds there (key ids masked, fingerprints, lines, encodings) and a
 * keyed hash of the text. {@code breachpath collect} writes this in place of user data and
 * environment values, so that a snapshot never holds the secrets it found, and the scan of the
 * snapshot finds the same credentials as the scan of the text would:
 *
 * <pre>[breachpath-scrubbed v1 hmac=… found=access-key-id:AKIA…WXYZ:&lt;fingerprint&gt;:3:base64:true]</pre>
 *
 * <p>The hash is an HMAC-SHA256 under a key that is not in the snapshot: a plain hash of a short
 * value (a database password) could be guessed offline. The same key gives the same hash, so a
 * text that did not change between two snapshots made with one key has the same mark.
 *
 * <p>A mark is read only when it is exactly of this grammar: nothing a mark can hold is a whole
 * key id or a secret, so honouring marks (and dropping them from the text before the rest is
 * scanned) hides nothing; anything else that looks like a mark is scanned as text. The mark has
 * no quotes or backslashes, so it stays whole inside a JSON string inside a JSON string (ECS
 * container definitions).
 */
public final class Scrubbed {
    private static final String FOUND =
            "(?:access-key-id|secret-access-key):(?:[A-Z0-9]{4}…[A-Z0-9]{4})?:(?:[0-9a-f]{64})?:[0-9]{1,9}:(?:plain|base64|gzip\\+base64):(?:true|false)";
    private static final Pattern MARK = Pattern.compile(
            "\\[breachpath-scrubbed v1 hmac=[0-9a-f]{64}(?: found=(" + FOUND + "(?:," + FOUND + ")*))?]");
    private static final HexFormat HEX = HexFormat.of();

    private Scrubbed() {}

    /** The mark that stands for {@code text}, its hash keyed with {@code key}. */
    public static String of(String text, byte[] key) {
        StringBuilder mark = new StringBuilder("[breachpath-scrubbed v1 hmac=").append(hmac(text, key));
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
            if (m.group(1) == null) {
                continue;
            }
            for (String one : m.group(1).split(",")) {
                String[] f = one.split(":", -1);
                CredentialScanner.Kind kind = f[0].equals(CredentialScanner.Kind.ACCESS_KEY_ID.label())
                        ? CredentialScanner.Kind.ACCESS_KEY_ID : CredentialScanner.Kind.SECRET_ACCESS_KEY;
                out.add(new CredentialScanner.Found(kind, f[1], f[2], Integer.parseInt(f[3]), f[4], Boolean.parseBoolean(f[5])));
            }
        }
        return out;
    }

    /**
     * {@code text} with each mark replaced by a space: never joined to what stands beside it,
     * so a key id right before a mark stays a whole key id.
     */
    static String without(String text) {
        return MARK.matcher(text).replaceAll(" ");
    }

    /** True if {@code text} is one mark and nothing else. */
    static boolean isOne(String text) {
        return MARK.matcher(text.strip()).matches();
    }

    private static String hmac(String text, byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }
}
