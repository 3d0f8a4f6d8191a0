package dev.breachpath.cli;

import dev.breachpath.Breachpath;
import dev.breachpath.graph.FactGraph;
import dev.breachpath.load.Loaded;
import dev.breachpath.load.Stage;
import dev.breachpath.policy.Finding;
import dev.breachpath.policy.Policy;
import dev.breachpath.policy.PolicyException;
import dev.breachpath.policy.PolicyLoader;
import dev.breachpath.policy.Scanner;
import dev.breachpath.policy.Settings;
import dev.breachpath.policy.Severity;
import dev.breachpath.report.Baseline;
import dev.breachpath.report.HtmlWriter;
import dev.breachpath.report.JUnitWriter;
import dev.breachpath.report.MarkdownWriter;
import dev.breachpath.report.SarifWriter;
import dev.breachpath.report.ScanReport;
import dev.breachpath.report.ScanWriter;
import dev.breachpath.report.Waivers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Finds attack paths and risky settings in the inputs: every path from the internet to",
                "sensitive data, each hop explained. Exit 0 when nothing is at or above --fail-on, 1 when",
                "something is, 2 when the run could not be completed (bad input, bad policy)."})
final class ScanCommand implements Callable<Integer> {
    enum Format { text, json, sarif, markdown, html, junit }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    GraphArgs args;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), json, sarif (GitHub code scanning), markdown (a PR comment with Mermaid paths), "
                    + "html (one self-contained file) or junit (JUnit XML).")
    Format format;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "An earlier JSON report (--format json or --write-baseline): report only findings not in it.")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "Also write every finding of this scan that no waiver covers (before --baseline and --new-only) as a JSON"
                    + " report, for --baseline later.")
    Path writeBaseline;

    @Option(names = "--waivers", paramLabel = "FILE",
            description = "A YAML file of accepted risks (docs/ci.md): waived findings are listed as waived and do not fail the run;"
                    + " expired waivers and waivers that match nothing are reported.")
    Path waiversFile;

    @Option(names = "--today", paramLabel = "YYYY-MM-DD", description = "The date waivers expire against (default: the date of --now).")
    String today;

    @Option(names = "--now", paramLabel = "TIME",
            description = "The time policies measure ages against (key age, last use, snapshot age), as a date or an ISO 8601 date"
                    + " and time (default: the current time). Set it to make a scan reproducible.")
    String now;

    @Option(names = "--param", paramLabel = "POLICY.NAME=VALUE",
            description = "A value for a policy's parameter in place of its default (repeatable), e.g."
                    + " --param access-key-too-old.max_age_days=180; breachpath policy list shows the parameters.")
    java.util.Map<String, String> params = new java.util.LinkedHashMap<>();

    @Option(names = "--diff", description = "Scan the state before the plan too: mark the findings the plan adds, list those it removes.")
    boolean diff;

    @Option(names = "--new-only", description = "Report only the findings the plan adds (implies --diff).")
    boolean newOnly;

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
        // Read before anything is written: --baseline and --write-baseline may name the same file.
        Set<String> known = baseline == null ? null : read(() -> Baseline.read(baseline));
        Waivers waivers = waiversFile == null ? Waivers.none() : read(() -> Waivers.read(waiversFile));
        Settings settings = settings(policies);
        var classification = args.classification();
        Loaded loaded = args.load(spec.commandLine().getErr());
        long loadedAt = System.nanoTime();
        var graph = args.derived(loaded, classification);
        long derivedAt = System.nanoTime();
        long timeout = Math.max(1, Math.round(timeoutSeconds * 1000));
        Scanner.Result result = new Scanner(graph.graph(), timeout, settings).run(policies);
        if (timings) {
            var err = spec.commandLine().getErr();
            err.printf("breachpath: timings: load %d ms, derive %d ms, policies %d ms%n", (loadedAt - start) / 1_000_000,
                    (derivedAt - loadedAt) / 1_000_000, (System.nanoTime() - derivedAt) / 1_000_000);
            result.millis().forEach((id, ms) -> err.printf("breachpath: timings:   %-36s %5d ms%n", id, ms));
        }
        List<String> errors = new ArrayList<>(result.errors());
        List<String> notes = new ArrayList<>();
        // Waivers first, over every finding: whether a waiver matches, or has expired, does not
        // depend on what --new-only or --baseline then leave out.
        Waivers.Applied applied = waivers.apply(result.findings(), date(settings));
        List<Finding> findings = applied.findings();
        List<Waivers.Waived> waived = applied.waived();
        Set<String> fresh = null;
        List<Finding> removed = List.of();
        if (diff || newOnly) {
            if (args.inputs.stage != Stage.AFTER) {
                throw new Main.Failure("--diff and --new-only compare the plan applied with the state before it: drop --stage");
            }
            FactGraph before = loaded.graph(Stage.BEFORE);
            Breachpath.derive(before, classification);
            Scanner.Result prior = new Scanner(before.graph(), timeout, settings).run(policies);
            prior.errors().forEach(e -> errors.add("before the plan: " + e));
            Set<String> beforeIds = prior.findings().stream().map(Finding::id).collect(Collectors.toSet());
            Set<String> afterIds = result.findings().stream().map(Finding::id).collect(Collectors.toSet());
            fresh = new HashSet<>(afterIds);
            fresh.removeAll(beforeIds);
            removed = prior.findings().stream().filter(f -> !afterIds.contains(f.id())).toList();
            if (newOnly) {
                Set<String> added = fresh;
                int unchanged = (int) findings.stream().filter(f -> !added.contains(f.id())).count();
                findings = findings.stream().filter(f -> added.contains(f.id())).toList();
                waived = waived.stream().filter(w -> added.contains(w.finding().id())).toList();
                if (unchanged > 0) {
                    notes.add(unchanged + (unchanged == 1 ? " finding exists" : " findings exist") + " before the plan too and "
                            + (unchanged == 1 ? "is" : "are") + " not shown (--new-only)");
                }
            }
        }
        if (writeBaseline != null) {
            // What is waived stays out of a baseline, so that it is reported again once its waiver expires.
            write(writeBaseline, ScanWriter.json(ScanReport.of(Main.version(), loaded.reports(), policies, applied.findings(), errors)));
        }
        int baselined = 0;
        if (known != null) {
            int all = findings.size();
            findings = findings.stream().filter(f -> !known.contains(f.id())).toList();
            baselined = all - findings.size();
        }
        notes.addAll(applied.notes());
        ScanReport report = new ScanReport(Main.version(), loaded.reports(), policies, findings, waived, baselined,
                fresh, removed, errors, notes);
        String text = switch (format) {
            case json -> ScanWriter.json(report);
            case sarif -> SarifWriter.write(report);
            case markdown -> MarkdownWriter.write(report);
            case html -> HtmlWriter.write(report);
            case junit -> JUnitWriter.write(report);
            case text -> ScanWriter.text(report);
        };
        if (output != null) {
            write(output, text);
        } else {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        }
        if (format != Format.text) {
            notes.forEach(n -> spec.commandLine().getErr().println("breachpath: " + n));
        }
        if (!errors.isEmpty()) {
            for (String e : errors) {
                spec.commandLine().getErr().println("breachpath: " + e);
            }
            return Main.INCOMPLETE;
        }
        boolean fail = threshold != null && report.findings().stream().map(Finding::policy).anyMatch(p -> p.severity().atLeast(threshold));
        return fail ? 1 : 0;
    }

    private interface Reader<T> {
        T read() throws PolicyException;
    }

    private static <T> T read(Reader<T> reader) {
        try {
            return reader.read();
        } catch (PolicyException e) {
            throw new Main.Failure(e.getMessage());
        }
    }

    /** The time and parameter values the policies run with; an unknown parameter or a bad time fails the run. */
    private Settings settings(List<Policy> policies) {
        java.time.Instant time = java.time.Instant.now();
        if (now != null) {
            time = Settings.time(now).orElseThrow(() -> new Main.Failure("--now: expected a date (YYYY-MM-DD) or an ISO 8601 date and time"));
        }
        Settings settings = new Settings(time, params);
        List<String> unknown = settings.unknown(policies);
        if (!unknown.isEmpty()) {
            throw new Main.Failure(unknown.get(0));
        }
        for (Policy p : policies) {
            try {
                settings.bindings(p);
            } catch (dev.breachpath.policy.QueryException e) {
                throw new Main.Failure(e.getMessage());
            }
        }
        return settings;
    }

    private LocalDate date(Settings settings) {
        if (today == null) {
            return LocalDate.ofInstant(settings.now(), ZoneOffset.UTC);
        }
        try {
            return LocalDate.parse(today);
        } catch (DateTimeParseException e) {
            throw new Main.Failure("--today: expected a date, YYYY-MM-DD");
        }
    }

    private static void write(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, text.getBytes(StandardCharsets.UTF_8)); // replaces what UTF-8 cannot hold, never fails on it
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
