package dev.breachpath.load.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.breachpath.Breachpath;
import dev.breachpath.TestTurtle;
import dev.breachpath.load.InputReport;
import dev.breachpath.load.JsonInput;
import dev.breachpath.load.Loaded;
import dev.breachpath.load.Stage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden cases of each response kind: the files of a case (responses as the AWS CLI prints
 * them, Config items, and optionally a manifest) are written to a folder and read as an
 * inventory; each file's report and the graph's triples must be as the case says. Every
 * response kind breachpath reads has a case; a test checks that.
 *
 * <p>A case is {@code golden/<name>.yaml}: {@code files} (name to document), optional
 * {@code manifest} (a list of calls: file, operation, parameters), {@code reports} (per file:
 * {@code format}, {@code version}, {@code elements}, {@code modelled}, {@code unmodelled} by
 * type, {@code rejected}), and Turtle the graph must contain ({@code contains}) and lack
 * ({@code lacks}), with the vocabulary's prefixes predeclared.
 */
class InventoryGoldenTest {
    private static final YAMLMapper YAML = new YAMLMapper();

    @TempDir
    Path temp;

    static Path golden() throws URISyntaxException {
        return Path.of(InventoryGoldenTest.class.getResource("golden").toURI());
    }

    @TestFactory
    Stream<DynamicTest> everyCase() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(golden())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                String name = file.getFileName().toString().replace(".yaml", "");
                tests.add(DynamicTest.dynamicTest(name, () -> check(file, temp.resolve(name))));
            }
        }
        return tests.stream();
    }

    /** Every response kind (and every modelled Config resource type) has a golden case. */
    @org.junit.jupiter.api.Test
    void everyKindHasACase() throws Exception {
        TreeSet<String> covered = new TreeSet<>();
        try (Stream<Path> files = Files.list(golden())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                YAML.readTree(file.toFile()).path("reports").forEach(r -> covered.add(r.path("version").asText()));
            }
        }
        TreeSet<String> kinds = new TreeSet<>();
        Api.ALL.forEach(a -> kinds.add(a.name()));
        kinds.removeAll(covered);
        assertThat(kinds).as("response kinds without a golden case").isEmpty();
    }

    private static void check(Path file, Path dir) throws IOException {
        JsonNode c = YAML.readTree(file.toFile());
        Files.createDirectories(dir);
        for (var it = c.path("files").fields(); it.hasNext(); ) {
            var e = it.next();
            Path out = dir.resolve(e.getKey());
            Files.createDirectories(out.getParent());
            String text = e.getValue().isTextual() ? e.getValue().asText() : JsonInput.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(e.getValue());
            Files.writeString(out, text, StandardCharsets.UTF_8);
        }
        if (c.has("manifest")) {
            ObjectNode manifest = JsonInput.mapper().createObjectNode();
            manifest.put("breachpath_snapshot", 1).put("account", "123456789012");
            ArrayNode calls = manifest.putArray("calls");
            c.get("manifest").forEach(calls::add);
            Files.writeString(dir.resolve("manifest.json"), manifest.toString());
        }
        Loaded loaded = Breachpath.load(List.of(dir.toString()));
        Map<String, InputReport> reports = new TreeMap<>();
        for (InputReport r : loaded.reports()) {
            reports.put(dir.relativize(Path.of(r.path())).toString().replace('\\', '/'), r);
        }
        for (var it = c.path("reports").fields(); it.hasNext(); ) {
            var e = it.next();
            InputReport r = reports.get(e.getKey());
            assertThat(r).as("report of %s", e.getKey()).isNotNull();
            JsonNode want = e.getValue();
            assertThat(r.error()).as("refusal of %s", e.getKey()).isNull();
            if (want.has("unrecognised")) {
                assertThat(r.unrecognised()).as("%s unrecognised", e.getKey()).isNotNull();
                continue;
            }
            assertThat(r.format()).as("format of %s", e.getKey()).isEqualTo(want.path("format").asText("aws-api-response"));
            if (want.has("version")) {
                assertThat(r.formatVersion()).as("kind of %s", e.getKey()).isEqualTo(want.get("version").asText());
            }
            assertThat(r.elements()).as("elements of %s", e.getKey()).isEqualTo(want.path("elements").asInt());
            assertThat(r.modelled()).as("modelled of %s", e.getKey()).isEqualTo(want.path("modelled").asInt());
            TreeMap<String, Integer> unmodelled = new TreeMap<>();
            want.path("unmodelled").fields().forEachRemaining(u -> unmodelled.put(u.getKey(), u.getValue().asInt()));
            assertThat(r.unmodelled()).as("unmodelled of %s", e.getKey()).isEqualTo(unmodelled);
            assertThat(r.rejected()).as("rejected of %s", e.getKey()).hasSize(want.path("rejected").asInt(0));
        }
        Graph graph = loaded.graph(Stage.AFTER).graph();
        for (Triple t : TestTurtle.triples(c.path("contains").asText(""))) {
            assertThat(graph.contains(t)).as("the graph contains %s", TestTurtle.show(t)).isTrue();
        }
        for (Triple t : TestTurtle.triples(c.path("lacks").asText(""))) {
            assertThat(graph.contains(t)).as("the graph lacks %s", TestTurtle.show(t)).isFalse();
        }
    }
}
