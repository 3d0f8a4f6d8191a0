package dev.breachpath.iam;

/** A policy document that cannot be read; the message never quotes the document. */
public final class PolicyException extends Exception {
    private static final long serialVersionUID = 1L;

    public PolicyException(String message) {
        super(message, null, false, false);
    }
}
