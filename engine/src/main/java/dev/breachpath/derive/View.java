package dev.breachpath.derive;

import dev.breachpath.graph.BP;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;

/** Read access to the fact graph for derivations: every list sorted, so derivations are deterministic. */
final class View {
    static final Comparator<Node> ORDER = Comparator.comparing(Node::toString);

    private final Graph g;

    View(Graph g) {
        this.g = g;
    }

    Graph graph() {
        return g;
    }

    /** The nodes of this class (superclasses are stated, so a class finds its subclasses' nodes). */
    List<Node> ofType(Node cls) {
        return sorted(g.find(Node.ANY, RDF.type.asNode(), cls).mapWith(Triple::getSubject).toList());
    }

    boolean is(Node n, Node cls) {
        return g.contains(n, RDF.type.asNode(), cls);
    }

    List<Node> objects(Node s, Node p) {
        return sorted(g.find(s, p, Node.ANY).mapWith(Triple::getObject).toList());
    }

    List<Node> subjects(Node p, Node o) {
        return sorted(g.find(Node.ANY, p, o).mapWith(Triple::getSubject).toList());
    }

    /** The linked nodes (no literals, no bp:Unknown). */
    List<Node> links(Node s, Node p) {
        List<Node> out = new ArrayList<>();
        for (Node o : objects(s, p)) {
            if (o.isURI() && !o.equals(BP.Unknown)) {
                out.add(o);
            }
        }
        return out;
    }

    Node link(Node s, Node p) {
        List<Node> l = links(s, p);
        return l.isEmpty() ? null : l.get(0);
    }

    boolean unknown(Node s, Node p) {
        return g.contains(s, p, BP.Unknown);
    }

    boolean has(Node s, Node p) {
        return g.contains(s, p, Node.ANY);
    }

    Optional<String> string(Node s, Node p) {
        for (Node o : objects(s, p)) {
            if (o.isLiteral()) {
                return Optional.of(o.getLiteralLexicalForm());
            }
        }
        return Optional.empty();
    }

    List<String> strings(Node s, Node p) {
        List<String> out = new ArrayList<>();
        for (Node o : objects(s, p)) {
            if (o.isLiteral()) {
                out.add(o.getLiteralLexicalForm());
            }
        }
        return out;
    }

    /** A boolean property as TRUE, FALSE, UNKNOWN (bp:Unknown) or null (absent). */
    Boolean bool(Node s, Node p) {
        if (unknown(s, p)) {
            return null;
        }
        return string(s, p).map(Boolean::parseBoolean).orElse(null);
    }

    /** How a node is named to a reader: its Terraform address, else its ARN, else its AWS id, else its IRI. */
    String label(Node n) {
        if (n.equals(BP.Internet)) {
            return "internet";
        }
        if (n.equals(BP.Administrator)) {
            return "administrator";
        }
        return string(n, BP.address).or(() -> string(n, BP.arn)).or(() -> string(n, BP.awsId))
                .orElseGet(() -> partLabel(n));
    }

    private String partLabel(Node n) {
        String iri = n.getURI();
        int hash = iri.lastIndexOf('#');
        if (hash > 0) {
            Node parent = org.apache.jena.graph.NodeFactory.createURI(iri.substring(0, hash));
            if (has(parent, RDF.type.asNode())) {
                return label(parent) + " " + iri.substring(hash + 1);
            }
        }
        return iri;
    }

    private static List<Node> sorted(List<Node> nodes) {
        return nodes.stream().distinct().sorted(ORDER).toList();
    }
}
