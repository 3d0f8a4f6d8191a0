package dev.breachpath.iam;

/**
 * IAM's wildcards: {@code *} any run of characters, {@code ?} one character, everything else
 * literal. A character preceded by {@link #ESCAPE} is literal even if it is a wildcard: that is
 * how text substituted for a policy variable stays literal.
 */
final class Glob {
    /** Marks the next character of a pattern as literal. Never occurs in policy text. */
    static final char ESCAPE = '\u0001';

    private Glob() {}

    /** Whether {@code pattern} matches the whole of {@code text}. */
    static boolean matches(String pattern, String text, boolean ignoreCase) {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.length()) {
            if (p < pattern.length()) {
                char c = pattern.charAt(p);
                if (c == ESCAPE && p + 1 < pattern.length()) {
                    if (same(pattern.charAt(p + 1), text.charAt(t), ignoreCase)) {
                        p += 2;
                        t++;
                        continue;
                    }
                } else if (c == '*') {
                    star = p++;
                    mark = t;
                    continue;
                } else if (c == '?' || same(c, text.charAt(t), ignoreCase)) {
                    p++;
                    t++;
                    continue;
                }
            }
            if (star < 0) {
                return false;
            }
            p = star + 1;
            t = ++mark;
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    /** The text of a pattern with its escapes removed, for comparisons that take no wildcards. */
    static String literal(String pattern) {
        return pattern.indexOf(ESCAPE) < 0 ? pattern : pattern.replace(String.valueOf(ESCAPE), "");
    }

    /** Escapes every wildcard of {@code text} so that it matches only itself. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '?') {
                out.append(ESCAPE);
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        return a == b || (ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b));
    }
}
