package dev.breachpath.path;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.eclipse.collections.impl.set.mutable.primitive.IntHashSet;

/** The packed breadth-first search agrees with the plain reference on random graphs. */
class PathSearchTest {
    private static final List<Node> RELATIONS = List.of(NodeFactory.createURI("urn:r:0"), NodeFactory.createURI("urn:r:1"),
            NodeFactory.createURI("urn:r:2"), NodeFactory.createURI("urn:r:3"));

    record Case(int nodes, List<PathIndex.Edge> edges, int source, Set<Integer> targets, Set<Integer> relations, int maxHops) {}

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.integers().between(2, 14).flatMap(n -> {
            Arbitrary<PathIndex.Edge> edge = Combinators.combine(Arbitraries.integers().between(0, n - 1),
                    Arbitraries.integers().between(0, n - 1), Arbitraries.integers().between(0, 3), Arbitraries.of(true, false))
                    .as((f, t, r, d) -> new PathIndex.Edge(f, t, r, NodeFactory.createURI("urn:w:" + f + ":" + t + ":" + r), d));
            return Combinators.combine(edge.list().ofMaxSize(n * 3), Arbitraries.integers().between(0, n - 1),
                    Arbitraries.integers().between(0, n - 1).set().ofMinSize(1).ofMaxSize(n),
                    Arbitraries.integers().between(0, 3).set().ofMinSize(1), Arbitraries.integers().between(1, 6))
                    .as((edges, s, targets, rels, hops) -> new Case(n, dedupe(edges), s, targets, rels, hops));
        });
    }

    private static List<PathIndex.Edge> dedupe(List<PathIndex.Edge> edges) {
        Map<String, PathIndex.Edge> unique = new HashMap<>();
        for (PathIndex.Edge e : edges) {
            if (e.from() != e.to()) {
                unique.putIfAbsent(e.from() + " " + e.to() + " " + e.relation(), e);
            }
        }
        return new ArrayList<>(unique.values());
    }

    @Property(tries = 400)
    void findsTheShortestPathToEveryReachableTarget(@ForAll("cases") Case c) {
        PathIndex index = PathIndex.of(c.nodes(), RELATIONS, c.edges());
        long mask = 0;
        for (int r : c.relations()) {
            mask |= 1L << r;
        }
        IntHashSet targets = new IntHashSet();
        c.targets().forEach(targets::add);
        var found = new PathSearch(index).shortest(c.source(), targets, mask, c.maxHops());
        Map<Integer, Integer> expected = ReferencePaths.shortestLengths(c.edges(), c.source(), c.targets(), c.relations(), c.maxHops());

        TreeSet<Integer> reached = new TreeSet<>();
        found.forEachKeyValue((target, path) -> {
            reached.add(target);
            assertThat(path.length).as("length of the path to %s", target).isEqualTo(expected.get(target));
            int at = c.source();
            for (int e : path) {
                PathIndex.Edge edge = index.edge(e);
                assertThat(edge.from()).isEqualTo(at);
                assertThat(c.relations()).contains(edge.relation());
                at = edge.to();
            }
            assertThat(at).isEqualTo(target);
        });
        assertThat(reached).isEqualTo(new TreeSet<>(expected.keySet()));
    }

    @Property(tries = 100)
    void aReusedSearchGivesTheSameAnswers(@ForAll("cases") Case c) {
        PathIndex index = PathIndex.of(c.nodes(), RELATIONS, c.edges());
        IntHashSet targets = new IntHashSet();
        c.targets().forEach(targets::add);
        PathSearch search = new PathSearch(index);
        var first = search.shortest(c.source(), targets, 0xF, c.maxHops());
        search.shortest((c.source() + 1) % c.nodes(), targets, 0xF, c.maxHops());
        var again = search.shortest(c.source(), targets, 0xF, c.maxHops());
        assertThat(again.keySet()).isEqualTo(first.keySet());
        first.forEachKeyValue((t, p) -> assertThat(again.get(t)).containsExactly(p));
    }
}
