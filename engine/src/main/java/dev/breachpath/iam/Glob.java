package dev.breachpath.iam;

/** IAM's wildcards: {@code *} any run of characters, {@code ?} one character, everything else literal. */
final class Glob {
    private Glob() {}

    /** Whether {@code pattern} matches the whole of {@code text}. */
    static boolean matches(String pattern, String text, boolean ignoreCase) {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || same(pattern.charAt(p), text.charAt(t), ignoreCase))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        return a == b || (ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b));
    }
}
