package dev.breachpath.cli;

import dev.breachpath.graph.GraphFormat;
import dev.breachpath.load.Loaded;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code breachpath graph}: the fact graph. */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = {"Prints the fact graph of the inputs, sorted, in the breachpath vocabulary",
                "(docs/vocabulary.md). Secrets are never written: key ids are masked, sensitive values replaced."})
final class GraphCommand implements Callable<Integer> {
    enum Format { turtle, ntriples }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    GraphArgs args;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "turtle", description = "turtle (default) or ntriples.")
    Format format;

    @Override
    public Integer call() {
        var classification = args.classification();
        Loaded loaded = args.load(spec.commandLine().getErr());
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        (format == Format.ntriples ? GraphFormat.NTRIPLES : GraphFormat.TURTLE)
                .write(args.derived(loaded, classification).graph(), buffer);
        var out = spec.commandLine().getOut();
        out.print(buffer.toString(StandardCharsets.UTF_8));
        out.flush();
        return 0;
    }
}
