package dev.breachpath.policy;

/** A policy (or a policy test, or a configuration file) that cannot be used: one line naming the file and, where known, the line. */
public final class PolicyException extends Exception {
    public PolicyException(String message) {
        super(message);
    }
}
