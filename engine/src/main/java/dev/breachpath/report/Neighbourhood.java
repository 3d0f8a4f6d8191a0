package dev.breachpath.report;

import dev.breachpath.graph.BP;
import dev.breachpath.policy.Nodes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;

/**
 * The resources within a few links of one, drawn (DOT or Mermaid): every link between
 * resources, facts and derived relations alike, labelled by its property. Parts of resources
 * (rules, statements) and witnesses are left out; a drawing stops at {@link #LIMIT} resources.
 */
public final class Neighbourhood {
    /** The most resources one drawing shows. */
    static final int LIMIT = 150;
    private static final Set<Node> SKIPPED = Set.of(RDF.type.asNode(), BP.witness, BP.from, BP.to, BP.via, BP.relation);

    /** The drawing in both formats. */
    public record Drawing(String dot, String mermaid) {}

    private Neighbourhood() {}

    /** Draws what lies within {@code depth} links of the resource with this address, ARN or AWS id. */
    public static Optional<Drawing> around(Graph g, String id, int depth) {
        Optional<Node> start = find(g, id);
        if (start.isEmpty()) {
            return Optional.empty();
        }
        Nodes names = new Nodes(g);
        Map<Node, Integer> seen = new LinkedHashMap<>();
        Deque<Node> queue = new ArrayDeque<>();
        seen.put(start.get(), 0);
        queue.add(start.get());
        Set<String> edges = new TreeSet<>();
        boolean cut = false;
        while (!queue.isEmpty()) {
            Node n = queue.poll();
            int d = seen.get(n);
            List<Triple> links = new ArrayList<>();
            g.find(n, Node.ANY, Node.ANY).forEachRemaining(links::add);
            g.find(Node.ANY, Node.ANY, n).forEachRemaining(links::add);
            links.sort(Comparator.comparing(Triple::toString));
            for (Triple t : links) {
                if (!t.getObject().isURI() || SKIPPED.contains(t.getPredicate()) || t.getObject().equals(BP.Unknown)
                        || !resource(g, t.getSubject()) || !resource(g, t.getObject())) {
                    continue;
                }
                Node other = t.getSubject().equals(n) ? t.getObject() : t.getSubject();
                if (!seen.containsKey(other)) {
                    if (d >= depth) {
                        continue;
                    }
                    if (seen.size() >= LIMIT) {
                        cut = true;
                        continue;
                    }
                    seen.put(other, d + 1);
                    queue.add(other);
                }
                edges.add(names.id(t.getSubject()) + "\t" + t.getPredicate().getLocalName() + "\t" + names.id(t.getObject()));
            }
        }
        Map<String, String> local = new HashMap<>();
        List<String> ids = seen.keySet().stream().map(names::id).sorted().toList();
        StringBuilder dot = new StringBuilder("digraph breachpath {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n"
                + "  edge [fontname=\"Helvetica\", fontsize=10];\n");
        StringBuilder mermaid = new StringBuilder("flowchart LR\n");
        if (cut) {
            dot.append("  // only the first ").append(LIMIT).append(" resources are drawn\n");
            mermaid.append("  %% only the first ").append(LIMIT).append(" resources are drawn\n");
        }
        for (String i : ids) {
            String l = "n" + local.size();
            local.put(i, l);
            boolean root = i.equals(names.id(start.get()));
            dot.append("  ").append(l).append(" [label=\"").append(i.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append(root ? "\", style=bold];\n" : "\"];\n");
            mermaid.append("  ").append(l).append("[\"").append(PathDrawing.mermaidLabel(i)).append("\"]\n");
        }
        for (String e : edges) {
            String[] p = e.split("\t");
            if (!local.containsKey(p[0]) || !local.containsKey(p[2])) {
                continue;
            }
            dot.append("  ").append(local.get(p[0])).append(" -> ").append(local.get(p[2])).append(" [label=\"").append(p[1]).append("\"];\n");
            mermaid.append("  ").append(local.get(p[0])).append(" -->|").append(p[1]).append("| ").append(local.get(p[2])).append('\n');
        }
        return Optional.of(new Drawing(dot.append("}\n").toString(), mermaid.toString()));
    }

    private static Optional<Node> find(Graph g, String id) {
        for (Node p : List.of(BP.address, BP.arn, BP.awsId)) {
            List<Node> found = new ArrayList<>();
            g.find(Node.ANY, p, Node.ANY).forEachRemaining(t -> {
                if (t.getObject().isLiteral() && t.getObject().getLiteralLexicalForm().equals(id)) {
                    found.add(t.getSubject());
                }
            });
            if (!found.isEmpty()) {
                found.sort(Comparator.comparing(Node::toString));
                return Optional.of(found.get(0));
            }
        }
        return Optional.empty();
    }

    /** A resource, the internet, or the administrator: not a part of one, not a witness. */
    private static boolean resource(Graph g, Node n) {
        if (n.equals(BP.Internet) || n.equals(BP.Administrator)) {
            return true;
        }
        return n.isURI() && n.getURI().indexOf('#') < 0 && !g.contains(n, RDF.type.asNode(), BP.Witness)
                && g.contains(n, RDF.type.asNode(), Node.ANY);
    }
}
