package dev.breachpath.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breachpath.graph.BP;
import dev.breachpath.graph.FactGraph;
import dev.breachpath.graph.Iris;
import org.apache.jena.graph.Node;

/**
 * Writes the facts about one node. Values are written by their state: a known value as a literal,
 * an unknown one as {@link BP#Unknown}, a sensitive one as {@link BP#Redacted}, an absent one not
 * at all. Not thread-safe.
 */
public final class Facts {
    private final FactGraph graph;
    private final Node node;

    /** Facts about {@code node} in {@code graph}. */
    public Facts(FactGraph graph, Node node) {
        this.graph = graph;
        this.node = node;
    }

    /** The node these facts are about. */
    public Node node() {
        return node;
    }

    /** The graph written to. */
    public FactGraph graph() {
        return graph;
    }

    /** Facts about another node, in the same graph. */
    public Facts on(Node other) {
        return new Facts(graph, other);
    }

    /** A part of this node (an inline rule, a statement), typed {@code cls}, linked by {@code prop}. */
    public Facts part(Node prop, String name, Node cls) {
        Node part = Iris.part(node, name);
        graph.add(node, prop, part);
        Facts facts = new Facts(graph, part);
        facts.type(cls);
        return facts;
    }

    /** Types the node with {@code cls} and its superclasses. */
    public Facts type(Node cls) {
        graph.type(node, cls);
        return this;
    }

    /**
     * A string property from a scalar value. An empty string is absent: the AWS provider writes
     * {@code ""} for computed attributes that are not set.
     */
    public Facts string(Node prop, Value value) {
        if (special(prop, value)) {
            return this;
        }
        value.text().filter(t -> !t.isEmpty()).ifPresent(t -> graph.string(node, prop, t));
        return this;
    }

    /** A string property with a constant; null or empty writes nothing. */
    public Facts string(Node prop, String value) {
        if (value != null && !value.isEmpty()) {
            graph.string(node, prop, value);
        }
        return this;
    }

    /**
     * One string property per scalar element of a list value (or of a scalar value), and
     * {@link BP#Unknown} as well if some elements are unknown.
     */
    public Facts strings(Node prop, Value value) {
        if (special(prop, value)) {
            return this;
        }
        for (String t : value.texts()) {
            if (!t.isEmpty()) {
                graph.string(node, prop, t);
            }
        }
        if (value.isPartial()) {
            graph.add(node, prop, BP.Unknown);
        }
        return this;
    }

    /** A boolean property; a value that is not a boolean is not written. */
    public Facts bool(Node prop, Value value) {
        if (special(prop, value)) {
            return this;
        }
        value.bool().ifPresent(b -> graph.bool(node, prop, b));
        return this;
    }

    /** A boolean property with a constant. */
    public Facts bool(Node prop, boolean value) {
        graph.bool(node, prop, value);
        return this;
    }

    /** An integer property; a value that is not an integer is not written. */
    public Facts integer(Node prop, Value value) {
        if (special(prop, value)) {
            return this;
        }
        value.integer().ifPresent(i -> graph.integer(node, prop, i));
        return this;
    }

    /** An integer property with a constant. */
    public Facts integer(Node prop, long value) {
        graph.integer(node, prop, java.math.BigInteger.valueOf(value));
        return this;
    }

    /**
     * A point in time ({@code xsd:dateTime}, in UTC) from a known value in ISO 8601, with or
     * without an offset (without one, UTC is meant); a value that is not one is not written.
     */
    public Facts dateTime(Node prop, Value value) {
        if (special(prop, value)) {
            return this;
        }
        value.text().flatMap(dev.breachpath.graph.Times::instant).ifPresent(t -> graph.add(node, prop,
                org.apache.jena.graph.NodeFactory.createLiteralDT(t.toString(),
                        org.apache.jena.datatypes.xsd.XSDDatatype.XSDdateTime)));
        return this;
    }

    /** A JSON property from a known value (sensitive parts must already be removed). */
    public Facts json(Node prop, JsonNode json) {
        graph.json(node, prop, json);
        return this;
    }

    /** A link to one node. */
    public Facts link(Node prop, Node target) {
        graph.add(node, prop, target);
        return this;
    }

    /**
     * Links to every target; {@link BP#Unknown} if the target is unknown; and, if the targets are
     * ambiguous, a {@link BP#AmbiguousLink} record naming the attribute and the candidates.
     */
    public Facts link(Node prop, Targets targets, AttrPath attribute) {
        if (targets.unknown() && targets.nodes().isEmpty()) {
            graph.add(node, prop, BP.Unknown);
            return this;
        }
        for (Node target : targets.nodes()) {
            graph.add(node, prop, target);
        }
        if (targets.ambiguous()) {
            String local = prop.getURI().substring(BP.NS.length());
            Facts record = part(BP.ambiguousLink, "ambiguous-" + local + "-" + attribute, BP.AmbiguousLink);
            record.link(BP.relation, prop).string(BP.attribute, attribute.toString());
            for (Node target : targets.nodes()) {
                record.link(BP.candidate, target);
            }
        }
        return this;
    }

    /** Writes unknown and sensitive values; true if {@code value} was one of them. */
    private boolean special(Node prop, Value value) {
        if (value.isUnknown()) {
            graph.add(node, prop, BP.Unknown);
            return true;
        }
        if (value.isKnown() && value.isSensitive()) {
            graph.add(node, prop, BP.Redacted);
            return true;
        }
        return !value.isKnown();
    }
}
