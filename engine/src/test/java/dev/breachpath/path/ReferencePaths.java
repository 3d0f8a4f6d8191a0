package dev.breachpath.path;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plain reference for {@link PathSearch}: every simple path from the source, walked depth
 * first up to the hop bound, keeping the shortest length to each target. Slow, obvious, and
 * written without the index's packing, so the two can be compared on random graphs.
 */
final class ReferencePaths {
    private ReferencePaths() {}

    /** Target → length of the shortest path from {@code source}. */
    static Map<Integer, Integer> shortestLengths(List<PathIndex.Edge> edges, int source, Set<Integer> targets,
                                                 Set<Integer> relations, int maxHops) {
        Map<Integer, Integer> best = new HashMap<>();
        List<Integer> onPath = new ArrayList<>(List.of(source));
        walk(edges, source, targets, relations, maxHops, onPath, best);
        return best;
    }

    private static void walk(List<PathIndex.Edge> edges, int node, Set<Integer> targets, Set<Integer> relations, int maxHops,
                             List<Integer> onPath, Map<Integer, Integer> best) {
        int hops = onPath.size() - 1;
        if (hops > 0 && targets.contains(node)) {
            best.merge(node, hops, Math::min);
        }
        if (hops == maxHops) {
            return;
        }
        for (PathIndex.Edge e : edges) {
            if (e.from() == node && relations.contains(e.relation()) && !onPath.contains(e.to())) {
                onPath.add(e.to());
                walk(edges, e.to(), targets, relations, maxHops, onPath, best);
                onPath.remove(onPath.size() - 1);
            }
        }
    }
}
