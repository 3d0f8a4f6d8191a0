package dev.breachpath.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * AWS access key ids: their shape, their masked form and their fingerprint.
 *
 * <p>A key id is not the secret, but breachpath never writes one whole: outputs show the masked
 * form ({@code AKIA…WXYZ}), and the graph joins a key found somewhere to its key resource by the
 * SHA-256 fingerprint.
 */
public final class KeyIds {
    /**
     * Access key ids of long-term keys (AKIA), temporary credentials (ASIA) and the rarer
     * prefixes, in the older [A-Z0-9] alphabet too. No word boundaries: a key glued to the text
     * around it ({@code ...KEYAKIA...=}) must still be found.
     */
    static final Pattern KEY_ID = Pattern.compile("(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}");

    private static final HexFormat HEX = HexFormat.of();

    private KeyIds() {}

    /** True if {@code text} is exactly one access key id. */
    public static boolean isKeyId(String text) {
        return text != null && KEY_ID.matcher(text).matches();
    }

    /** The masked form of a key id: its first four and last four characters, {@code AKIA…WXYZ}. */
    public static String mask(String keyId) {
        if (keyId.length() <= 8) {
            return "…";
        }
        return keyId.substring(0, 4) + "…" + keyId.substring(keyId.length() - 4);
    }

    /** The SHA-256 of the key id, lower-case hex: equal fingerprints mean the same key. */
    public static String fingerprint(String keyId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HEX.formatHex(sha.digest(keyId.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
