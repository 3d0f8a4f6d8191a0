package dev.breachpath.derive;

import dev.breachpath.graph.BP;
import dev.breachpath.graph.FactGraph;
import dev.breachpath.iam.Match;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * Collects derived edges and their witnesses, one per (from, relation, to), and writes them to
 * the graph: the edge itself ({@code from relation to}) and a {@code bp:Witness} node with the
 * rule, certainty, evidence and the one-line summary drawn on a path's hop.
 */
final class Witnesses {
    static final String NS = "https://breachpath.dev/witness/";

    /** One derived edge being built. */
    static final class Edge {
        final Node from, relation, to;
        Match certainty = Match.YES;
        final Set<String> rules = new TreeSet<>();
        final Set<String> evidence = new TreeSet<>();
        final Set<String> summary = new LinkedHashSet<>();
        final Set<Node> via = new TreeSet<>(View.ORDER);
        final Set<String> accessLevels = new TreeSet<>();
        final Set<String> allows = new TreeSet<>();
        Boolean imdsV1;

        Edge(Node from, Node relation, Node to) {
            this.from = from;
            this.relation = relation;
            this.to = to;
        }

        Edge rule(String rule) {
            rules.add(rule);
            return this;
        }

        Edge evidence(String text) {
            evidence.add(text);
            return this;
        }

        Edge summary(String text) {
            summary.add(text);
            return this;
        }

        Edge via(Node n) {
            via.add(n);
            return this;
        }
    }

    private final Map<String, Edge> edges = new LinkedHashMap<>();

    /** The edge from {@code from} by {@code relation} to {@code to}, new or already begun. */
    Edge edge(Node from, Node relation, Node to, Match certainty) {
        String key = from + " " + relation + " " + to;
        Edge e = edges.get(key);
        if (e == null) {
            e = new Edge(from, relation, to);
            e.certainty = certainty;
            edges.put(key, e);
        } else {
            e.certainty = e.certainty.or(certainty);
        }
        return e;
    }

    List<Edge> edges() {
        return new ArrayList<>(edges.values());
    }

    void write(FactGraph out) {
        for (Edge e : edges.values()) {
            if (e.certainty == Match.NO) {
                continue;
            }
            Node w = NodeFactory.createURI(NS + e.relation.getLocalName() + "/" + digest(e.from + " " + e.to));
            out.add(e.from, e.relation, e.to);
            out.add(e.from, BP.witness, w);
            out.add(w, org.apache.jena.vocabulary.RDF.type.asNode(), BP.Witness);
            out.add(w, BP.from, e.from);
            out.add(w, BP.to, e.to);
            out.add(w, BP.relation, e.relation);
            out.string(w, BP.certainty, e.certainty == Match.YES ? "definite" : "possible");
            e.rules.forEach(r -> out.string(w, BP.derivedBy, r));
            e.evidence.forEach(t -> out.string(w, BP.evidence, t));
            e.via.forEach(n -> out.add(w, BP.via, n));
            e.accessLevels.forEach(t -> out.string(w, BP.accessLevel, t));
            e.allows.forEach(t -> out.string(w, BP.allows, t));
            if (e.imdsV1 != null) {
                out.bool(w, BP.imdsV1, e.imdsV1);
            }
            out.string(w, BP.summary, String.join("; ", e.summary));
        }
    }

    static String digest(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
