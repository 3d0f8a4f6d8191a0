package dev.breachpath.load;

import dev.breachpath.graph.BP;
import dev.breachpath.graph.FactGraph;
import dev.breachpath.graph.Iris;
import dev.breachpath.graph.Ontology;
import dev.breachpath.resource.aws.AwsIds;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Node;

/**
 * The nodes of one graph by what identifies them (ids, ARNs, names), across every input, so an
 * attribute holding a known id links to the resource with that id wherever it was described.
 * A known value that no input describes becomes an external node, named and typed by what the
 * value tells. Not thread-safe.
 */
public final class LinkIndex {
    private record Entry(Node node, Node cls) {}

    private final Ontology ontology;
    private final FactGraph graph;
    private final Map<String, List<Entry>> byKey = new HashMap<>();
    private final Map<Node, Node> classes = new HashMap<>();
    private final Map<Node, String> owners = new HashMap<>();
    private final Map<Node, String> accounts = new HashMap<>();

    public LinkIndex(FactGraph graph) {
        this.ontology = Ontology.get();
        this.graph = graph;
    }

    /** The graph this index belongs to. */
    public FactGraph graph() {
        return graph;
    }

    /**
     * Claims a node for an input: true if no other input describes it. Two plans of different
     * workspaces may hold the same address; the second cannot be told apart from the first.
     */
    public boolean claim(Node node, String input) {
        return owners.putIfAbsent(node, input) == null || owners.get(node).equals(input);
    }

    /** The input that claimed a node, or null. */
    public String owner(Node node) {
        return owners.get(node);
    }

    /** Registers a node of class {@code cls} under each of {@code keys}. */
    public void register(Node node, Node cls, Collection<String> keys) {
        register(node, cls, keys, null);
    }

    /**
     * Registers a node of class {@code cls}, in {@code account} (null if not known), under each
     * of {@code keys}.
     */
    public void register(Node node, Node cls, Collection<String> keys, String account) {
        if (account != null) {
            accounts.put(node, account);
        }
        classes.put(node, cls);
        for (String key : keys) {
            if (key != null && !key.isEmpty()) {
                List<Entry> entries = byKey.computeIfAbsent(key, k -> new ArrayList<>(1));
                if (entries.stream().noneMatch(e -> e.node().equals(node))) {
                    entries.add(new Entry(node, cls));
                }
            }
        }
    }

    /** The account a registered node is in, if known. */
    public Optional<String> accountOf(Node node) {
        return Optional.ofNullable(accounts.get(node));
    }

    /** The class a registered node was given, if it was registered. */
    public Optional<Node> classOf(Node node) {
        return Optional.ofNullable(classes.get(node));
    }

    /** Whether a node of class {@code actual} is a {@code wanted}. */
    public boolean isA(Node actual, Node wanted) {
        return wanted.equals(BP.Resource) || ontology.classAndSuperClasses(actual).contains(wanted);
    }

    /** The registered nodes of class {@code cls} (or a subclass) known by {@code value}, sorted by IRI. */
    public List<Node> find(String value, Node cls) {
        List<Entry> entries = byKey.get(value);
        if (entries == null) {
            return List.of();
        }
        return entries.stream().filter(e -> isA(e.cls(), cls)).map(Entry::node)
                .sorted(Comparator.comparing(Node::getURI)).distinct().toList();
    }

    /**
     * The external node for a value no input describes: named by the ARN, or by the class and the
     * id or name. Its class is the one the id's shape tells, else {@code cls}; nothing is made
     * when neither tells a class.
     *
     * @param byName true if the value is a name rather than an id
     */
    public Optional<Node> external(String value, Node cls, boolean byName) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Node kind = AwsIds.classOfId(value).filter(k -> isA(k, cls)).orElse(cls);
        if (kind.equals(BP.Resource) && !AwsIds.isArn(value)) {
            return Optional.empty();
        }
        Node node;
        if (AwsIds.isArn(value)) {
            node = Iris.arn(value);
            graph.string(node, BP.arn, value);
            AwsIds.arnAccount(value).ifPresent(a -> graph.string(node, BP.accountId, a));
            AwsIds.arnRegion(value).ifPresent(r -> graph.string(node, BP.region, r));
        } else {
            node = Iris.aws(kind, value);
            graph.string(node, byName ? BP.name : BP.awsId, value);
        }
        graph.type(node, kind);
        graph.bool(node, BP.external, true);
        register(node, kind, List.of(value));
        return Optional.of(node);
    }
}
