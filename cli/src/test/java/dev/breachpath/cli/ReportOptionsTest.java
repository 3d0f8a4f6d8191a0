package dev.breachpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Baselines, waivers, comparison with the state before the plan, and the report formats, from the command line. */
class ReportOptionsTest {
    private static final Path ROOT = Path.of(System.getProperty("breachpath.root", "..")).toAbsolutePath().normalize();
    private static final String IMPERVA = ROOT.resolve("fixtures/terraform/imperva/plan.json").toString();
    private static final String ROLE_CHAIN = ROOT.resolve("fixtures/terraform/role-chain/plan.json").toString();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Main.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void aBaselineRoundTripReportsOnlyWhatIsNew(@TempDir Path dir) throws IOException {
        Path baseline = dir.resolve("baseline.json");
        assertThat(run("scan", IMPERVA, "--write-baseline", baseline.toString())).isEqualTo(1);
        assertThat(JSON.readTree(baseline.toFile()).path("findings")).hasSize(3);
        assertThat(run("scan", IMPERVA, "--baseline", baseline.toString())).as("nothing new: exit 0").isZero();
        assertThat(out.toString()).startsWith("breachpath: 1 input, 13 resources: no findings, 3 in the baseline");
        assertThat(run("scan", IMPERVA, ROLE_CHAIN, "--baseline", baseline.toString(), "--format", "json")).isEqualTo(1);
        JsonNode report = JSON.readTree(out.toString());
        assertThat(report.path("baselined").asInt()).isEqualTo(3);
        assertThat(report.path("findings")).hasSize(2);
        report.path("findings").forEach(f -> assertThat(f.path("path").get(0).path("id").asText()).isEqualTo("aws_lambda_function.api"));
        assertThat(run("scan", IMPERVA, ROLE_CHAIN, "--baseline", baseline.toString(), "--write-baseline", baseline.toString()))
                .as("the same file read, then rewritten").isEqualTo(1);
        assertThat(JSON.readTree(baseline.toFile()).path("findings")).hasSize(5);
        assertThat(run("scan", IMPERVA, ROLE_CHAIN, "--baseline", baseline.toString())).isZero();
    }

    @Test
    void waivedFindingsAreListedAndDoNotFailTheRun(@TempDir Path dir) throws IOException {
        assertThat(run("scan", IMPERVA, "--format", "json")).isEqualTo(1);
        JsonNode findings = JSON.readTree(out.toString()).path("findings");
        StringBuilder yaml = new StringBuilder("waivers:\n");
        for (JsonNode f : findings) {
            yaml.append("  - id: ").append(f.path("id").asText()).append("\n    reason: accepted for the test\n    owner: security\n")
                    .append("    expires: 2027-01-31\n");
        }
        Path waivers = dir.resolve("waivers.yaml");
        Files.writeString(waivers, yaml);
        assertThat(run("scan", IMPERVA, "--waivers", waivers.toString(), "--today", "2026-12-01")).isZero();
        assertThat(out.toString()).contains("no findings, 3 waived").contains("WAIVED (3)").contains("waived until 2027-01-31 by security");
        assertThat(run("scan", IMPERVA, "--waivers", waivers.toString(), "--today", "2027-02-01")).as("expired: they fail again").isEqualTo(1);
        assertThat(out.toString()).contains("3 findings").contains("expired; it waives nothing and its findings are reported");
        assertThat(run("scan", IMPERVA, "--waivers", waivers.toString(), "--today", "2026-12-01", "--format", "sarif")).isZero();
        assertThat(JSON.readTree(out.toString()).path("runs").get(0).path("results").get(0).path("suppressions").get(0)
                .path("status").asText()).isEqualTo("accepted");
        Files.writeString(waivers, "waivers:\n  - id: x\n    owner: o\n    expires: 2027-01-01\n");
        assertThat(run("scan", IMPERVA, "--waivers", waivers.toString())).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("breachpath: " + waivers + ":2: waiver 1: reason is required");
    }

