package dev.breachpath.policy;

import java.util.List;
import org.apache.jena.graph.Node;

/**
 * A policy: data, not code. A query policy is a SPARQL {@code SELECT} whose rows are findings
 * ({@code ?resource} required; {@code ?message} optional). A path policy names its sources and
 * targets by SPARQL patterns and the derived relations a path may use, and gets one finding per
 * (source, target) with the shortest path as witness.
 *
 * @param id          stable id, the folder name
 * @param title       one line
 * @param severity    how bad a finding is
 * @param description what it finds and why it matters
 * @param remediation how to fix a finding
 * @param references  links
 * @param query       the query of a query policy, else null
 * @param path        the path of a path policy, else null
 * @param origin      where it was read from
 * @param parameters  the settings its queries read as variables (thresholds), with their
 *                    defaults, by name; every query may also read {@code ?now}
 */
public record Policy(String id, String title, Severity severity, String description, String remediation,
                     List<String> references, SparqlQuery query, PathSpec path, String origin,
                     java.util.SortedMap<String, Node> parameters) {
    /**
     * What a path policy searches.
     *
     * @param from      a SELECT of {@code ?source}
     * @param to        a SELECT of {@code ?target}
     * @param relations the derived relations a path may use
     * @param maxHops   the longest path, in hops
     */
    public record PathSpec(SparqlQuery from, SparqlQuery to, List<Node> relations, int maxHops) {}

    public boolean isPath() {
        return path != null;
    }
}
