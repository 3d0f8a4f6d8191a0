package dev.breachpath.resource;

/**
 * A resource that a mapping cannot make sense of. The loader reports the resource as rejected
 * with this message as the reason, and goes on with the others. The message must name what was
 * wrong without quoting the value.
 */
public final class MappingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MappingException(String reason) {
        super(reason, null, false, false);
    }
}
