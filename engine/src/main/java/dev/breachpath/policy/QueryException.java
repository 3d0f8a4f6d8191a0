package dev.breachpath.policy;

/** A query that cannot be run: a syntax error, a forbidden feature, a timeout. One line. */
public final class QueryException extends Exception {
    private static final long serialVersionUID = 1L;

    public QueryException(String message) {
        super(message, null, false, false);
    }
}
