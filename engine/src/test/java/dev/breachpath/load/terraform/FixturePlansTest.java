package dev.breachpath.load.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.breachpath.Breachpath;
import dev.breachpath.derive.Classification;
import dev.breachpath.policy.Finding;
import dev.breachpath.policy.Policy;
import dev.breachpath.policy.PolicyLoader;
import dev.breachpath.policy.Scanner;
import dev.breachpath.report.ScanWriter;
import java.util.TreeSet;
import dev.breachpath.TestPaths;
import dev.breachpath.graph.FactGraph;
import dev.breachpath.graph.GraphFormat;
import dev.breachpath.load.InputReport;
import dev.breachpath.load.Loaded;
import dev.breachpath.load.Stage;
import dev.breachpath.report.InputsWriter;
import java.io.ByteArrayInputStream;
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
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.out.NodeFmtLib;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every scenario in fixtures/terraform reads as its expect.yaml says: the counts of its input
 * report, triples each stage's graph contains and lacks, and strings no output may hold.
 * Adding a scenario is adding a folder.
 */
class FixturePlansTest {
    private static final YAMLMapper YAML = new YAMLMapper();

    @TestFactory
    Stream<DynamicTest> everyFixture() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(TestPaths.fixtures().resolve("terraform"))) {
            for (Path dir : dirs.sorted().toList()) {
                if (Files.isRegularFile(dir.resolve("plan.json"))) {
                    tests.add(DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
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

        Loaded loaded = Breachpath.load(List.of(dir.resolve("plan.json").toString()));
        InputReport report = loaded.reports().get(0);
        assertThat(report.error()).as("refusal").isNull();
        JsonNode input = expect.path("input");
        if (input.has("elements")) {
            assertThat(report.elements()).as("elements").isEqualTo(input.get("elements").asInt());
            assertThat(report.modelled()).as("modelled").isEqualTo(input.path("modelled").asInt());
            TreeMap<String, Integer> unmodelled = new TreeMap<>();
            input.path("unmodelled").fields().forEachRemaining(e -> unmodelled.put(e.getKey(), e.getValue().asInt()));
            assertThat(report.unmodelled()).as("unmodelled").isEqualTo(unmodelled);
            assertThat(report.rejected()).as("rejected").hasSize(input.path("rejected").asInt(0));
            assertThat(report.warnings()).as("warnings").hasSize(input.path("warnings").asInt(0));
        }
        List<String> outputs = new ArrayList<>();
        outputs.add(InputsWriter.json(loaded.reports()));
        for (Stage stage : Stage.values()) {
            FactGraph graph = loaded.graph(stage);
            ByteArrayOutputStream turtle = new ByteArrayOutputStream();
            GraphFormat.TURTLE.write(graph.graph(), turtle);
            outputs.add(turtle.toString(StandardCharsets.UTF_8));
            JsonNode expected = expect.path("graph").path(stage.name().toLowerCase(Locale.ROOT));
            for (Triple t : triples(expected.path("contains").asText(""))) {
                assertThat(graph.graph().contains(t)).as("the %s graph contains %s", stage, show(t)).isTrue();
            }
            for (Triple t : triples(expected.path("lacks").asText(""))) {
                assertThat(graph.graph().contains(t)).as("the %s graph lacks %s", stage, show(t)).isFalse();
            }
        }
        if (expect.has("scan")) {
            outputs.addAll(scan(dir, expect.get("scan"), expect.path("derived")));
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
    private static List<String> scan(Path dir, JsonNode expected, JsonNode derived) throws Exception {
        Loaded loaded = Breachpath.load(List.of(dir.resolve("plan.json").toString()));
        List<Policy> policies = PolicyLoader.builtin();
        Scanner.Result result = Breachpath.scan(loaded.graph(Stage.AFTER), Classification.defaults(), policies, 60_000);
        for (Triple t : triples(derived.path("contains").asText(""))) {
            assertThat(loaded.graph(Stage.AFTER).graph().contains(t)).as("the derived graph contains %s", show(t)).isTrue();
        }
        for (Triple t : triples(derived.path("lacks").asText(""))) {
            assertThat(loaded.graph(Stage.AFTER).graph().contains(t)).as("the derived graph lacks %s", show(t)).isFalse();
        }
        assertThat(result.errors()).as("policy errors").isEmpty();
        TreeSet<String> got = new TreeSet<>();
        for (Finding f : result.findings()) {
            got.add(f.policy().id() + ": " + f.source().id() + (f.path().size() > 1 ? " -> " + f.target().id() : ""));
        }
        TreeSet<String> want = new TreeSet<>();
        expected.path("findings").forEach(n -> want.add(n.asText().strip()));
        assertThat(got).as("the findings of a scan").containsExactlyElementsOf(want);
        return List.of(ScanWriter.text(loaded.reports(), result.findings(), result.errors()),
                ScanWriter.json("test", loaded.reports(), result.findings(), result.errors()));
    }

    private static List<Triple> triples(String turtle) {
        if (turtle.isBlank()) {
            return List.of();
        }
        StringBuilder prefixed = new StringBuilder();
        GraphFormat.prefixes().forEach((prefix, uri) -> prefixed.append("@prefix ").append(prefix).append(": <")
                .append(uri).append("> .\n"));
        prefixed.append(turtle);
        Graph g = GraphMemFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(prefixed.toString().getBytes(StandardCharsets.UTF_8)))
                .lang(Lang.TURTLE).parse(g);
        List<Triple> out = new ArrayList<>();
        g.find().forEachRemaining(out::add);
        return out;
    }

    private static String show(Triple t) {
        return NodeFmtLib.strNT(t.getSubject()) + " " + NodeFmtLib.strNT(t.getPredicate()) + " " + NodeFmtLib.strNT(t.getObject());
    }
}
