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
        String[] p = pattern.split(":", 6);
        String[] a = arn.split(":", 6);
        if (p.length < 6 || a.length < 6) {
            return Glob.matches(pattern, arn, false) ? Match.YES : Match.NO;
        }
        Match result = Match.YES;
        for (int i = 0; i < 6; i++) {
            if (a[i].contains(UNKNOWN)) {
                if (i < 5) {
                    result = result.and("*".equals(p[i]) ? Match.YES : Match.MAYBE);
                } else if (Glob.matches(p[i], a[i].replace(UNKNOWN, "AbCdEf"), false)) {
                    result = result.and(Match.MAYBE);
                } else {
                    return Match.NO;
                }
                continue;
            }
            if (!Glob.matches(p[i], a[i], i < 5)) {
                return Match.NO;
            }
        }
        return result;
    }

    /** Whether the Action {@code pattern} matches {@code action} (case-insensitive, the colon literal). */
    public static boolean actionMatches(String pattern, String action) {
        return Glob.matches(pattern, action, true);
    }
}
