package dev.breachpath.cli;

import dev.breachpath.graph.GraphFormat;
import dev.breachpath.graph.FactGraph;
import dev.breachpath.load.Loaded;
import dev.breachpath.policy.Finding;
import dev.breachpath.policy.PolicyException;
import dev.breachpath.policy.PolicyLoader;
import dev.breachpath.policy.Scanner;
import dev.breachpath.report.Neighbourhood;
import dev.breachpath.report.PathDrawing;
import java.util.List;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code breachpath graph}: the fact graph. */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "Prints the fact graph of the inputs, sorted, in the breachpath vocabulary (docs/vocabulary.md), or draws"
                + " it: --format dot or mermaid draws the attack paths the built-in policies find, or with --around the resources"
                + " within --depth links of one. Secrets are never written: key ids are masked, sensitive values replaced.")
final class GraphCommand implements Callable<Integer> {
    enum Format { turtle, ntriples, dot, mermaid }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    GraphArgs args;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "turtle",
            description = "turtle (default), ntriples, dot (Graphviz) or mermaid.")
    Format format;

    @Option(names = "--around", paramLabel = "ID",
            description = "With dot or mermaid: draw the resources linked to this one (a Terraform address, an ARN or an AWS id)"
                    + " instead of the attack paths.")
    String around;

    @Option(names = "--depth", paramLabel = "N", defaultValue = "2", description = "With --around: how many links away (default 2).")
    int depth;

    @Override
    public Integer call() {
        var classification = args.classification();
        Loaded loaded = args.load(spec.commandLine().getErr());
        FactGraph graph = args.derived(loaded, classification);
        var out = spec.commandLine().getOut();
        switch (format) {
            case turtle, ntriples -> {
                if (around != null) {
                    throw new Main.Failure("--around draws: give --format dot or mermaid");
                }
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                (format == Format.ntriples ? GraphFormat.NTRIPLES : GraphFormat.TURTLE).write(graph.graph(), buffer);
                out.print(buffer.toString(StandardCharsets.UTF_8));
            }
            case dot, mermaid -> {
                if (around != null) {
                    Neighbourhood.Drawing d = Neighbourhood.around(graph.graph(), around, Math.max(1, Math.min(depth, 6)))
                            .orElseThrow(() -> new Main.Failure("--around: no resource with that address, ARN or id in the inputs"));
                    out.print(format == Format.dot ? d.dot() : d.mermaid());
                } else {
                    List<Finding> findings;
                    try {
                        findings = new Scanner(graph.graph(), 60_000).run(PolicyLoader.builtin()).findings().stream()
                                .filter(f -> f.path().size() > 1).toList();
                    } catch (PolicyException e) {
                        throw new Main.Failure(e.getMessage());
                    }
                    out.print(format == Format.dot ? PathDrawing.dot(findings) : PathDrawing.mermaid(findings));
                }
            }
        }
        out.flush();
        return 0;
    }
}
