package dev.breachpath.resource;

import java.util.List;
import org.apache.jena.graph.Node;

/**
 * The nodes an attribute refers to.
 *
 * @param nodes     every node the attribute refers to, sorted by IRI; empty if none or unknown
 * @param ambiguous true if the reference could not tell which instance of a counted or
 *                  {@code for_each} resource it meant, so {@code nodes} holds every candidate
 * @param unknown   true if the attribute's value is unknown and no reference said where it points
 */
public record Targets(List<Node> nodes, boolean ambiguous, boolean unknown) {
    private static final Targets NONE = new Targets(List.of(), false, false);
    private static final Targets UNKNOWN = new Targets(List.of(), false, true);

    public Targets {
        nodes = List.copyOf(nodes);
    }

    /** Refers to nothing. */
    public static Targets none() {
        return NONE;
    }

    /** Refers to something not known before apply. */
    public static Targets unknownTarget() {
        return UNKNOWN;
    }

    /** True when there is nothing to link. */
    public boolean isEmpty() {
        return nodes.isEmpty() && !unknown;
    }
}
