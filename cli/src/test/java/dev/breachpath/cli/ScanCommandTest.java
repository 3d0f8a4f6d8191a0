package dev.breachpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** breachpath scan and breachpath policy test, run in-process on the fixtures as a user would. */
class ScanCommandTest {
    private static final Path ROOT = Path.of(System.getProperty("breachpath.root", "..")).toAbsolutePath().normalize();
    private static final String IMPERVA = ROOT.resolve("fixtures/terraform/imperva/plan.json").toString();
    private static final String LITERAL = ROOT.resolve("fixtures/terraform/imperva-literal/plan.json").toString();
    private static final String NEAR = ROOT.resolve("fixtures/terraform/near-misses/plan.json").toString();

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Main.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void drawsTheImpervaChainHopByHop() {
        assertThat(run("scan", IMPERVA)).as("a critical finding fails the default --fail-on high").isEqualTo(1);
        assertThat(out.toString())
                .contains("CRITICAL (1)")
                .contains("aws_instance.migration ─[user_data embeds the key of aws_iam_access_key.migration]→")
                .contains("aws_iam_access_key.migration ─[key of]→")
                .contains("aws_iam_user.migration ─[rds:CopyDBSnapshot, rds:ModifyDBSnapshotAttribute — "
                        + "aws_iam_user_policy.migration_snapshots, Sid Snapshots]→")
                .contains("aws_db_snapshot.migration_test")
                .doesNotContain("CanaryDbPassw0rd-DoNotLeak");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aChangeAppliedToTheDeployedAccountReportsThePathItOpens() {
        String inventory = ROOT.resolve("fixtures/inventory/opens-a-path/snapshot").toString();
        String plan = ROOT.resolve("fixtures/inventory/opens-a-path/plan.json").toString();
        assertThat(run("scan", plan)).as("the plan alone shows nothing").isZero();
        assertThat(out.toString()).contains("no findings");
        assertThat(run("scan", "--new-only", "--inventory", inventory, plan)).isEqualTo(1);
        assertThat(out.toString()).contains("1 finding (1 new in this plan, 0 removed)")
                .contains("exposed-role-reaches-data").contains("NEW in this plan")
                .contains("i-0c1b2c3d4e5f60724 ─[instance profile arn:aws:iam::123456789012:instance-profile/web, IMDSv2 only]→");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void agesAreMeasuredAgainstNowAndThresholdsAreParameters() {
        String imperva = ROOT.resolve("fixtures/inventory/imperva/snapshot").toString();
        assertThat(run("scan", imperva, "--now", "2019-10-01", "--fail-on", "none")).isZero();
        assertThat(out.toString()).contains("AKIA…VAQZ of migration-svc was created on 2017-08-10, more than 90 days ago")
                .doesNotContain("AKIA2JQ7ZK4IMPERVAQZ").doesNotContain("CanaryDbPassw0rd");
        assertThat(err.toString()).as("what the snapshot lacks").isEqualTo("breachpath: " + imperva
                + "/manifest.json: the snapshot lacks s3:ListBuckets in global: the call ended denied (AccessDenied)\n");
        assertThat(run("scan", imperva, "--now", "2017-09-01", "--fail-on", "none")).isZero();
        assertThat(out.toString()).doesNotContain("access-key-too-old").doesNotContain("stale-manual-snapshot");
        assertThat(run("scan", imperva, "--now", "2019-10-01", "--param", "access-key-too-old.max_age_days=1000", "--fail-on", "none"))
                .isZero();
        assertThat(out.toString()).doesNotContain("access-key-too-old").contains("stale-manual-snapshot");
    }

    @Test
    void aBadTimeOrParameterStopsTheRunWithOneLine() {
        String imperva = ROOT.resolve("fixtures/inventory/imperva/snapshot").toString();
        assertThat(run("scan", imperva, "--now", "last tuesday")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("breachpath: --now: expected a date (YYYY-MM-DD) or an ISO 8601 date and time\n");
        assertThat(run("scan", imperva, "--param", "access-key-too-old.max_days=3")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("breachpath: --param access-key-too-old.max_days: no policy has that parameter\n");
        assertThat(run("scan", imperva, "--param", "access-key-too-old.max_age_days=ninety")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("breachpath: --param access-key-too-old.max_age_days: expected a whole number\n");
        assertThat(run("scan", imperva, "--param", "access-key-too-old.max_age_days=-1")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("breachpath: --param access-key-too-old.max_age_days: expected a whole number, 0 or more\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void exitCodeFollowsFailOn() {
        assertThat(run("scan", NEAR)).as("near misses have high hygiene findings").isEqualTo(1);
        assertThat(run("scan", NEAR, "--fail-on", "critical")).as("but no attack path").isZero();
        assertThat(run("scan", IMPERVA, "--fail-on", "none")).isZero();
        assertThat(run("scan", IMPERVA, "--fail-on", "severe")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("breachpath: --fail-on: expected critical, high, medium, low, info or none\n");
    }

    @Test
    void jsonHasTheFieldsToolsRelyOn() throws Exception {
        assertThat(run("scan", LITERAL, "--format", "json")).isEqualTo(1);
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.path("tool").path("name").asText()).isEqualTo("breachpath");
        assertThat(root.path("inputs").get(0).path("modelled").asInt()).isEqualTo(14);
        assertThat(root.path("errors")).isEmpty();
        JsonNode path = null;
        for (JsonNode f : root.path("findings")) {
            assertThat(f.path("id").asText()).matches("[0-9a-f]{16}");
            assertThat(f.path("severity").asText()).isIn("critical", "high", "medium", "low", "info");
            assertThat(f.path("certainty").asText()).isIn("definite", "possible");
            assertThat(f.path("message").asText()).isNotBlank();
            if (f.path("policy").asText().equals("exposed-credential-reaches-data")) {
                path = f.path("path");
            }
        }
        assertThat(path).isNotNull();
        assertThat(path.get(0).path("id").asText()).isEqualTo("aws_instance.bastion");
        assertThat(path.get(0).path("type").asText()).isEqualTo("Ec2Instance");
        assertThat(path.get(0).path("relation").asText()).isEqualTo("holdsCredential");
        assertThat(path.get(1).path("id").asText()).isEqualTo("aws_iam_access_key.etl");
        assertThat(path.get(2).path("relation").asText()).isEqualTo("canAccess");
        assertThat(path.get(3).path("id").asText()).isEqualTo("aws_db_snapshot.orders_nightly");
        assertThat(path.get(3).path("relation").isNull()).isTrue();
        assertThat(out.toString()).contains("AKIA…YONE").doesNotContain("AKIA2JQ7ZK4ETLKEYONE")
                .doesNotContain("CanaryEtlSecret").doesNotContain("CanaryNoOwnerSecret").doesNotContain("AKIA2JQ7ZK4NOOWNERZ2");
    }

    @Test
    void sameInputsInAnyOrderGiveTheSameBytes() {
        run("scan", IMPERVA, LITERAL, "--format", "json");
        String one = out.toString();
        run("scan", LITERAL, IMPERVA, "--format", "json");
        assertThat(out.toString()).isEqualTo(one);
        run("scan", LITERAL, IMPERVA);
        String text = out.toString();
        run("scan", IMPERVA, LITERAL);
        assertThat(out.toString()).isEqualTo(text);
    }

    @Test
    void writesToOutputFile(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("reports/scan.json");
        assertThat(run("scan", IMPERVA, "--format", "json", "--output", report.toString())).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(Files.readString(report)).contains("\"policy\" : \"exposed-credential-reaches-data\"");
    }

    @Test
    void aBadPolicyStopsTheRunWithOneLine(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("mine/policy.yaml");
        Files.createDirectories(policy.getParent());
        Files.writeString(policy, "id: mine\ntitle: Mine\nseverity: high\nquerry: SELECT ?resource WHERE {}\n");
        assertThat(run("scan", IMPERVA, "--policies", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("breachpath: " + policy + ":4: unknown key querry (expected description, id, "
                + "parameters, path, query, references, remediation, severity, title)\n");
        assertThat(out.toString()).isEmpty();

        Files.writeString(policy, "id: mine\ntitle: Mine\nseverity: high\nquery: |\n  SELECT ?resource WHERE { ?resource a }\n");
        assertThat(run("scan", IMPERVA, "--policies", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("breachpath: " + policy + ":4: query: ").hasLineCount(1);
    }

    @Test
    void userPoliciesRunBesideTheBuiltInOnes(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("no-owner/policy.yaml");
        Files.createDirectories(policy.getParent());
        Files.writeString(policy, """
                id: no-owner
                title: Instance without an Owner tag
                severity: low
                query: |
                  SELECT ?resource WHERE { ?resource a bp:Ec2Instance . FILTER NOT EXISTS { ?resource tag:Owner ?n } }
                """);
        assertThat(run("scan", LITERAL, "--policies", dir.toString(), "--no-builtin-policies", "--format", "json")).isZero();
        assertThat(out.toString()).contains("\"policy\" : \"no-owner\"").doesNotContain("exposed-credential");
    }

    @Test
    void policyTestRunsTheBuiltInPack() {
        assertThat(run("policy", "test", ROOT.resolve("policies").toString())).isZero();
        assertThat(out.toString()).contains("ok    exposed-credential-reaches-data").endsWith(" passed, 0 failed\n");
    }

    @Test
    void policyTestReportsWhatIsMissingAndUnexpected(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("embedded/policy.yaml");
        Files.createDirectories(policy.resolveSibling("tests"));
        Files.writeString(policy, """
                id: embedded
                title: Embedded key
                severity: high
                query: |
                  SELECT ?resource WHERE { ?resource bp:embeds ?c }
                """);
        Files.writeString(policy.resolveSibling("tests/one.yaml"), "inputs: [" + LITERAL + "]\nfindings: [aws_instance.bastion, aws_instance.nowhere]\n");
        assertThat(run("policy", "test", dir.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("FAIL  embedded").contains("missing:    aws_instance.nowhere")
                .contains("unexpected: aws_instance.reports").endsWith("0 passed, 1 failed\n");
    }

    @Test
    void aClassificationDecidesWhatIsSensitive(@TempDir Path dir) throws Exception {
        Path kinds = ROOT.resolve("fixtures/terraform/kinds/plan.json");
        assertThat(run("scan", kinds.toString(), "--format", "json")).isEqualTo(1);
        assertThat(out.toString()).doesNotContain("\"policy\" : \"public-bucket\"");
        Path everything = ROOT.resolve("fixtures/classification/everything-sensitive.yaml");
        assertThat(run("scan", kinds.toString(), "--format", "json", "--classification", everything.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("\"policy\" : \"public-bucket\"");

        Path bad = dir.resolve("classes.yaml");
        Files.writeString(bad, "tag-keys: [data-classification]\nsensitive-by-default: [S3Bucket, Mainframe]\n");
        assertThat(run("scan", kinds.toString(), "--classification", bad.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("breachpath: " + bad + ":2: sensitive-by-default: unknown data store kind Mainframe")
                .hasLineCount(1);
    }

    @Test
    void queriesSeeTheDerivedRelationsAndTheirWitnesses() {
        assertThat(run("query", IMPERVA, "--format", "csv", "--sparql",
                "SELECT ?from ?summary WHERE { ?w bp:relation bp:canAccess ; bp:from ?f ; bp:summary ?summary . ?f bp:address ?from }"))
                .isZero();
        assertThat(out.toString()).isEqualTo("from,summary\r\naws_iam_user.migration,\"rds:CopyDBSnapshot, rds:ModifyDBSnapshotAttribute"
                + " — aws_iam_user_policy.migration_snapshots, Sid Snapshots\"\r\n");
    }
}
