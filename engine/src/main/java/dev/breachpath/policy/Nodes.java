package dev.breachpath.policy;

import dev.breachpath.graph.BP;
import dev.breachpath.graph.Ontology;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;

/** How findings name nodes: ids and types that a reader (and a baseline) can rely on. */
public final class Nodes {
    private final Graph g;

    public Nodes(Graph g) {
        this.g = g;
    }

    /** The Terraform address, else the ARN, else the AWS id; a found credential is named by where it was found. */
    public String id(Node n) {
        if (n.equals(BP.Internet)) {
            return "internet";
        }
        if (n.equals(BP.Administrator)) {
            return "administrator";
        }
        String own = string(n, BP.address);
        if (own == null) {
            own = string(n, BP.arn);
        }
        if (own == null) {
            own = string(n, BP.awsId);
        }
        if (own != null) {
            return own;
        }
        if (n.isURI()) {
            String iri = n.getURI();
            int hash = iri.lastIndexOf('#');
            if (hash > 0) {
                Node parent = NodeFactory.createURI(iri.substring(0, hash));
                String where = string(n, BP.attribute);
                String key = string(n, BP.keyId);
                if (g.contains(n, RDF.type.asNode(), BP.EmbeddedCredential)) {
                    return id(parent) + "/" + (where == null ? "?" : where) + "/" + (key == null ? "secret" : key);
                }
                return id(parent) + "#" + iri.substring(hash + 1);
            }
            return iri;
        }
        return n.toString();
    }

    /** The most specific class of the node, e.g. {@code Ec2Instance}. */
    String type(Node n) {
        if (n.equals(BP.Internet)) {
            return "Internet";
        }
        List<Node> types = g.find(n, RDF.type.asNode(), Node.ANY).mapWith(Triple::getObject).toList();
        Node best = null;
        int depth = -1;
        for (Node t : types) {
            Set<Node> supers = Ontology.get().classAndSuperClasses(t);
            if (supers.size() > depth || (supers.size() == depth && t.toString().compareTo(best.toString()) < 0)) {
                best = t;
                depth = supers.size();
            }
        }
        return best == null ? "Resource" : best.getLocalName();
    }

    String string(Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        try {
            while (it.hasNext()) {
                Node o = it.next().getObject();
                if (o.isLiteral()) {
                    return o.getLiteralLexicalForm();
                }
            }
            return null;
        } finally {
            it.close();
        }
    }
}
