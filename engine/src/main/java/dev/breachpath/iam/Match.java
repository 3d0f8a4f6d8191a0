package dev.breachpath.iam;

/** Whether a pattern matches: surely, surely not, or only if a value unknown before apply turns out so. */
public enum Match {
    NO, MAYBE, YES;

    /** The stronger of two matches. */
    public Match or(Match other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** The weaker of two matches. */
    public Match and(Match other) {
        return compareTo(other) <= 0 ? this : other;
    }
}
