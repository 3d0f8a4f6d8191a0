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
    @Parameters(arity = "0..*", paramLabel = "INPUT",
            description = "Terraform plans (terraform show -json PLANFILE); AWS inventory snapshots: folders, .zip or .tar.gz of AWS CLI"
                    + " output (aws ec2 describe-instances > x.json, ...), AWS Config snapshots and items (docs/inventory.md);"
                    + " IAM authorization details. Formats are told by content; files in a folder that are none of these are"
                    + " listed as unrecognised.")
    List<String> inputs = new java.util.ArrayList<>();

    @Option(names = "--inventory", paramLabel = "DIR",
            description = "What is deployed (a snapshot folder or archive; repeatable): the plans among the inputs are applied"
                    + " to it, matched by ARN or id, so --new-only reports what the change adds to the account as it is.")
    List<String> inventories = new java.util.ArrayList<>();

    @Option(names = "--stage", paramLabel = "STAGE", defaultValue = "after",
            description = "The state to describe: after (the plan applied, default) or before (the prior state).",
            converter = StageConverter.class)
    Stage stage;

    /**
     * Loads the inputs; if any cannot be read, says so on stderr, one line each, and fails.
     * Rejected elements are summarised on stderr, since the graph lacks them.
     */
    Loaded load(PrintWriter err) {
        List<String> all = new java.util.ArrayList<>(inputs);
        all.addAll(inventories);
        if (all.isEmpty()) {
            throw new Main.Failure("no inputs: give a plan, a snapshot folder or another input (breachpath --help)");
        }
        Loaded loaded = Breachpath.load(all);
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
            if ("breachpath-snapshot-manifest".equals(r.format())) {
                // A partly collected snapshot still scans; say what it lacks.
                r.warnings().forEach(w -> err.println("breachpath: " + r.path() + ": " + w));
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
