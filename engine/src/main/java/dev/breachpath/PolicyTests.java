package dev.breachpath;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breachpath.derive.Classification;
import dev.breachpath.graph.FactGraph;
import dev.breachpath.load.InputReport;
import dev.breachpath.load.Loaded;
import dev.breachpath.load.Stage;
import dev.breachpath.policy.Finding;
import dev.breachpath.policy.Policy;
import dev.breachpath.policy.PolicyException;
import dev.breachpath.policy.PolicyLoader;
import dev.breachpath.policy.Scanner;
import dev.breachpath.policy.Settings;
import dev.breachpath.policy.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A policy pack's own test cases: each policy folder's {@code tests/*.yaml} names inputs (paths
 * relative to the case file) and every finding the policy must report on them, by address:
 * {@code source -> target} for a path policy, the resource for a query policy. A case passes when
 * the policy reports exactly those.
 */
public final class PolicyTests {
    private static final Set<String> KEYS = Set.of("description", "inputs", "classification", "stage", "findings", "now",
            "parameters");

    /**
     * The outcome of one case.
     *
     * @param policy     the policy id
     * @param file       the case file
     * @param missing    expected findings not reported
     * @param unexpected findings reported but not expected
     */
    public record Outcome(String policy, String file, List<String> missing, List<String> unexpected) {
        public boolean passed() {
            return missing.isEmpty() && unexpected.isEmpty();
        }
    }

    private final Map<String, FactGraph> graphs = new HashMap<>();

    /** Runs every case of every policy under {@code dir}. */
    public List<Outcome> run(Path dir) throws PolicyException {
        List<Outcome> out = new ArrayList<>();
        for (Path file : PolicyLoader.policyFiles(dir)) {
            Policy policy = PolicyLoader.parse(Yaml.read(file), file.getParent().getFileName().toString());
            Path tests = file.resolveSibling("tests");
            List<Path> cases = cases(tests);
            if (cases.isEmpty()) {
                throw new PolicyException(file + ": the policy has no test cases (expected tests/*.yaml beside it)");
            }
            for (Path c : cases) {
                out.add(run(policy, c));
            }
        }
        return out;
    }

    private static List<Path> cases(Path tests) throws PolicyException {
        if (!Files.isDirectory(tests)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(tests)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new PolicyException(tests + ": cannot be read");
        }
    }

    private Outcome run(Policy policy, Path file) throws PolicyException {
        Yaml y = Yaml.read(file);
        JsonNode root = y.root();
        if (root == null || !root.isObject()) {
            throw new PolicyException(file + ": expected a mapping with inputs and findings");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw y.error(key, "unknown key " + key + " (expected " + String.join(", ", new TreeSet<>(KEYS)) + ")");
            }
        }
        JsonNode inputs = root.get("inputs");
        if (inputs == null || !inputs.isArray() || inputs.isEmpty()) {
            throw y.error("inputs", "inputs must list at least one input file");
        }
        List<String> paths = new ArrayList<>();
        for (JsonNode i : inputs) {
            paths.add(file.getParent().resolve(i.asText()).normalize().toString());
        }
        Classification classification = Classification.defaults();
        String classificationFile = "";
        if (root.hasNonNull("classification")) {
            Path c = file.getParent().resolve(root.get("classification").asText()).normalize();
            classificationFile = c.toString();
            classification = classification(c);
        }
        Stage stage = "before".equals(root.path("stage").asText("after")) ? Stage.BEFORE : Stage.AFTER;
        JsonNode expected = root.get("findings");
        if (expected == null || !expected.isArray()) {
            throw y.error("findings", "findings must be a list (empty if the policy must find nothing)");
        }
        TreeSet<String> want = new TreeSet<>();
        expected.forEach(e -> want.add(e.asText().strip().replaceAll("\\s*->\\s*", " -> ")));

        String key = String.join("\n", new TreeSet<>(paths)) + "\n" + classificationFile + "\n" + stage;
        FactGraph graph = graphs.get(key);
        if (graph == null) {
            Loaded loaded = Breachpath.load(paths);
            for (InputReport r : loaded.reports()) {
                if (r.isRefused()) {
                    throw new PolicyException(file + ": input " + r.path() + " cannot be read: " + r.error());
                }
            }
            graph = loaded.graph(stage);
            Breachpath.derive(graph, classification);
            graphs.put(key, graph);
        }
        Settings settings = Settings.defaults();
        if (root.hasNonNull("now") || root.hasNonNull("parameters")) {
            java.time.Instant now = settings.now();
            if (root.hasNonNull("now")) {
                now = Settings.time(root.get("now").asText()).orElseThrow(() -> y.error("now", "now must be a date or a date and time (ISO 8601)"));
            }
            Map<String, String> parameters = new HashMap<>();
            root.path("parameters").fields().forEachRemaining(e -> parameters.put(policy.id() + "." + e.getKey(), e.getValue().asText()));
            settings = new Settings(now, parameters);
            List<String> unknown = settings.unknown(List.of(policy));
            if (!unknown.isEmpty()) {
                throw y.error("parameters", unknown.get(0).replace("--param ", "parameters: "));
            }
        }
        Scanner.Result result = new Scanner(graph.graph(), 60_000, settings).run(List.of(policy));
        if (!result.errors().isEmpty()) {
            throw new PolicyException(result.errors().get(0));
        }
        TreeSet<String> got = new TreeSet<>();
        for (Finding f : result.findings()) {
            got.add(policy.isPath() ? f.source().id() + " -> " + f.target().id() : f.source().id());
        }
        List<String> missing = want.stream().filter(w -> !got.contains(w)).toList();
        List<String> unexpected = got.stream().filter(g -> !want.contains(g)).toList();
        return new Outcome(policy.id(), file.toString(), missing, unexpected);
    }

    /** Reads a classification file. */
    public static Classification classification(Path file) throws PolicyException {
        Yaml y = Yaml.read(file);
        try {
            return Classification.from(y.root());
        } catch (IllegalArgumentException e) {
            String key = e.getMessage().split(":", 2)[0];
            throw y.error(key.startsWith("unknown key ") ? key.substring(12).split(" ")[0] : key, e.getMessage());
        }
    }
}
