package dev.breachpath.load.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breachpath.load.LinkIndex;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import dev.breachpath.resource.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.jena.graph.Node;

/**
 * A plan resource in one stage, as mappings see it. Targets come first from known values (looked
 * up in the {@link LinkIndex} of all inputs), and, for values unknown before apply, from the
 * configuration's references; in the before stage there are no references to follow, since the
 * configuration describes the state after the plan.
 */
final class PlanResourceView implements TerraformResource {
    private final PlanResource resource;
    private final Snapshot snapshot;
    private final Node node;
    private final LinkIndex index;
    private final ReferenceResolver resolver;
    private final java.util.function.Function<PlanResource, Node> nodes;
    private final java.util.function.Consumer<String> warnings;

    /**
     * @param resolver the after stage's resolver, or null in the before stage
     * @param nodes    the node of each resource of the same plan
     */
    PlanResourceView(PlanResource resource, Snapshot snapshot, Node node, LinkIndex index,
                     ReferenceResolver resolver, java.util.function.Function<PlanResource, Node> nodes,
                     java.util.function.Consumer<String> warnings) {
        this.resource = resource;
        this.snapshot = snapshot;
        this.node = node;
        this.index = index;
        this.resolver = resolver;
        this.nodes = nodes;
        this.warnings = warnings;
    }

    @Override
    public String address() {
        return resource.address;
    }

    @Override
    public String type() {
        return resource.type;
    }

    @Override
    public boolean isDataSource() {
        return resource.data;
    }

    @Override
    public Node node() {
        return node;
    }

    @Override
    public Value value(AttrPath path) {
        return snapshot.value(path);
    }

    @Override
    public Targets targets(AttrPath path, Node cls, boolean multiValued) {
        return link(path, cls, multiValued, false);
    }

    @Override
    public Targets targetsByName(AttrPath path, Node cls, boolean multiValued) {
        return link(path, cls, multiValued, true);
    }

    @Override
    public Targets references(AttrPath path, Node cls) {
        ReferenceResolver.Resolution r = resolve(path);
        List<Node> found = r.targets().stream().map(nodes)
                .filter(n -> index.classOf(n).map(c -> index.isA(c, cls)).orElse(false)).toList();
        return new Targets(sorted(found), r.ambiguous(), false);
    }

    @Override
    public Optional<JsonNode> constant(AttrPath path) {
        return resolver == null ? Optional.empty() : resolver.constant(resource, path, snapshot);
    }

    @Override
    public int configuredBlocks(AttrPath path) {
        return resolver == null ? 0 : resolver.blocks(resource, path);
    }

    @Override
    public void warn(String message) {
        warnings.accept(resource.address + ": " + message);
    }

    private Targets link(AttrPath path, Node cls, boolean multiValued, boolean byName) {
        Value value = snapshot.value(path);
        TreeSet<Node> found = new TreeSet<>(Comparator.comparing(Node::getURI));
        boolean ambiguous = false;
        if (value.isKnown() && !value.isSensitive()) {
            for (String text : value.texts()) {
                List<Node> matches = index.find(text, cls);
                if (matches.isEmpty()) {
                    index.external(text, cls, byName).ifPresent(found::add);
                } else {
                    found.addAll(matches);
                    ambiguous |= matches.size() > 1;
                }
            }
            if (!value.isPartial()) {
                return new Targets(List.copyOf(found), ambiguous, false);
            }
        }
        ReferenceResolver.Resolution r = resolve(path);
        List<Node> referenced = new ArrayList<>();
        for (PlanResource target : r.targets()) {
            Node n = nodes.apply(target);
            if (index.classOf(n).map(c -> index.isA(c, cls)).orElse(false)) {
                referenced.add(n);
            }
        }
        found.addAll(referenced);
        ambiguous |= r.ambiguous() && !multiValued && referenced.size() > 1;
        boolean unknown = found.isEmpty() && (value.isUnknown() || value.isPartial());
        return new Targets(List.copyOf(found), ambiguous, unknown);
    }

    private ReferenceResolver.Resolution resolve(AttrPath path) {
        return resolver == null ? ReferenceResolver.Resolution.empty() : resolver.resolve(resource, path, snapshot);
    }

    private static List<Node> sorted(List<Node> nodes) {
        return nodes.stream().sorted(Comparator.comparing(Node::getURI)).distinct().toList();
    }
}
