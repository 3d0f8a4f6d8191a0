package dev.breachpath.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The vocabulary as declared in {@code breachpath.ttl}: its terms, their documentation, and the
 * class hierarchy that {@link FactGraph} materialises (a node typed {@code bp:Ec2Instance} is
 * also typed {@code bp:Compute} and {@code bp:Resource}, so queries need no inference).
 *
 * <p>Immutable and thread-safe; {@link #get()} loads it once.
 */
public final class Ontology {
    /** Where the ontology lives on the classpath. */
    public static final String RESOURCE = "/dev/breachpath/graph/breachpath.ttl";

    private static final Node SECTION = org.apache.jena.graph.NodeFactory.createURI(BP.NS + "section");

    /** One documented term of the vocabulary. */
    public record Term(Node iri, Kind kind, String section, String comment,
                       Optional<Node> superClass, Optional<Node> domain, Optional<Node> range) {
        /** The term's name without the namespace. */
        public String localName() {
            return iri.getURI().substring(BP.NS.length());
        }
    }

    /** The kinds of terms the vocabulary declares. */
    public enum Kind { CLASS, INDIVIDUAL, OBJECT_PROPERTY, DATATYPE_PROPERTY }

    private static final class Holder {
        static final Ontology INSTANCE = load();
    }

    private final Graph graph;
    private final List<Term> terms;
    private final Map<Node, Set<Node>> superClasses;

    private Ontology(Graph graph) {
        this.graph = graph;
        this.terms = readTerms(graph);
        this.superClasses = new HashMap<>();
        for (Term term : terms) {
            if (term.kind() == Kind.CLASS) {
                superClasses.put(term.iri(), closure(term.iri()));
            }
        }
    }

    /** The vocabulary shipped with this build. */
    public static Ontology get() {
        return Holder.INSTANCE;
    }

    private static Ontology load() {
        try (InputStream in = Ontology.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the vocabulary " + RESOURCE + " is missing from the build");
            }
            Graph g = GraphMemFactory.createDefaultGraph();
            RDFParser.source(in).lang(Lang.TURTLE).parse(g);
            return new Ontology(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every term, in the order of {@link Kind} and then by name. */
    public List<Term> terms() {
        return terms;
    }

    /** The term with this IRI, if the vocabulary declares it. */
    public Optional<Term> term(Node iri) {
        return terms.stream().filter(t -> t.iri().equals(iri)).findFirst();
    }

    /**
     * The class and all its superclasses, most specific first.
     *
     * @throws IllegalArgumentException if {@code cls} is not a class of the vocabulary
     */
    public Set<Node> classAndSuperClasses(Node cls) {
        Set<Node> result = superClasses.get(cls);
        if (result == null) {
            throw new IllegalArgumentException("not a class of the vocabulary: " + cls);
        }
        return result;
    }

    /** The ontology as a graph, for documentation and tests. */
    public Graph graph() {
        return graph;
    }

    private Set<Node> closure(Node cls) {
        Set<Node> result = new LinkedHashSet<>();
        Node current = cls;
        while (current != null && result.add(current)) {
            current = graph.find(current, RDFS.subClassOf.asNode(), Node.ANY)
                    .mapWith(Triple::getObject).nextOptional().orElse(null);
        }
        return Set.copyOf(result);
    }

    private static List<Term> readTerms(Graph g) {
        List<Term> result = new ArrayList<>();
        g.find(Node.ANY, RDF.type.asNode(), Node.ANY).forEach(t -> {
            Kind kind = kindOf(t.getObject());
            if (kind != null && t.getSubject().isURI() && t.getSubject().getURI().startsWith(BP.NS)) {
                Node s = t.getSubject();
                result.add(new Term(s, kind, text(g, s, SECTION), text(g, s, RDFS.comment.asNode()),
                        object(g, s, RDFS.subClassOf.asNode()), object(g, s, RDFS.domain.asNode()),
                        object(g, s, RDFS.range.asNode())));
            }
        });
        result.sort(Comparator.comparing(Term::kind).thenComparing(Term::localName));
        return List.copyOf(result);
    }

    private static Kind kindOf(Node type) {
        if (type.equals(OWL.Class.asNode())) {
            return Kind.CLASS;
        } else if (type.equals(OWL.NamedIndividual.asNode())) {
            return Kind.INDIVIDUAL;
        } else if (type.equals(OWL.ObjectProperty.asNode())) {
            return Kind.OBJECT_PROPERTY;
        } else if (type.equals(OWL.DatatypeProperty.asNode())) {
            return Kind.DATATYPE_PROPERTY;
        }
        return null;
    }

    private static String text(Graph g, Node s, Node p) {
        return object(g, s, p).map(Node::getLiteralLexicalForm).orElse("");
    }

    private static Optional<Node> object(Graph g, Node s, Node p) {
        return g.find(s, p, Node.ANY).mapWith(Triple::getObject).nextOptional();
    }
}
