package dev.breachpath.derive;

import dev.breachpath.graph.FactGraph;

/** Runs every derivation over a loaded fact graph, adding the derived relations and their witnesses. */
public final class Derivations {
    private Derivations() {}

    /** Adds sensitivity, exposure, credentials, roles, role assumption, privilege escalation and data access to {@code graph}. */
    public static void run(FactGraph graph, Classification classification) {
        View v = new View(graph.graph());
        new Sensitivity(v, classification).derive(graph);
        Witnesses w = new Witnesses();
        new Exposure(v, w).derive();
        new Credentials(v, w).derive();
        new Roles(v, w).derive();
        Iam iam = new Iam(v);
        new Assumption(v, iam, w).derive();
        new Escalation(v, iam, w).derive();
        new Access(v, iam, w).derive();
        w.write(graph);
    }
}
