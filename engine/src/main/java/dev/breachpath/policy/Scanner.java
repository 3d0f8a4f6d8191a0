package dev.breachpath.policy;

import dev.breachpath.graph.BP;
import dev.breachpath.path.PathIndex;
import dev.breachpath.path.PathSearch;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.eclipse.collections.api.map.primitive.MutableIntObjectMap;
import org.eclipse.collections.api.set.primitive.MutableIntSet;
import org.eclipse.collections.impl.set.mutable.primitive.IntHashSet;

/**
 * Runs policies over a graph with its derived relations: query policies through SPARQL, path
 * policies through the path index, one pass per source. A policy that fails is reported in
 * {@link Result#errors()}, never skipped silently; the others still run.
 */
public final class Scanner {
    /** The order findings are reported in: worst first, then by policy, source and target. */
    public static final Comparator<Finding> ORDER = Comparator.comparing((Finding f) -> f.policy().severity())
            .thenComparing(f -> f.policy().id()).thenComparing(f -> f.source().id()).thenComparing(f -> f.target().id())
            .thenComparing(Finding::id);

    /**
     * What a scan found.
     *
     * @param findings in {@link #ORDER}
     * @param errors   one line per policy that could not run
     * @param millis   how long each policy took, by id, in the order run
     */
    public record Result(List<Finding> findings, List<String> errors, Map<String, Long> millis) {}

    private final Graph g;
    private final long timeoutMillis;
    private final Nodes nodes;
    private PathIndex index;
    private PathSearch search;
    private final Map<String, List<Node>> patterns = new java.util.HashMap<>();

    private final Settings settings;

    public Scanner(Graph g, long timeoutMillis) {
        this(g, timeoutMillis, Settings.defaults());
    }

    /** A scanner whose policies read {@code settings}' now and parameter values. */
    public Scanner(Graph g, long timeoutMillis, Settings settings) {
        this.g = g;
        this.timeoutMillis = timeoutMillis;
        this.nodes = new Nodes(g);
        this.settings = settings;
    }

    public Result run(List<Policy> policies) {
        List<Finding> findings = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Map<String, Long> millis = new LinkedHashMap<>();
        for (Policy p : policies) {
            long start = System.nanoTime();
            try {
                findings.addAll(p.isPath() ? path(p) : query(p));
            } catch (QueryException e) {
                errors.add(p.origin() + ": policy " + p.id() + " failed: " + e.getMessage());
            }
            millis.put(p.id(), (System.nanoTime() - start) / 1_000_000);
        }
        findings.sort(ORDER);
        return new Result(List.copyOf(findings), List.copyOf(errors), java.util.Collections.unmodifiableMap(millis));
    }

    // ---- query policies

    private List<Finding> query(Policy p) throws QueryException {
        ResultSetRewindable rows = p.query().select(g, timeoutMillis, settings.bindings(p));
        Map<Node, TreeSet<String>> messages = new LinkedHashMap<>();
        while (rows.hasNext()) {
            QuerySolution row = rows.next();
            if (row.get("resource") == null) {
                continue;
            }
            Node resource = row.get("resource").asNode();
            TreeSet<String> m = messages.computeIfAbsent(resource, k -> new TreeSet<>());
            if (row.get("message") != null && row.get("message").isLiteral()) {
                m.add(row.getLiteral("message").getLexicalForm());
            }
        }
        List<Finding> out = new ArrayList<>();
        for (var e : messages.entrySet()) {
            String id = nodes.id(e.getKey());
            String message = e.getValue().isEmpty() ? p.title() + ": " + id
                    : String.join("; ", e.getValue()).replace("{resource}", id);
            List<Finding.Step> path = List.of(new Finding.Step(id, nodes.type(e.getKey()), null, null));
            out.add(new Finding(fingerprint(p.id(), id, id, ""), p, "definite", message, path, exposure(e.getKey())));
        }
        return out;
    }

    // ---- path policies

