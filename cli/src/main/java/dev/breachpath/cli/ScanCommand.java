package dev.breachpath.cli;

import dev.breachpath.load.Loaded;
import dev.breachpath.policy.Finding;
import dev.breachpath.policy.Policy;
import dev.breachpath.policy.PolicyException;
import dev.breachpath.policy.PolicyLoader;
import dev.breachpath.policy.Scanner;
import dev.breachpath.policy.Severity;
import dev.breachpath.report.ScanWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Finds attack paths and risky settings in the inputs: every path from the internet to",
                "sensitive data, each hop explained. Exit 0 when nothing is at or above --fail-on, 1 when",
                "something is, 2 when the run could not be completed (bad input, bad policy)."})
final class ScanCommand implements Callable<Integer> {
    enum Format { text, json }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    GraphArgs args;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
    Format format;

    @Option(names = {"--output", "-o"}, paramLabel = "FILE", description = "Write the report here instead of to standard output.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "high",
            description = "Exit 1 when a finding is this severe or worse: critical, high (default), medium, low, info or none.")
    String failOn;

    @Option(names = "--policies", paramLabel = "DIR", description = "A folder of policies to run as well (repeatable).")
    List<Path> policyDirs = new ArrayList<>();

    @Option(names = "--no-builtin-policies", description = "Run only the policies of --policies.")
    boolean noBuiltin;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Give up on a policy's query after this long (default 60); the policy is reported as failed.")
    double timeoutSeconds;

    @Option(names = "--timings", description = "Tell on standard error how long each stage and each policy took.")
    boolean timings;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        Severity threshold = threshold();
        List<Policy> policies = policies();
        var classification = args.classification();
        Loaded loaded = args.load(spec.commandLine().getErr());
        long loadedAt = System.nanoTime();
        var graph = args.derived(loaded, classification);
        long derivedAt = System.nanoTime();
        Scanner.Result result = new Scanner(graph.graph(), Math.max(1, Math.round(timeoutSeconds * 1000))).run(policies);
        if (timings) {
            var err = spec.commandLine().getErr();
            err.printf("breachpath: timings: load %d ms, derive %d ms, policies %d ms%n", (loadedAt - start) / 1_000_000,
                    (derivedAt - loadedAt) / 1_000_000, (System.nanoTime() - derivedAt) / 1_000_000);
            result.millis().forEach((id, ms) -> err.printf("breachpath: timings:   %-36s %5d ms%n", id, ms));
        }
        String report = format == Format.json
                ? ScanWriter.json(Main.version(), loaded.reports(), result.findings(), result.errors())
                : ScanWriter.text(loaded.reports(), result.findings(), result.errors());
        if (output != null) {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(output, report, StandardCharsets.UTF_8);
        } else {
            spec.commandLine().getOut().print(report);
            spec.commandLine().getOut().flush();
        }
        if (!result.errors().isEmpty()) {
            for (String e : result.errors()) {
                spec.commandLine().getErr().println("breachpath: " + e);
            }
            return Main.INCOMPLETE;
        }
        boolean fail = threshold != null && result.findings().stream().map(Finding::policy).anyMatch(p -> p.severity().atLeast(threshold));
        return fail ? 1 : 0;
    }

    private Severity threshold() {
        if (failOn.equals("none")) {
            return null;
        }
        return Severity.parse(failOn).orElseThrow(() ->
                new Main.Failure("--fail-on: expected critical, high, medium, low, info or none"));
    }

    private List<Policy> policies() {
        List<Policy> out = new ArrayList<>();
        try {
            if (!noBuiltin) {
                out.addAll(PolicyLoader.builtin());
            }
            for (Path dir : policyDirs) {
                out.addAll(PolicyLoader.directory(dir));
            }
        } catch (PolicyException e) {
            throw new Main.Failure(e.getMessage());
        }
        if (out.isEmpty()) {
            throw new Main.Failure("no policies to run: give --policies DIR or drop --no-builtin-policies");
        }
        Set<String> ids = new HashSet<>();
        for (Policy p : out) {
            if (!ids.add(p.id())) {
                throw new Main.Failure(p.origin() + ": policy id " + p.id() + " is used twice");
            }
        }
        return out;
    }
}
