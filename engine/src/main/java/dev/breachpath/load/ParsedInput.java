package dev.breachpath.load;

/**
 * An input that has been read, ready to become facts. Building a graph is two passes over every
 * input, so that a resource can link to one described by another input: first every input
 * {@link #register registers} its nodes and what identifies them, then every input
 * {@link #write writes} its facts.
 */
public interface ParsedInput {
    /** The input as the user named it. */
    String path();

    /**
     * Tells which of its resources are planned or deployed ones, before any graph is built; the
     * identities are resolved once every input has told, and stay the input's to consult.
     */
    default void identify(Identities identities) {}

    /** Registers the nodes this input describes in the given stage. */
    void register(Stage stage, LinkIndex index);

    /**
     * Writes the facts of the given stage, and records in the report what became of each element.
     */
    void write(Stage stage, FactsTarget target);

    /**
     * The reports of this input, one per file it was read from; complete once every stage has
     * been written.
     */
    java.util.List<InputReport> reports();

    /** Where {@link #write} writes: the stage's graph and index. */
    record FactsTarget(dev.breachpath.graph.FactGraph graph, LinkIndex index) {}
}
