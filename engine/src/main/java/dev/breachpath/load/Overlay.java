package dev.breachpath.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import dev.breachpath.resource.Value;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Node;

/**
 * A deployed resource with a plan applied: each top-level attribute the plan changes is read
 * from the plan, every other from what is deployed (falling back to the plan where the API
 * says nothing of it). Attributes that hold one thing under two names change together.
 */
public final class Overlay implements TerraformResource {
    /** Attributes that are one setting written two ways: when the plan changes one, the deployed value of every one is stale. */
    private static final List<Set<String>> TOGETHER = List.of(Set.of("user_data", "user_data_base64"), Set.of("tags", "tags_all"));

    private final TerraformResource planned;
    private final TerraformResource deployed;
    private final Set<String> changed;

    /**
     * @param changed the top-level attributes the plan changes
     */
    public Overlay(TerraformResource planned, TerraformResource deployed, Set<String> changed) {
        this.planned = planned;
        this.deployed = deployed;
        Set<String> all = new HashSet<>(changed);
        for (Set<String> group : TOGETHER) {
            if (group.stream().anyMatch(changed::contains)) {
                all.addAll(group);
            }
        }
        this.changed = all;
    }

    private boolean fromPlan(AttrPath path) {
        if (path.isRoot()) {
            return true;
        }
        Object first = path.segments().get(0);
        return changed.contains(String.valueOf(first)) || deployed.value(AttrPath.of(first)).isAbsent();
    }

    @Override
    public String address() {
        return planned.address();
    }

    @Override
    public String type() {
        return planned.type();
    }

    @Override
    public boolean isDataSource() {
        return planned.isDataSource();
    }

    @Override
    public Node node() {
        return planned.node();
    }

    @Override
    public Value value(AttrPath path) {
        return fromPlan(path) ? planned.value(path) : deployed.value(path);
    }

    @Override
    public Targets targets(AttrPath path, Node cls, boolean multiValued) {
        return fromPlan(path) ? planned.targets(path, cls, multiValued) : deployed.targets(path, cls, multiValued);
    }

    @Override
    public Targets targetsByName(AttrPath path, Node cls, boolean multiValued) {
        return fromPlan(path) ? planned.targetsByName(path, cls, multiValued) : deployed.targetsByName(path, cls, multiValued);
    }

    @Override
    public Targets references(AttrPath path, Node cls) {
        return fromPlan(path) ? planned.references(path, cls) : Targets.none();
    }

    @Override
    public Optional<JsonNode> constant(AttrPath path) {
        return fromPlan(path) ? planned.constant(path) : Optional.empty();
    }

    @Override
    public int configuredBlocks(AttrPath path) {
        return fromPlan(path) ? planned.configuredBlocks(path) : 0;
    }

    @Override
    public void warn(String message) {
        planned.warn(message);
    }
}
