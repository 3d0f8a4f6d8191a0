package dev.breachpath.graph;

import dev.breachpath.secret.Redactor;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;

/**
 * The facts of one run: a Jena in-memory graph and the only way breachpath writes to it.
 *
 * <p>Every string literal passes through {@link Redactor#scrub(String)}, so a secret that a
 * loader failed to recognise still does not reach the graph, and every typed node carries all its
 * superclasses, so queries need no inference. Not thread-safe: a graph is built by one thread and
 * then only read.
 */
public final class FactGraph {
    private static final Node TYPE = RDF.type.asNode();

    private final Graph graph = GraphMemFactory.createDefaultGraph();
    private final Ontology ontology;
    /** Triples added since {@link #begin()} that were not there before, or null outside one. */
    private List<Triple> journal;
    /** Values the inputs mark sensitive somewhere: never written anywhere. */
    private final java.util.Set<String> secrets = new java.util.TreeSet<>();

    /** An empty graph in the vocabulary of this build. */
    public FactGraph() {
        this(Ontology.get());
    }

    FactGraph(Ontology ontology) {
        this.ontology = ontology;
    }

    /** Adds one triple. */
    public void add(Node subject, Node predicate, Node object) {
        Triple t = Triple.create(subject, predicate, object);
        if (journal != null) {
            if (graph.contains(t)) {
                return;
            }
            journal.add(t);
        }
        graph.add(t);
    }

    /** Types {@code subject} with {@code cls} and every superclass of it. */
    public void type(Node subject, Node cls) {
        for (Node c : ontology.classAndSuperClasses(cls)) {
            add(subject, TYPE, c);
        }
    }

    /**
     * Starts recording what is added, so that the facts of one resource can be taken back
     * whole if it turns out to be unreadable.
     *
     * @throws IllegalStateException if already recording
     */
    public void begin() {
        if (journal != null) {
            throw new IllegalStateException("already recording");
        }
        journal = new ArrayList<>();
    }

    /** Keeps what was added since {@link #begin()}. */
    public void commit() {
        journal = null;
    }

    /** Removes what was added since {@link #begin()}. */
    public void rollback() {
        if (journal != null) {
            journal.forEach(graph::delete);
            journal = null;
        }
    }

    /** Adds a string literal, with any secret in it redacted. */
    public void string(Node subject, Node predicate, String value) {
        add(subject, predicate, NodeFactory.createLiteralString(Redactor.scrub(value, secrets)));
    }

    /**
     * Adds values an input marks sensitive somewhere, so that they are redacted wherever else
     * they appear. Values shorter than {@link Redactor#MIN_KNOWN_SECRET} are ignored.
     */
    public void addSecrets(java.util.Collection<String> values) {
        values.stream().filter(v -> v.length() >= Redactor.MIN_KNOWN_SECRET).forEach(secrets::add);
    }

    /** The values added with {@link #addSecrets}. */
    public java.util.Set<String> secrets() {
        return java.util.Collections.unmodifiableSet(secrets);
    }

    /** Adds a boolean literal. */
    public void bool(Node subject, Node predicate, boolean value) {
        add(subject, predicate, NodeFactory.createLiteralDT(Boolean.toString(value), XSDDatatype.XSDboolean));
    }

    /** Adds an integer literal. */
    public void integer(Node subject, Node predicate, BigInteger value) {
        add(subject, predicate, NodeFactory.createLiteralDT(value.toString(), XSDDatatype.XSDinteger));
    }

    /**
     * Adds a JSON literal ({@code rdf:JSON}). Every string in it is scrubbed like a string
     * literal; the caller removes what it knows to be sensitive (marked values, secret names).
     */
    public void json(Node subject, Node predicate, com.fasterxml.jackson.databind.JsonNode json) {
        add(subject, predicate, NodeFactory.createLiteralDT(JsonScrubber.scrub(json, secrets).toString(), RDF.dtRDFJSON));
    }

    /** Whether the graph holds this triple (a pattern with {@link Node#ANY} allowed). */
    public boolean contains(Node subject, Node predicate, Node object) {
        return graph.contains(subject, predicate, object);
    }

    /** The underlying graph, to read and query. */
    public Graph graph() {
        return graph;
    }

    /** The number of triples. */
    public int size() {
        return graph.size();
    }

    /** A plain string literal with any secret redacted. */
    public static Node stringLiteral(String value) {
        return NodeFactory.createLiteralString(Redactor.scrub(value));
    }
}
