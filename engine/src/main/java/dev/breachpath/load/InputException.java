package dev.breachpath.load;

/**
 * An input that cannot be read at all. The message is one line naming the file, the place in it
 * (line and column, or a JSON path) where known, and what was expected or found. It never quotes
 * the input, which may hold secrets, and never names a Java type.
 */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String location;
    private final String problem;

    /**
     * @param path     the input as the user named it
     * @param location where in the input, or null
     * @param problem  what is wrong, in words a user understands
     */
    public InputException(String path, String location, String problem) {
        super(path + (location == null ? "" : ": " + location) + ": " + problem, null, false, false);
        this.path = path;
        this.location = location;
        this.problem = problem;
    }

    /** The input as the user named it. */
    public String path() {
        return path;
    }

    /** The problem with its location but without the path, for reports that list the path apart. */
    public String problemAt() {
        return (location == null ? "" : location + ": ") + problem;
    }

    /** What is wrong, without path or location. */
    public String problem() {
        return problem;
    }
}
