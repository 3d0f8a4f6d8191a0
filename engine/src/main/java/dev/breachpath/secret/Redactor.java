package dev.breachpath.secret;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text that breachpath is about to write anywhere.
 *
 * <p>Design note. Inputs are full of secrets, and not only where they are marked sensitive: user
 * data scripts, environment variables and policy text carry keys and passwords in the clear. The
 * redactor therefore errs towards removing too much. It masks access key ids, replaces runs that
 * look like secret access keys or encoded payloads (40 or more base64 characters of high entropy,
 * not hexadecimal), private key blocks and the values of {@code password=…}-style assignments.
 * It uses no trailing word boundaries, because a secret glued to the text after it must not
 * escape. Hexadecimal digests (the SHA-1 Terraform keeps of user data) are left alone: they
 * reveal nothing.
 */
public final class Redactor {
    /** What replaces a secret-shaped run or an assigned secret. */
    public static final String REDACTED = "(redacted)";
    /** What replaces a value the input marks sensitive or that sits under a secret-like name. */
    public static final String SENSITIVE = "(sensitive value)";

    private static final int MIN_SECRET_RUN = 40;
    private static final double MIN_SECRET_ENTROPY = 4.0;

    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----.*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|\\z)",
            Pattern.DOTALL);
    /**
     * {@code NAME=value} or {@code "name": "value"} where the name ends in a secret word. The name
     * must start the text or follow a space, quote or separator, never a colon: so
     * {@code secretsmanager:GetSecretValue} and {@code arn:aws:secretsmanager:…:secret:db} are
     * left alone, while {@code DB_PASSWORD=…} and {@code "client_secret": "…"} are not.
     */
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?i)((?:^|(?<=[\\s\"'{,;&?(]))[A-Za-z0-9_.-]*"
                    + "(?:password|passwd|passphrase|pwd|secret|token|api[_-]?key|(?:secret|private|access)[_-]?(?:access[_-]?)?key)"
                    + "[\"']?\\s*[:=]\\s*[\"']?)([^\\s\"'&;,]+)");

    private Redactor() {}

    /**
     * Returns {@code text} with every secret removed and every access key id masked; returns the
     * same instance when there was nothing to remove.
     */
    public static String scrub(String text) {
        if (text == null || text.length() < 8) {
            return text;
        }
        String out = text;
        if (out.contains("PRIVATE KEY-----")) {
            out = PRIVATE_KEY.matcher(out).replaceAll(REDACTED);
        }
        if (mayHoldKeyId(out)) {
            out = mask(out);
        }
        if (isArn(out)) {
            // An ARN names a resource and is never a credential; its long path segments
            // (policy/AmazonEC2ContainerRegistryPowerUser) look random enough to be mistaken for one.
            return out;
        }
        if (out.length() >= MIN_SECRET_RUN) {
            out = redactSecretRuns(out);
        }
        if (mayHoldAssignment(out)) {
            Matcher assignment = ASSIGNMENT.matcher(out);
            if (assignment.find()) {
                out = assignment.replaceAll(m -> Matcher.quoteReplacement(m.group(1) + REDACTED));
            }
        }
        return out;
    }

    /**
     * Like {@link #scrub(String)}, and also replaces every occurrence of a {@code known} secret
     * (values an input marks sensitive elsewhere).
     */
    public static String scrub(String text, java.util.Collection<String> known) {
        String out = text;
        if (out != null && !known.isEmpty()) {
            for (String secret : known) {
                if (out.contains(secret)) {
                    out = out.replace(secret, SENSITIVE);
                }
            }
        }
        return scrub(out);
    }

    /** The shortest value {@link #scrub(String, java.util.Collection)} treats as a known secret: shorter ones are too common to replace. */
    public static final int MIN_KNOWN_SECRET = 6;

    /**
     * True if an attribute or variable called {@code name} probably holds a secret, judged by its
     * words ({@code DB_PASSWORD}, {@code client_secret}, {@code secret_string}, {@code apiKey}): a
     * password word anywhere, or a secret word at the end. References to secrets
     * ({@code secret_arn}, {@code kms_key_id}) and settings that merely mention one
     * ({@code http_tokens}, {@code api_key_source}) are not secret.
     */
    public static boolean isSecretName(String name) {
        return SECRET_NAMES.computeIfAbsent(name, Redactor::judgeName);
    }

    private static final Set<String> PASSWORD_WORDS = Set.of("password", "passwd", "passphrase", "pwd");
    private static final Set<String> LAST_WORDS = Set.of("secret", "token", "credential", "credentials");
    private static final Set<String> LAST_PAIRS = Set.of("api key", "private key", "secret key", "access key",
            "secret string", "auth token", "session token", "shared key", "encryption key");

    private static boolean judgeName(String name) {
        String[] words = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT).split("[^a-z0-9]+");
        List<String> w = new java.util.ArrayList<>();
        for (String word : words) {
            if (!word.isEmpty()) {
                w.add(word);
            }
        }
        if (w.isEmpty()) {
            return false;
        }
        for (String word : w) {
            if (PASSWORD_WORDS.contains(word) || word.endsWith("password")) {
                return true;
            }
        }
        String last = w.get(w.size() - 1);
        if (LAST_WORDS.contains(last) || last.equals("apikey")) {
            return true;
        }
        return w.size() >= 2 && LAST_PAIRS.contains(w.get(w.size() - 2) + " " + last);
    }

    /** Attribute names repeat across resources: decide each once. Bounded by the names inputs use. */
    private static final java.util.concurrent.ConcurrentHashMap<String, Boolean> SECRET_NAMES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static boolean isArn(String text) {
        if (!text.startsWith("arn:")) {
            return false;
        }
        int colons = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '"' || c == '\'') {
                return false;
            }
            colons += c == ':' ? 1 : 0;
        }
        return colons >= 5;
    }

    /**
     * {@code text} with every access key id masked and nothing else changed: for names that must
     * stay what they are (a file's path, a node's IRI) yet may hold an id.
     */
    public static String maskKeyIds(String text) {
        return text != null && mayHoldKeyId(text) ? mask(text) : text;
    }

    /** A cheap test that no access key id can be in {@code text}: none starts without an 'A' followed by a capital. */
    private static boolean mayHoldKeyId(String text) {
        for (int i = text.indexOf('A'); i >= 0 && i + 20 <= text.length(); i = text.indexOf('A', i + 1)) {
            char c = text.charAt(i + 1);
            if (c == 'K' || c == 'S' || c == 'B' || c == 'C' || c == '3') {
                return true;
            }
        }
        return false;
    }

    /** A cheap test that {@code text} holds no {@code password=}-style assignment. */
    private static boolean mayHoldAssignment(String text) {
        if (text.indexOf('=') < 0 && text.indexOf(':') < 0) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String word : ASSIGNMENT_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static final String[] ASSIGNMENT_WORDS = {"pass", "pwd", "secret", "token", "api", "key"};

    private static String mask(String text) {
        Matcher m = KeyIds.KEY_ID.matcher(text);
        if (!m.find()) {
            return text;
        }
        return m.replaceAll(r -> Matcher.quoteReplacement(KeyIds.mask(r.group())));
    }

    private static String redactSecretRuns(String text) {
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (!isBase64(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isBase64(text.charAt(i))) {
                i++;
            }
            while (i < n && text.charAt(i) == '=') {
                i++;
            }
            if (i - start >= MIN_SECRET_RUN && looksSecret(text, start, i)) {
                if (out == null) {
                    out = new StringBuilder(n);
                }
                out.append(text, copied, start).append(REDACTED);
                copied = i;
            }
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, n).toString();
    }

    private static boolean isBase64(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/';
    }

    /** Mixed case, a digit or symbol, not hex, and random enough to be a key or an encoding. */
    private static boolean looksSecret(String text, int start, int end) {
        boolean upper = false;
        boolean lower = false;
        boolean digitOrSymbol = false;
        boolean hexOnly = true;
        int[] counts = new int[128];
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            counts[c]++;
            if (c >= 'A' && c <= 'Z') {
                upper = true;
                hexOnly &= c <= 'F';
            } else if (c >= 'a' && c <= 'z') {
                lower = true;
                hexOnly &= c <= 'f';
            } else {
                digitOrSymbol = true;
                hexOnly &= c >= '0' && c <= '9';
            }
        }
        if (hexOnly || !(upper && lower && digitOrSymbol)) {
            return false;
        }
        return entropy(counts, end - start) >= MIN_SECRET_ENTROPY;
    }

    private static double entropy(int[] counts, int length) {
        double bits = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / length;
                bits -= p * (Math.log(p) / Math.log(2));
            }
        }
        return bits;
    }
}
