package dev.breachpath.policy;

import java.util.Locale;
import java.util.Optional;

/** How bad a finding is, from the worst. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    /** The name as written in policies and reports: {@code critical}, {@code high}… */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this is as bad as {@code other} or worse. */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }

    public static Optional<Severity> parse(String text) {
        for (Severity s : values()) {
            if (s.label().equals(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
