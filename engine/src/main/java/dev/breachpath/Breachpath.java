package dev.breachpath;

import dev.breachpath.derive.Classification;
import dev.breachpath.derive.Derivations;
import dev.breachpath.derive.Permissions;
import dev.breachpath.graph.FactGraph;
import dev.breachpath.load.Loaded;
import dev.breachpath.load.Loader;
import dev.breachpath.load.aws.InventoryFormat;
import dev.breachpath.load.terraform.TerraformPlanFormat;
import dev.breachpath.policy.Policy;
import dev.breachpath.policy.Scanner;
import dev.breachpath.policy.Settings;
import dev.breachpath.resource.aws.AwsMappings;
import java.util.List;

/**
 * The one entry point of the engine: inputs in, fact graphs and reports out.
 *
 * <p>Thread-safe; every call is independent.
 */
public final class Breachpath {
    private static final Loader LOADER = new Loader(List.of(new TerraformPlanFormat(AwsMappings.standard()),
            new InventoryFormat(AwsMappings.standard())));

    private Breachpath() {}

    /**
     * Reads every input (in the order of their paths) into the fact graphs of both stages. An
     * input that cannot be read is reported in {@link Loaded#reports()}; the others are still read.
     *
     * @param inputs paths as the user gave them
     */
    public static Loaded load(List<String> inputs) {
        return LOADER.load(inputs);
    }

    /** Adds the derived relations (exposure, credentials, roles, assumption, access, sensitivity) to a loaded graph. */
    public static void derive(FactGraph graph, Classification classification) {
        Derivations.run(graph, classification);
    }

    /**
     * Explains whether a principal of the graph may perform an action on a resource, naming the
     * statements that decide it.
     *
     * @throws IllegalArgumentException when the principal or resource is not found, saying which
     */
    public static Permissions.Explanation explain(FactGraph graph, String principal, String action, String resource) {
        return new Permissions(graph).explain(principal, action, resource);
    }

    /**
     * Derives, then runs the policies over {@code graph}.
     *
     * @param timeoutMillis the longest any one SPARQL query of a policy may run
     */
    public static Scanner.Result scan(FactGraph graph, Classification classification, List<Policy> policies, long timeoutMillis) {
        return scan(graph, classification, policies, timeoutMillis, Settings.defaults());
    }

    /** Derives, then runs the policies over {@code graph} with the given now and parameter values. */
    public static Scanner.Result scan(FactGraph graph, Classification classification, List<Policy> policies, long timeoutMillis,
                                      Settings settings) {
        derive(graph, classification);
        return new Scanner(graph.graph(), timeoutMillis, settings).run(policies);
    }
}
