package dev.breachpath.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.breachpath.Breachpath;
import dev.breachpath.TestPaths;
import dev.breachpath.derive.Classification;
import dev.breachpath.load.Loaded;
import dev.breachpath.load.Stage;
import dev.breachpath.policy.Finding;
import dev.breachpath.policy.Policy;
import dev.breachpath.policy.PolicyLoader;
import dev.breachpath.policy.Scanner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * Every report format renders every fixture's findings: SARIF that validates against the
 * official SARIF 2.1.0 schema, Markdown with a Mermaid flowchart per path, HTML with an SVG per
 * path and nothing fetched from anywhere, JUnit XML that parses with the right counts, and DOT
 * and Mermaid drawings. The first finding of each fixture is waived and the state before the
 * plan compared, so those parts of the reports are exercised too; no output holds a string the
 * fixture says must never appear.
 */
class ReportFormatsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Schema sarifSchema;

    static synchronized Schema sarif() throws IOException {
        if (sarifSchema == null) {
            try (InputStream in = ReportFormatsTest.class.getResourceAsStream("/sarif/sarif-2.1.0-rtm.5.json")) {
                sarifSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
            }
        }
        return sarifSchema;
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureInEveryFormat(@TempDir Path dir) throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> scenarios = Files.list(TestPaths.fixtures().resolve("terraform"))) {
            for (Path scenario : scenarios.sorted().filter(p -> Files.isRegularFile(p.resolve("plan.json"))).toList()) {
                tests.add(DynamicTest.dynamicTest(scenario.getFileName().toString(), () -> check(scenario, dir)));
            }
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(9);
        return tests.stream();
    }

    /** A snapshot's SARIF is valid, and results point at the file and line that name their resource. */
    @org.junit.jupiter.api.Test
    void aSnapshotsSarifPointsIntoTheSnapshot() throws Exception {
        Path snapshot = TestPaths.fixtures().resolve("inventory/imperva/snapshot");
        Loaded loaded = Breachpath.load(List.of(snapshot.toString()));
        Scanner.Result result = Breachpath.scan(loaded.graph(Stage.AFTER), Classification.defaults(), PolicyLoader.builtin(), 60_000,
                new dev.breachpath.policy.Settings(java.time.Instant.parse("2019-10-01T00:00:00Z"), java.util.Map.of()));
        String sarif = SarifWriter.write(ScanReport.of("test", loaded.reports(), PolicyLoader.builtin(), result.findings(), result.errors()));
        JsonNode s = JSON.readTree(sarif);
        assertThat(sarif().validate(s)).as("SARIF schema errors").isEmpty();
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        for (JsonNode r : s.get("runs").get(0).path("results")) {
            JsonNode physical = r.path("locations").get(0).path("physicalLocation");
            if (!physical.isMissingNode()) {
                assertThat(physical.path("region").path("startLine").asInt()).isPositive();
                files.put(r.path("ruleId").asText(), physical.path("artifactLocation").path("uri").asText());
            }
        }
        assertThat(files).containsEntry("stale-manual-snapshot", snapshot + "/rds-describe-db-snapshots.json")
                .containsKey("admin-port-open-to-world").containsKey("exposed-credential-reaches-data");
    }

    static ScanReport report(Path plan, Path dir, boolean waiveFirst) throws Exception {
        Loaded loaded = Breachpath.load(List.of(plan.toString()));
        List<Policy> policies = PolicyLoader.builtin();
        Scanner.Result after = Breachpath.scan(loaded.graph(Stage.AFTER), Classification.defaults(), policies, 60_000);
        Scanner.Result before = Breachpath.scan(loaded.graph(Stage.BEFORE), Classification.defaults(), policies, 60_000);
        Set<String> beforeIds = new HashSet<>();
        before.findings().forEach(f -> beforeIds.add(f.id()));
        Set<String> fresh = new HashSet<>();
        after.findings().stream().filter(f -> !beforeIds.contains(f.id())).forEach(f -> fresh.add(f.id()));
        Set<String> afterIds = new HashSet<>();
        after.findings().forEach(f -> afterIds.add(f.id()));
        List<Finding> removed = before.findings().stream().filter(f -> !afterIds.contains(f.id())).toList();
        Waivers waivers = Waivers.none();
        if (waiveFirst && !after.findings().isEmpty()) {
            Path file = dir.resolve("waivers-" + plan.getParent().getFileName() + ".yaml");
            Files.writeString(file, "waivers:\n  - id: " + after.findings().get(0).id()
                    + "\n    reason: \"accepted <for> the test & its \\\"quotes\\\"\"\n    owner: security\n    expires: 2099-12-31\n"
                    + "  - policy: public-bucket\n    resource: aws_s3_bucket.nothing-like-this*\n    reason: r\n    owner: o\n    expires: 2099-01-01\n");
            waivers = Waivers.read(file);
        }
        Waivers.Applied applied = waivers.apply(after.findings(), LocalDate.of(2026, 12, 1));
        return new ScanReport("test", loaded.reports(), policies, applied.findings(), applied.waived(), 0, fresh, removed,
                after.errors(), applied.notes());
    }

    private static void check(Path scenario, Path dir) throws Exception {
        ScanReport report = report(scenario.resolve("plan.json"), dir, true);
        List<Finding> all = new ArrayList<>(report.findings());
        report.waived().forEach(w -> all.add(w.finding()));
        List<String> outputs = new ArrayList<>();

        String sarif = SarifWriter.write(report);
        outputs.add(sarif);
        JsonNode s = JSON.readTree(sarif);
        assertThat(sarif().validate(s)).as("SARIF schema errors").isEmpty();
        JsonNode run = s.get("runs").get(0);
        assertThat(run.path("invocations").get(0).path("executionSuccessful").asBoolean()).isTrue();
        Set<String> fingerprints = new HashSet<>();
        run.path("results").forEach(r -> fingerprints.add(r.path("partialFingerprints").path("breachpathFindingId/v1").asText()));
        all.forEach(f -> assertThat(fingerprints).contains(f.id()));
        assertThat(run.path("results").size()).isEqualTo(all.size());
        run.path("results").forEach(r -> assertThat(r.path("locations").get(0).path("physicalLocation").path("region")
                .path("startLine").asInt()).as("a result points at a line of the plan").isPositive());
        if (!report.waived().isEmpty()) {
            assertThat(sarif).contains("\"suppressions\"").contains("accepted <for> the test");
        }

        String markdown = MarkdownWriter.write(report);
        outputs.add(markdown);
        for (Finding f : report.findings()) {
            assertThat(markdown).contains("`" + f.id() + "`");
            if (f.path().size() > 1) {
                assertThat(markdown).contains("```mermaid\n" + PathDrawing.mermaid(f));
            }
        }

        String html = HtmlWriter.write(report);
        outputs.add(html);
        assertThat(html).doesNotContain("src=").doesNotContain("href=\"http").doesNotContain("@import").doesNotContain("url(http");
        for (Finding f : report.findings()) {
            assertThat(html).contains("id=\"f" + f.id() + "\"");
        }
        assertThat(count(html, "<svg class=\"path\"")).isEqualTo(report.findings().stream()
                .filter(f -> f.path().size() > 1 || f.exposure() != null).count());
        assertThat(html).doesNotContain("<for>").contains("&lt;for&gt;".repeat(report.waived().isEmpty() ? 0 : 1));

        String junit = JUnitWriter.write(report);
        outputs.add(junit);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(junit.getBytes(StandardCharsets.UTF_8)));
        assertThat(Integer.parseInt(xml.getDocumentElement().getAttribute("failures"))).isEqualTo(report.findings().size());
        assertThat(Integer.parseInt(xml.getDocumentElement().getAttribute("skipped"))).isEqualTo(report.waived().size());

        outputs.add(PathDrawing.dot(all));
        outputs.add(PathDrawing.mermaid(all));
        outputs.add(ScanWriter.text(report));
        outputs.add(ScanWriter.json(report));

        JsonNode expect = new YAMLMapper().readTree(scenario.resolve("expect.yaml").toFile());
        for (JsonNode never : expect.path("never")) {
            for (String output : outputs) {
                assertThat(output).doesNotContain(never.asText());
            }
        }
    }

    private static long count(String text, String part) {
        long n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