    private List<Finding> path(Policy p) throws QueryException {
        if (index == null) {
            index = PathIndex.build(g);
            search = new PathSearch(index);
        }
        Policy.PathSpec spec = p.path();
        Map<String, Node> bindings = settings.bindings(p);
        List<Node> sources = nodes(spec.from(), "source", bindings);
        MutableIntSet targets = new IntHashSet();
        for (Node t : nodes(spec.to(), "target", bindings)) {
            int i = index.indexOf(t);
            if (i >= 0) {
                targets.add(i);
            }
        }
        long mask = 0;
        for (Node rel : spec.relations()) {
            mask |= index.relationBit(rel);
        }
        List<Finding> out = new ArrayList<>();
        if (targets.isEmpty() || mask == 0) {
            return out;
        }
        for (Node source : sources) {
            int s = index.indexOf(source);
            if (s < 0) {
                continue;
            }
            MutableIntObjectMap<int[]> paths = search.shortest(s, targets, mask, spec.maxHops());
            for (int target : paths.keySet().toSortedArray()) {
                out.add(finding(p, source, paths.get(target)));
            }
        }
        return out;
    }

    private Finding finding(Policy p, Node source, int[] edges) {
        List<Finding.Step> steps = new ArrayList<>();
        boolean definite = true;
        List<String> relations = new ArrayList<>();
        for (int e : edges) {
            PathIndex.Edge edge = index.edge(e);
            Node from = index.node(edge.from());
            Node relation = index.relations().get(edge.relation());
            Finding.Hop hop = hop(edge.witness());
            definite &= edge.definite();
            relations.add(relation.getLocalName());
            steps.add(new Finding.Step(nodes.id(from), nodes.type(from), relation.getLocalName(), hop));
        }
        Node target = index.node(index.edge(edges[edges.length - 1]).to());
        steps.add(new Finding.Step(nodes.id(target), nodes.type(target), null, null));
        Finding.Hop exposure = exposure(source);
        if (exposure != null && !exposure.certainty().equals("definite")) {
            definite = false;
        }
        Node last = index.edge(edges[edges.length - 1]).witness();
        TreeSet<String> levels = new TreeSet<>(strings(last, BP.accessLevel));
        String sourceId = steps.get(0).id(), targetId = steps.get(steps.size() - 1).id();
        String message = sourceId + (exposure != null ? ", reachable from the internet," : "") + " leads to "
                + targetId + (levels.isEmpty() ? "" : " (" + String.join(", ", levels) + ")")
                + " in " + edges.length + (edges.length == 1 ? " hop" : " hops") + ": " + String.join(" → ", relations);
        return new Finding(fingerprint(p.id(), sourceId, targetId, String.join(",", relations)), p,
                definite ? "definite" : "possible", message, List.copyOf(steps), exposure);
    }

    private Finding.Hop exposure(Node source) {
        for (Node w : objects(source, BP.witness)) {
            if (objects(w, BP.relation).contains(BP.exposedTo)) {
                return hop(w);
            }
        }
        return null;
    }

    private Finding.Hop hop(Node witness) {
        String certainty = strings(witness, BP.certainty).stream().findFirst().orElse("possible");
        String summary = strings(witness, BP.summary).stream().findFirst().orElse("");
        return new Finding.Hop(certainty, summary, List.copyOf(new TreeSet<>(strings(witness, BP.evidence))));
    }

    private List<Node> objects(Node s, Node p) {
        return g.find(s, p, Node.ANY).mapWith(Triple::getObject).toList();
    }

    private List<String> strings(Node s, Node p) {
        return objects(s, p).stream().filter(Node::isLiteral).map(Node::getLiteralLexicalForm).sorted().toList();
    }

    /** The nodes a path pattern selects; policies often share a pattern, so each is run once per scan. */
    private List<Node> nodes(SparqlQuery pattern, String var, Map<String, Node> bindings) throws QueryException {
        String key = pattern.query().toString() + "\n" + new java.util.TreeMap<>(bindings);
        List<Node> known = patterns.get(key);
        if (known == null) {
            known = column(pattern.select(g, timeoutMillis, bindings), var);
            patterns.put(key, known);
        }
        return known;
    }

    private static List<Node> column(ResultSetRewindable rows, String var) {
        List<Node> out = new ArrayList<>();
        while (rows.hasNext()) {
            var n = rows.next().get(var);
            if (n != null) {
                out.add(n.asNode());
            }
        }
        return out;
    }

    static String fingerprint(String policy, String source, String target, String shape) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(
                    (policy + "\n" + source + "\n" + target + "\n" + shape).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