    @Test
    void newOnlyReportsThePathsThePlanOpens() throws IOException {
        assertThat(run("scan", ROLE_CHAIN, "--new-only", "--format", "json")).isEqualTo(1);
        JsonNode report = JSON.readTree(out.toString());
        assertThat(report.path("findings")).hasSize(2);
        report.path("findings").forEach(f -> assertThat(f.path("new").asBoolean()).isTrue());
        assertThat(run("scan", ROLE_CHAIN, "--diff", "--stage", "before")).isEqualTo(2);
        assertThat(err.toString()).contains("drop --stage");
    }

    @Test
    void aWaiverOfWhatWasThereBeforeStillMatchesUnderNewOnly(@TempDir Path dir) throws IOException {
        String kinds = ROOT.resolve("fixtures/terraform/kinds/plan.json").toString();
        assertThat(run("scan", kinds, "--format", "json", "--fail-on", "none")).isZero();
        String publicDb = null;
        for (JsonNode f : JSON.readTree(out.toString()).path("findings")) {
            if (f.path("policy").asText().equals("public-database")) {
                publicDb = f.path("id").asText();
            }
        }
        Path waivers = dir.resolve("waivers.yaml");
        Files.writeString(waivers, "waivers:\n  - id: " + publicDb + "\n    reason: r\n    owner: o\n    expires: 2027-01-01\n");
        assertThat(run("scan", kinds, "--new-only", "--waivers", waivers.toString(), "--today", "2026-12-01")).isZero();
        assertThat(out.toString()).startsWith("breachpath: 1 input, 62 resources: no findings (0 new in this plan, 0 removed)")
                .doesNotContain("matches no finding").contains("7 findings exist before the plan too");
    }

    @Test
    void aWaivedFindingStaysOutOfABaselineSoItReturnsWhenTheWaiverExpires(@TempDir Path dir) throws IOException {
        assertThat(run("scan", IMPERVA, "--format", "json")).isEqualTo(1);
        String critical = JSON.readTree(out.toString()).path("findings").get(0).path("id").asText();
        Path waivers = dir.resolve("waivers.yaml");
        Files.writeString(waivers, "waivers:\n  - id: " + critical + "\n    reason: r\n    owner: o\n    expires: 2027-01-01\n");
        Path baseline = dir.resolve("baseline.json");
        run("scan", IMPERVA, "--waivers", waivers.toString(), "--today", "2026-12-01", "--write-baseline", baseline.toString());
        assertThat(JSON.readTree(baseline.toFile()).path("findings")).hasSize(2);
        assertThat(run("scan", IMPERVA, "--waivers", waivers.toString(), "--today", "2027-06-01", "--baseline", baseline.toString()))
                .as("the waiver expired: the finding fails the run").isEqualTo(1);
        assertThat(out.toString()).contains("1 finding, 2 in the baseline");
    }

    @Test
    void everyFormatWritesToAFile(@TempDir Path dir) throws IOException {
        for (String format : new String[] {"sarif", "markdown", "html", "junit", "json", "text"}) {
            Path file = dir.resolve("report." + format);
            assertThat(run("scan", IMPERVA, "--format", format, "--output", file.toString(), "--fail-on", "none")).isZero();
            assertThat(Files.readString(file)).contains("c2a5c22765c061d1");
            assertThat(out.toString()).isEmpty();
        }
        assertThat(Files.readString(dir.resolve("report.markdown"))).contains("```mermaid");
        assertThat(Files.readString(dir.resolve("report.junit"))).startsWith("<?xml").contains("<testsuites name=\"breachpath\" tests=");
    }

    @Test
    void theGraphCommandDrawsPathsAndNeighbourhoods() {
        assertThat(run("graph", IMPERVA, "--format", "mermaid")).isZero();
        assertThat(out.toString()).startsWith("flowchart LR\n").contains("n0((\"internet\"))").contains("aws_db_snapshot.migration_test");
        assertThat(run("graph", IMPERVA, "--format", "dot", "--around", "aws_iam_user.migration", "--depth", "1")).isZero();
        assertThat(out.toString()).startsWith("digraph breachpath {").contains("[label=\"canAccess\"]").doesNotContain("aws_vpc.main");
        assertThat(run("graph", IMPERVA, "--format", "dot", "--around", "aws_nothing.here")).isEqualTo(2);
        assertThat(run("graph", IMPERVA, "--around", "aws_iam_user.migration")).isEqualTo(2);
    }
}
