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
        return matches(pattern, 0, pattern.length(), text, 0, text.length(), ignoreCase);
    }

    /** Whether {@code pattern[pFrom, pTo)} matches the whole of {@code text[tFrom, tTo)}. */
    static boolean matches(String pattern, int pFrom, int pTo, String text, int tFrom, int tTo, boolean ignoreCase) {
        int p = pFrom, t = tFrom, star = -1, mark = 0;
        while (t < tTo) {
            if (p < pTo) {
                char c = pattern.charAt(p);
                if (c == ESCAPE && p + 1 < pTo) {
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
        while (p < pTo && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pTo;
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
