package dev.breachpath.path;

import dev.breachpath.graph.BP;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.eclipse.collections.api.map.primitive.MutableObjectIntMap;
import org.eclipse.collections.impl.map.mutable.primitive.ObjectIntHashMap;

/**
 * Every derived edge of a graph (every {@code bp:Witness}) in compressed adjacency: nodes are
 * numbered in IRI order and each node's edges are sorted by target and relation, so a search
 * visits them in the same order on every run.
 */
public final class PathIndex {
    /**
     * One derived edge.
     *
     * @param from     index of the node it starts at
     * @param to       index of the node it ends at
     * @param relation index into {@link #relations()}
     * @param witness  the witness node
     * @param definite false when the witness is only possible
     */
    public record Edge(int from, int to, int relation, Node witness, boolean definite) {}

    private final List<Node> nodes;
    private final MutableObjectIntMap<Node> index;
    private final List<Node> relations;
    private final Edge[] edges;
    private final int[] offsets; // edges of node i are edges[offsets[i] .. offsets[i+1])

    private PathIndex(List<Node> nodes, MutableObjectIntMap<Node> index, List<Node> relations, Edge[] edges, int[] offsets) {
        this.nodes = nodes;
        this.index = index;
        this.relations = relations;
        this.edges = edges;
        this.offsets = offsets;
    }

    /** Packs the witnesses of {@code g}. */
    public static PathIndex build(Graph g) {
        List<Node[]> raw = new ArrayList<>();
        List<Node> nodeList = new ArrayList<>();
        List<Node> relationList = new ArrayList<>();
        for (Node w : g.find(Node.ANY, RDF.type.asNode(), BP.Witness).mapWith(Triple::getSubject).toList()) {
            Node from = one(g, w, BP.from), to = one(g, w, BP.to), rel = one(g, w, BP.relation);
            Node certainty = one(g, w, BP.certainty);
            if (from == null || to == null || rel == null) {
                continue;
            }
            raw.add(new Node[] {from, to, rel, w, certainty});
            nodeList.add(from);
            nodeList.add(to);
            relationList.add(rel);
        }
        Comparator<Node> order = Comparator.comparing(Node::toString);
        List<Node> nodes = nodeList.stream().distinct().sorted(order).toList();
        List<Node> relations = relationList.stream().distinct().sorted(order).toList();
        MutableObjectIntMap<Node> index = new ObjectIntHashMap<>(nodes.size() * 2);
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i), i);
        }
        Edge[] edges = new Edge[raw.size()];
        for (int i = 0; i < raw.size(); i++) {
            Node[] r = raw.get(i);
            boolean definite = r[4] != null && "definite".equals(r[4].getLiteralLexicalForm());
            edges[i] = new Edge(index.get(r[0]), index.get(r[1]), relations.indexOf(r[2]), r[3], definite);
        }
        java.util.Arrays.sort(edges, Comparator.comparingInt(Edge::from).thenComparingInt(Edge::to).thenComparingInt(Edge::relation));
        int[] offsets = new int[nodes.size() + 1];
        for (Edge e : edges) {
            offsets[e.from() + 1]++;
        }
        for (int i = 0; i < nodes.size(); i++) {
            offsets[i + 1] += offsets[i];
        }
        return new PathIndex(nodes, index, relations, edges, offsets);
    }

    /** An index built directly from edges, for tests and benchmarks: nodes are 0..n-1. */
    public static PathIndex of(int nodeCount, List<Node> relations, List<Edge> edgeList) {
        List<Node> nodes = new ArrayList<>();
        MutableObjectIntMap<Node> index = new ObjectIntHashMap<>();
        for (int i = 0; i < nodeCount; i++) {
            Node n = org.apache.jena.graph.NodeFactory.createURI("urn:node:" + i);
            nodes.add(n);
            index.put(n, i);
        }
        Edge[] edges = edgeList.toArray(Edge[]::new);
        java.util.Arrays.sort(edges, Comparator.comparingInt(Edge::from).thenComparingInt(Edge::to).thenComparingInt(Edge::relation));
        int[] offsets = new int[nodeCount + 1];
        for (Edge e : edges) {
            offsets[e.from() + 1]++;
        }
        for (int i = 0; i < nodeCount; i++) {
            offsets[i + 1] += offsets[i];
        }
        return new PathIndex(nodes, index, List.copyOf(relations), edges, offsets);
    }

    private static Node one(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            it.close();
        }
    }

    public int size() {
        return nodes.size();
    }

    public int edgeCount() {
        return edges.length;
    }

    public Node node(int i) {
        return nodes.get(i);
    }

    /** The index of a node, or -1 if no derived edge touches it. */
    public int indexOf(Node n) {
        return index.getIfAbsent(n, -1);
    }

    public List<Node> relations() {
        return relations;
    }

    /** The relation's bit for a search mask, or 0 if no edge has it. */
    public long relationBit(Node relation) {
        int i = relations.indexOf(relation);
        return i < 0 ? 0 : 1L << i;
    }

    int firstEdge(int node) {
        return offsets[node];
    }

    int endEdge(int node) {
        return offsets[node + 1];
    }

    public Edge edge(int i) {
        return edges[i];
    }

    /** The ids of the edges that leave {@code node}. */
    public int[] edgesFrom(int node) {
        int[] out = new int[offsets[node + 1] - offsets[node]];
        for (int i = 0; i < out.length; i++) {
            out[i] = offsets[node] + i;
        }
        return out;
    }
}
