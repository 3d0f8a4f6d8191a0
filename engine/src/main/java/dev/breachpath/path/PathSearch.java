package dev.breachpath.path;

import org.eclipse.collections.api.map.primitive.MutableIntObjectMap;
import org.eclipse.collections.api.set.primitive.IntSet;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;
import org.eclipse.collections.impl.map.mutable.primitive.IntObjectHashMap;

/**
 * Bounded breadth-first search over a {@link PathIndex}: from one source, the shortest path (in
 * hops) to every target reached, using only the allowed relations. Ties go to the path whose
 * edges come first in the index's order, so the witness path is the same on every run.
 */
public final class PathSearch {
    private final PathIndex index;
    private final int[] parentEdge;
    private final int[] depth;
    private final IntArrayList touched = new IntArrayList();

    /** A search over {@code index}; reusable for many sources (not thread-safe). */
    public PathSearch(PathIndex index) {
        this.index = index;
        this.parentEdge = new int[index.size()];
        this.depth = new int[index.size()];
        java.util.Arrays.fill(depth, -1);
    }

    /**
     * The shortest path from {@code source} to each target in {@code targets} reachable within
     * {@code maxHops} edges whose relation bit is in {@code relationMask}: target → edge ids in order.
     * A source that is itself a target is not a path (it has no hops).
     */
    public MutableIntObjectMap<int[]> shortest(int source, IntSet targets, long relationMask, int maxHops) {
        MutableIntObjectMap<int[]> found = new IntObjectHashMap<>();
        IntArrayList frontier = new IntArrayList();
        frontier.add(source);
        depth[source] = 0;
        parentEdge[source] = -1;
        touched.add(source);
        for (int hop = 1; hop <= maxHops && !frontier.isEmpty() && found.size() < targets.size(); hop++) {
            IntArrayList next = new IntArrayList();
            for (int f = 0; f < frontier.size(); f++) {
                int node = frontier.get(f);
                for (int e = index.firstEdge(node), end = index.endEdge(node); e < end; e++) {
                    PathIndex.Edge edge = index.edge(e);
                    if ((relationMask & (1L << edge.relation())) == 0 || depth[edge.to()] >= 0) {
                        continue;
                    }
                    depth[edge.to()] = hop;
                    parentEdge[edge.to()] = e;
                    touched.add(edge.to());
                    next.add(edge.to());
                    if (targets.contains(edge.to())) {
                        found.put(edge.to(), path(edge.to(), hop));
                    }
                }
            }
            frontier = next;
        }
        for (int i = 0; i < touched.size(); i++) {
            depth[touched.get(i)] = -1;
        }
        touched.clear();
        return found;
    }

    private int[] path(int target, int hops) {
        int[] edges = new int[hops];
        int node = target;
        for (int i = hops - 1; i >= 0; i--) {
            int e = parentEdge[node];
            edges[i] = e;
            node = index.edge(e).from();
        }
        return edges;
    }
}
