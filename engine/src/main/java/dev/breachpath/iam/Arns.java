package dev.breachpath.iam;

/**
 * ARN matching as IAM does it: a pattern and an ARN are compared segment by segment
 * ({@code arn:partition:service:region:account:resource}); the first five segments ignore case,
 * the resource part does not, and a {@code *} in the resource part spans {@code /} and {@code :}.
 *
 * <p>An ARN built before apply may not know its region or account: such a segment is written
 * {@link #UNKNOWN}, and a pattern that could only match if the unknown segment has a particular
 * value matches {@link Match#MAYBE}.
 */
public final class Arns {
    /** Stands for a segment of an ARN that is not known before apply. */
    public static final String UNKNOWN = "(unknown)";

    private Arns() {}

    /** Whether the Resource {@code pattern} matches {@code arn}. */
    public static Match matches(String pattern, String arn) {
        if ("*".equals(pattern)) {
            return Match.YES;
        }
        if (pattern.contains(UNKNOWN)) {
            return Match.MAYBE;
        }
        int[] p = colons(pattern);
        int[] a = colons(arn);
        if (p == null || a == null) {
            return Glob.matches(pattern, arn, false) ? Match.YES : Match.NO;
        }
        boolean vague = arn.contains(UNKNOWN);
        Match result = Match.YES;
        for (int i = 0; i < 6; i++) {
            int pFrom = i == 0 ? 0 : p[i - 1] + 1, pTo = i == 5 ? pattern.length() : p[i];
            int aFrom = i == 0 ? 0 : a[i - 1] + 1, aTo = i == 5 ? arn.length() : a[i];
            if (vague && arn.substring(aFrom, aTo).contains(UNKNOWN)) {
                if (i < 5) {
                    result = result.and(pTo - pFrom == 1 && pattern.charAt(pFrom) == '*' ? Match.YES : Match.MAYBE);
                } else if (Glob.matches(pattern.substring(pFrom, pTo), arn.substring(aFrom, aTo).replace(UNKNOWN, "AbCdEf"), false)) {
                    result = result.and(Match.MAYBE);
                } else {
                    return Match.NO;
                }
                continue;
            }
            if (!Glob.matches(pattern, pFrom, pTo, arn, aFrom, aTo, i < 5)) {
                return Match.NO;
            }
        }
        return result;
    }

    /** The positions of the first five colons of an ARN, or null if it has fewer. */
    private static int[] colons(String s) {
        int[] out = new int[5];
        int from = 0;
        for (int i = 0; i < 5; i++) {
            int c = s.indexOf(':', from);
            if (c < 0) {
                return null;
            }
            out[i] = c;
            from = c + 1;
        }
        return out;
    }

    /** Whether the Action {@code pattern} matches {@code action} (case-insensitive, the colon literal). */
    public static boolean actionMatches(String pattern, String action) {
        return Glob.matches(pattern, action, true);
    }
}
