package dev.breachpath.cli;

import dev.breachpath.Breachpath;
import dev.breachpath.load.Loaded;
import dev.breachpath.report.InputsWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code breachpath inputs}: what was read of each input. */
@Command(name = "inputs", mixinStandardHelpOptions = true,
        description = {"Tells what was read of each input: its format and every element, modelled,",
                "unmodelled (by type) or rejected (with the reason). The counts always add up. Files of a",
                "folder or archive that are no input are listed as unrecognised, with what they are."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  every input was read", "  2  some input could not be read (the others are still reported)"})
final class InputsCommand implements Callable<Integer> {
    enum Format { text, json }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT",
            description = "Terraform plans, AWS inventory snapshots (folders, .zip or .tar.gz of AWS CLI output; AWS Config data) and"
                    + " IAM authorization details (docs/inventory.md).")
    List<String> inputs;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
    Format format;

    @Override
    public Integer call() {
        Loaded loaded = Breachpath.load(inputs);
        var out = spec.commandLine().getOut();
        out.print(format == Format.json ? InputsWriter.json(loaded.reports()) : InputsWriter.text(loaded.reports()));
        out.flush();
        if (loaded.anyRefused()) {
            loaded.reports().stream().filter(r -> r.isRefused())
                    .forEach(r -> spec.commandLine().getErr().println("breachpath: " + r.path() + ": " + r.error()));
            return Main.INCOMPLETE;
        }
        return 0;
    }
}
