package dev.breachpath.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.breachpath.Breachpath;
import dev.breachpath.TestTurtle;
import dev.breachpath.derive.Classification;
import dev.breachpath.policy.Finding;
import dev.breachpath.policy.Policy;
import dev.breachpath.policy.PolicyLoader;
import dev.breachpath.policy.Scanner;
import dev.breachpath.policy.Settings;
import dev.breachpath.report.ScanWriter;
import java.util.TreeSet;
import dev.breachpath.TestPaths;
import dev.breachpath.graph.FactGraph;
import dev.breachpath.graph.GraphFormat;
import dev.breachpath.load.InputReport;
import dev.breachpath.load.Loaded;
import dev.breachpath.load.Stage;
import dev.breachpath.report.InputsWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every scenario in fixtures/terraform and fixtures/inventory reads as its expect.yaml says: the
 * counts of its input reports, triples each stage's graph contains and lacks, the findings of a
 * scan (and of the plan's changes alone), and strings no output may hold. Adding a scenario is
 * adding a folder.
 */
class FixturesTest {
    /** The time scans of fixtures take as now, unless a scenario says otherwise: ages are reproducible. */
    private static final String NOW = "2026-12-01T00:00:00Z";

    private static final YAMLMapper YAML = new YAMLMapper();

    @TestFactory
    Stream<DynamicTest> everyFixture() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String kind : List.of("terraform", "inventory")) {
            try (Stream<Path> dirs = Files.list(TestPaths.fixtures().resolve(kind))) {
                for (Path dir : dirs.sorted().toList()) {
                    if (Files.isRegularFile(dir.resolve("expect.yaml")) || Files.isRegularFile(dir.resolve("plan.json"))) {
                        tests.add(DynamicTest.dynamicTest(kind + "/" + dir.getFileName(), () -> check(dir)));
                    }
                }
            }
        }
        assertThat(tests).as("fixture scenarios").isNotEmpty();
        return tests.stream();
    }

    private static void check(Path dir) throws Exception {
        assertThat(dir.resolve("README.md")).as("every scenario says what it models").isRegularFile();
        Path expectFile = dir.resolve("expect.yaml");
        assertThat(expectFile).as("every scenario states its expectations").isRegularFile();
        JsonNode expect = YAML.readTree(expectFile.toFile());
        assertThat(expect.has("input") || expect.has("graph")).as("expect.yaml states something").isTrue();

        List<String> paths = inputs(dir, expect);
        Loaded loaded = Breachpath.load(paths);
        assertThat(loaded.reports()).as("reports").allSatisfy(r -> assertThat(r.error()).as("refusal of " + r.path()).isNull());
        JsonNode input = expect.path("input");
        if (input.has("elements")) {
            List<InputReport> read = loaded.reports().stream().filter(r -> !r.isUnrecognised()).toList();
            assertThat(read.stream().mapToInt(InputReport::elements).sum()).as("elements").isEqualTo(input.get("elements").asInt());
            assertThat(read.stream().mapToInt(InputReport::modelled).sum()).as("modelled").isEqualTo(input.path("modelled").asInt());
            TreeMap<String, Integer> unmodelled = new TreeMap<>();
            input.path("unmodelled").fields().forEachRemaining(e -> unmodelled.put(e.getKey(), e.getValue().asInt()));
            TreeMap<String, Integer> got = new TreeMap<>();
            read.forEach(r -> r.unmodelled().forEach((type, n) -> got.merge(type, n, Integer::sum)));
            assertThat(got).as("unmodelled").isEqualTo(unmodelled);
            assertThat(read.stream().mapToInt(r -> r.rejected().size()).sum()).as("rejected").isEqualTo(input.path("rejected").asInt(0));
            assertThat(read.stream().mapToInt(r -> r.warnings().size()).sum()).as("warnings").isEqualTo(input.path("warnings").asInt(0));
            assertThat(loaded.reports().size() - read.size()).as("unrecognised files").isEqualTo(input.path("unrecognised").asInt(0));
        }
        List<String> outputs = new ArrayList<>();
        outputs.add(InputsWriter.json(loaded.reports()));
        for (Stage stage : Stage.values()) {
            FactGraph graph = loaded.graph(stage);
            ByteArrayOutputStream turtle = new ByteArrayOutputStream();
            GraphFormat.TURTLE.write(graph.graph(), turtle);
            outputs.add(turtle.toString(StandardCharsets.UTF_8));
            JsonNode expected = expect.path("graph").path(stage.name().toLowerCase(Locale.ROOT));
            for (Triple t : TestTurtle.triples(expected.path("contains").asText(""))) {
                assertThat(graph.graph().contains(t)).as("the %s graph contains %s", stage, TestTurtle.show(t)).isTrue();
            }
            for (Triple t : TestTurtle.triples(expected.path("lacks").asText(""))) {
                assertThat(graph.graph().contains(t)).as("the %s graph lacks %s", stage, TestTurtle.show(t)).isFalse();
            }
        }
        if (expect.has("scan")) {
            outputs.addAll(scan(paths, expect, expect.get("scan"), expect.path("derived")));
        }
        for (JsonNode never : expect.path("never")) {
            for (String output : outputs) {
                assertThat(output.contains(never.asText())).as("an output holds %s", never.asText()).isFalse();
            }
        }
    }

    /**
     * Scans the plan with the built-in policies: the findings, as {@code policy: source -> target}
     * (or {@code policy: resource}), must be exactly those of {@code scan.findings}; the graph with
     * its derived relations must contain and lack the triples of {@code derived}.
     */
    private static List<String> scan(List<String> paths, JsonNode expect, JsonNode expected, JsonNode derived) throws Exception {
        Loaded loaded = Breachpath.load(paths);
        List<Policy> policies = PolicyLoader.builtin();
        Settings settings = new Settings(Settings.time(expect.path("now").asText(NOW)).orElseThrow(), java.util.Map.of());
        Scanner.Result result = Breachpath.scan(loaded.graph(Stage.AFTER), Classification.defaults(), policies, 60_000, settings);
        for (Triple t : TestTurtle.triples(derived.path("contains").asText(""))) {
            assertThat(loaded.graph(Stage.AFTER).graph().contains(t)).as("the derived graph contains %s", TestTurtle.show(t)).isTrue();
        }
        for (Triple t : TestTurtle.triples(derived.path("lacks").asText(""))) {
            assertThat(loaded.graph(Stage.AFTER).graph().contains(t)).as("the derived graph lacks %s", TestTurtle.show(t)).isFalse();
        }
        assertThat(result.errors()).as("policy errors").isEmpty();
        TreeSet<String> got = new TreeSet<>();
        for (Finding f : result.findings()) {
            got.add(f.policy().id() + ": " + f.source().id() + (f.path().size() > 1 ? " -> " + f.target().id() : ""));
        }
        TreeSet<String> want = new TreeSet<>();
        expected.path("findings").forEach(n -> want.add(n.asText().strip()));
        assertThat(got).as("the findings of a scan").containsExactlyElementsOf(want);
        if (expected.has("new")) {
            // What the plan adds: the findings after it that are not before it (scan --new-only).
            Scanner.Result before = Breachpath.scan(loaded.graph(Stage.BEFORE), Classification.defaults(), policies, 60_000, settings);
            java.util.Set<String> beforeIds = new java.util.HashSet<>();
            before.findings().forEach(f -> beforeIds.add(f.id()));
            TreeSet<String> added = new TreeSet<>();
            for (Finding f : result.findings()) {
                if (!beforeIds.contains(f.id())) {
                    added.add(f.policy().id() + ": " + f.source().id() + (f.path().size() > 1 ? " -> " + f.target().id() : ""));
                }
            }
            TreeSet<String> wantNew = new TreeSet<>();
            expected.get("new").forEach(n -> wantNew.add(n.asText().strip()));
            assertThat(added).as("the findings the plan adds").containsExactlyElementsOf(wantNew);
        }
        return List.of(ScanWriter.text(loaded.reports(), result.findings(), result.errors()),
                ScanWriter.json("test", loaded.reports(), result.findings(), result.errors()));
    }

    /** The scenario's inputs: expect.yaml's inputs (relative to the scenario), else its plan.json. */
    private static List<String> inputs(Path dir, JsonNode expect) {
        List<String> out = new ArrayList<>();
        expect.path("inputs").forEach(i -> out.add(dir.resolve(i.asText()).toString()));
        if (out.isEmpty()) {
            out.add(dir.resolve("plan.json").toString());
        }
        return out;
    }
}
