package dev.breachpath.resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A path into a resource's attributes, e.g. {@code metadata_options[0].http_tokens}: attribute
 * names and list indexes. Immutable.
 */
public final class AttrPath {
    private static final AttrPath ROOT = new AttrPath(List.of());

    private final List<Object> segments;

    private AttrPath(List<Object> segments) {
        this.segments = segments;
    }

    /**
     * A path of attribute names ({@link String}) and list indexes ({@link Integer}).
     *
     * @throws IllegalArgumentException if a segment is neither
     */
    public static AttrPath of(Object... segments) {
        for (Object s : segments) {
            if (!(s instanceof String) && !(s instanceof Integer)) {
                throw new IllegalArgumentException("a path segment is a name or an index: " + s);
            }
        }
        return segments.length == 0 ? ROOT : new AttrPath(List.of(segments));
    }

    /** The empty path: the whole resource. */
    public static AttrPath root() {
        return ROOT;
    }

    /** This path followed by more segments. */
    public AttrPath then(Object... more) {
        List<Object> all = new ArrayList<>(segments);
        all.addAll(of(more).segments);
        return new AttrPath(List.copyOf(all));
    }

    /** The segments, names as {@link String} and indexes as {@link Integer}. */
    public List<Object> segments() {
        return segments;
    }

    /** True for the empty path. */
    public boolean isRoot() {
        return segments.isEmpty();
    }

    /** Terraform's notation: {@code network_interface[0].subnet_id}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Object s : segments) {
            if (s instanceof Integer i) {
                out.append('[').append(i).append(']');
            } else {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(s);
            }
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttrPath p && p.segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(segments);
    }
}
