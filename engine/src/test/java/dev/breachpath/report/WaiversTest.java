package dev.breachpath.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import dev.breachpath.TestPaths;
import dev.breachpath.policy.PolicyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WaiversTest {
    private static ScanReport imperva(Path dir) throws Exception {
        return ReportFormatsTest.report(TestPaths.fixtures().resolve("terraform/imperva/plan.json"), dir, false);
    }

    @Test
    void aWaiverCoversByIdOrByPolicyAndResourceUntilTheEndOfItsDay(@TempDir Path dir) throws Exception {
        ScanReport r = imperva(dir);
        String critical = r.findings().stream().filter(f -> f.policy().id().equals("exposed-credential-reaches-data")).findFirst()
                .orElseThrow().id();
        Path file = dir.resolve("w.yaml");
        Files.writeString(file, """
                waivers:
                  - id: %s
                    reason: migration ends soon
                    owner: platform
                    expires: 2026-12-01
                  - policy: admin-port-open-to-world
                    resource: aws_security_group.*
                    reason: bastion
                    owner: security
                    expires: 2026-11-30
                  - policy: public-bucket
                    resource: nothing*
                    reason: old
                    owner: someone
                    expires: 2030-01-01
                """.formatted(critical));
        Waivers w = Waivers.read(file);
        Waivers.Applied applied = w.apply(r.findings(), LocalDate.of(2026, 12, 1));
        assertThat(applied.waived()).extracting(x -> x.finding().id()).containsExactly(critical);
        assertThat(applied.findings()).extracting(f -> f.policy().id()).containsExactly("embedded-credential", "admin-port-open-to-world");
        assertThat(applied.notes()).containsExactly(
                file + ":6: waiver of admin-port-open-to-world on aws_security_group.* (owner security, until 2026-11-30) expired;"
                        + " it waives nothing and its findings are reported",
                file + ":11: waiver of public-bucket on nothing* (owner someone, until 2030-01-01) matches no finding");
        Waivers.Applied dayAfter = w.apply(r.findings(), LocalDate.of(2026, 12, 2));
        assertThat(dayAfter.waived()).isEmpty();
        assertThat(dayAfter.findings()).hasSize(3);
    }

    @Test
    void aBadWaiverFileIsOneLineWithItsPlaceAndNoContent(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("w.yaml");
        Files.writeString(file, "waivers:\n  - id: 00000000000000ab\n    reason: AKIAIOSFODNN7EXAMPLE\n    owner: me\n");
        assertThatThrownBy(() -> Waivers.read(file)).isInstanceOf(PolicyException.class)
                .hasMessage(file + ":2: waiver 1: expires is required");
        Files.writeString(file, "waivers:\n  - id: 00000000000000ab\n    policy: x\n    resource: y\n    reason: r\n    owner: o\n    expires: 2027-01-01\n");
        assertThatThrownBy(() -> Waivers.read(file)).hasMessage(file + ":2: waiver 1: name the finding by id, or by policy and resource (not both)");
        Files.writeString(file, "waivers:\n  - id: 00000000000000ab\n    reason: r\n    owner: o\n    expires: soon\n    color: red\n");
        assertThatThrownBy(() -> Waivers.read(file)).hasMessageContaining("unknown key color");
        Files.writeString(file, "waivers:\n  - id: 00000000000000ab\n    reason: r\n    owner: o\n    expires: next week\n");
        assertThatThrownBy(() -> Waivers.read(file)).hasMessage(file + ":2: waiver 1: expires: expected a date, YYYY-MM-DD");
        Files.writeString(file, "waivers:\n  - id: abc\n    reason: r\n    owner: o\n    expires: 2027-01-01\n");
        assertThatThrownBy(() -> Waivers.read(file)).hasMessage(file
                + ":2: waiver 1: id: expected a finding id, 16 hexadecimal digits (as reports print it)");
        Files.writeString(file, "waivers: [ {id: AKIAIOSFODNN7EXAMPLE\n");
        assertThatThrownBy(() -> Waivers.read(file)).hasMessageStartingWith(file + ":").hasMessageNotContaining("AKIA");
        Files.writeString(file, "- just a list\n");
        assertThatThrownBy(() -> Waivers.read(file)).hasMessage(file + ": expected a mapping with a list under waivers:");
    }

    @Test
    void anIdOfDigitsAndAnEIsReadAsWrittenNotAsANumber(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("w.yaml");
        Files.writeString(file, "waivers:\n  - id: 1234567890e12345\n    reason: r\n    owner: o\n    expires: 2027-01-01\n"
                + "  - id: 0000000000001234\n    reason: r\n    owner: o\n    expires: 2027-01-01\n");
        assertThat(Waivers.read(file).waivers()).extracting(Waivers.Waiver::id).containsExactly("1234567890e12345", "0000000000001234");
    }

    @Test
    void theSchemaCheckCatchesABrokenSarifFile(@TempDir Path dir) throws Exception {
        String sarif = SarifWriter.write(imperva(dir));
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(sarif);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("runs").get(0).get("results").get(0)).remove("message");
        tree.put("version", "2.0");
        List<Error> errors = ReportFormatsTest.sarif().validate(tree);
        assertThat(errors).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void anIncompleteRunIsMarkedUnsuccessful(@TempDir Path dir) throws Exception {
        ScanReport r = imperva(dir);
        ScanReport failed = new ScanReport("t", r.inputs(), r.policies(), r.findings(), List.of(), 0, null, List.of(),
                List.of("policies/x/policy.yaml: policy x failed: the query timed out"), List.of());
        var run = new ObjectMapper().readTree(SarifWriter.write(failed)).get("runs").get(0);
        assertThat(run.path("invocations").get(0).path("executionSuccessful").asBoolean()).isFalse();
        assertThat(run.path("invocations").get(0).path("toolExecutionNotifications").get(0).path("message").path("text").asText())
                .contains("timed out");
        assertThat(MarkdownWriter.write(failed)).contains("The scan is incomplete");
    }
}
