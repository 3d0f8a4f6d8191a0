package dev.breachpath.load;

import dev.breachpath.resource.TerraformResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.jena.graph.Node;

/**
 * Which planned resources are deployed ones: a plan resource and an inventory resource of the
 * same kind that share an ARN or id, in the same account where both tell theirs, are one
 * resource. Before the plan it is what the inventory
 * says; after it, the plan applied to that: the attributes the plan changes as the plan says,
 * the others as deployed (the plan keeps only a digest of user data; the API returns it). A
 * resource the plan deletes is gone after it. The resource keeps the plan's node in both
 * stages, so a finding through it has the same id before and after.
 */
public final class Identities {
    /** A resource a plan describes. */
    public record Planned(Node node, Node kind, String address, Set<String> keys, String account, boolean existsAfter) {}

    /**
     * A deployed resource, with how to see it as a mapping does (given its node and the stage's index).
     */
    public record Deployed(Node node, Node kind, Set<String> keys, String account,
                           BiFunction<Node, LinkIndex, TerraformResource> view) {}

    private final List<Planned> planned = new ArrayList<>();
    private final List<Deployed> deployed = new ArrayList<>();
    private final Map<Node, Planned> plannedFor = new HashMap<>();
    private final Map<Node, Deployed> deployedFor = new HashMap<>();

    /** Records a resource of a plan, known by {@code keys} (its known ids and ARNs in either state). */
    public void planned(Planned p) {
        planned.add(p);
    }

    /** Records a deployed resource, known by {@code keys}. */
    public void deployed(Deployed d) {
        deployed.add(d);
    }

    /**
     * Pairs deployed resources with planned ones, one to one: a deployed resource that several
     * planned resources claim (two workspaces managing one resource), or a planned one that
     * several deployed resources could be, is paired with none.
     */
    void resolve() {
        if (planned.isEmpty() || deployed.isEmpty()) {
            return;
        }
        Map<String, List<Planned>> byKey = new HashMap<>();
        for (Planned p : planned) {
            for (String key : p.keys()) {
                byKey.computeIfAbsent(p.kind().getURI() + " " + key, k -> new ArrayList<>()).add(p);
            }
        }
        Map<Node, List<Deployed>> candidates = new HashMap<>();
        Map<Deployed, Planned> single = new java.util.LinkedHashMap<>();
        for (Deployed d : deployed) {
            List<Planned> matches = d.keys().stream()
                    .flatMap(k -> byKey.getOrDefault(d.kind().getURI() + " " + k, List.of()).stream())
                    .filter(p -> p.account() == null || d.account() == null || p.account().equals(d.account()))
                    .distinct().sorted(Comparator.comparing(p -> p.node().getURI())).toList();
            if (matches.size() == 1) {
                single.put(d, matches.get(0));
                candidates.computeIfAbsent(matches.get(0).node(), k -> new ArrayList<>()).add(d);
            }
        }
        // One to one only: a planned resource that deployed resources of two accounts could be
        // (a role of the same name) is paired with neither, rather than with the wrong one.
        single.forEach((d, p) -> {
            if (candidates.get(p.node()).size() == 1) {
                plannedFor.put(d.node(), p);
                deployedFor.put(p.node(), d);
            }
        });
    }

    /** The planned resource that a deployed one is, if a plan manages it. */
    public Optional<Planned> plannedFor(Node deployedNode) {
        return Optional.ofNullable(plannedFor.get(deployedNode));
    }

    /** The deployed resource that a planned one is, if it is deployed. */
    public Optional<Deployed> deployedFor(Node plannedNode) {
        return Optional.ofNullable(deployedFor.get(plannedNode));
    }
}
