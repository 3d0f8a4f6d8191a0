package dev.breachpath.cli;

import dev.breachpath.Breachpath;
import dev.breachpath.PolicyTests;
import dev.breachpath.derive.Classification;
import dev.breachpath.graph.FactGraph;
import dev.breachpath.load.Loaded;
import dev.breachpath.policy.PolicyException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of the commands that work on the graph with its derived relations (scan, graph,
 * query): the inputs and stage, and {@code --classification FILE}.
 */
final class GraphArgs {
    @Mixin
    InputsArgs inputs;

    @Option(names = "--classification", paramLabel = "FILE",
            description = "A YAML file saying which data stores are sensitive (keys: sensitive-by-default, tag-keys, "
                    + "public-values, sensitive-values). Default: databases, snapshots, tables, secrets and buckets, "
                    + "unless tagged data-classification = public.")
    Path file;

    /** The classification of --classification, or the default; a bad file fails the run. */
    Classification classification() {
        if (file == null) {
            return Classification.defaults();
        }
        try {
            return PolicyTests.classification(file);
        } catch (PolicyException e) {
            throw new Main.Failure(e.getMessage());
        }
    }

    /** Loads the inputs (see {@link InputsArgs#load}). */
    Loaded load(PrintWriter err) {
        return inputs.load(err);
    }

    /** The graph of the chosen stage, with the derived relations added. */
    FactGraph derived(Loaded loaded, Classification classification) {
        FactGraph graph = loaded.graph(inputs.stage);
        Breachpath.derive(graph, classification);
        return graph;
    }
}
