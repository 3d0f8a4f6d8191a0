package dev.breachpath.cli;

import dev.breachpath.Breachpath;
import dev.breachpath.load.InputReport;
import dev.breachpath.load.Loaded;
import dev.breachpath.load.Stage;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The inputs of a command that works on the graph, and how to load them. */
final class InputsArgs {
    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Terraform plans (terraform show -json PLANFILE) and IAM authorization details (aws iam get-account-authorization-details).")
    List<String> inputs;

    @Option(names = "--stage", paramLabel = "STAGE", defaultValue = "after",
            description = "The state to describe: after (the plan applied, default) or before (the prior state).",
            converter = StageConverter.class)
    Stage stage;

    /**
     * Loads the inputs; if any cannot be read, says so on stderr, one line each, and fails.
     * Rejected elements are summarised on stderr, since the graph lacks them.
     */
    Loaded load(PrintWriter err) {
        Loaded loaded = Breachpath.load(inputs);
        if (loaded.anyRefused()) {
            for (InputReport r : loaded.reports()) {
                if (r.isRefused()) {
                    err.println("breachpath: " + r.path() + ": " + r.error());
                }
            }
            throw new Main.Failure(loaded.reports().stream().filter(InputReport::isRefused).count()
                    + " of " + loaded.reports().size() + " inputs could not be read");
        }
        for (InputReport r : loaded.reports()) {
            if (!r.rejected().isEmpty()) {
                err.println("breachpath: " + r.path() + ": " + r.rejected().size()
                        + " elements rejected; see: breachpath inputs " + r.path());
            }
        }
        return loaded;
    }

    /** Reads {@code before} / {@code after}. */
    static final class StageConverter implements picocli.CommandLine.ITypeConverter<Stage> {
        @Override
        public Stage convert(String value) {
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "before" -> Stage.BEFORE;
                case "after" -> Stage.AFTER;
                default -> throw new picocli.CommandLine.TypeConversionException("expected before or after");
            };
        }
    }
}
