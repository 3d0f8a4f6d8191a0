package dev.breachpath.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breachpath.Breachpath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What cannot be read is refused in one line that names the file and the place, never quotes the
 * input, and leaves the other inputs read.
 */
class InputRefusalTest {
    /** Planted in every bad input: it must never appear in a message. */
    private static final String CANARY = "AKIAIOSFODNN7CANARY1";
    private static final String MINIMAL = "{\"format_version\":\"1.2\",\"planned_values\":{\"root_module\":{}},"
            + "\"resource_changes\":[{\"address\":\"aws_vpc.main\",\"mode\":\"managed\",\"type\":\"aws_vpc\",\"name\":\"main\","
            + "\"change\":{\"actions\":[\"create\"],\"before\":null,\"after\":{\"cidr_block\":\"10.0.0.0/16\"},\"after_unknown\":{\"id\":true}}}]}";

    @TempDir
    Path dir;

    private String refusal(String content) throws IOException {
        return refusal(content.getBytes(StandardCharsets.UTF_8));
    }

    private String refusal(byte[] content) throws IOException {
        Path file = dir.resolve("input.json");
        Files.write(file, content);
        InputReport report = Breachpath.load(List.of(file.toString())).reports().get(0);
        assertThat(report.isRefused()).as("refused").isTrue();
        assertThat(report.error()).doesNotContain("\n").doesNotContain(CANARY).doesNotContain("Exception");
        return report.error();
    }

    @Test
    void invalidJsonAtLineAndColumn() throws IOException {
        assertThat(refusal("{\n  \"format_version\": \"1.2\",\n  \"x\": " + CANARY + "\n}"))
                .isEqualTo("line 3, column 8: invalid JSON: unexpected character");
    }

    @Test
    void truncatedJson() throws IOException {
        assertThat(refusal("{\"format_version\": \"1.2\", \"x\": \"" + CANARY)).contains("ends too early");
    }

    @Test
    void contentAfterTheDocument() throws IOException {
        assertThat(refusal(MINIMAL + " {\"" + CANARY + "\": 1}")).contains("more content after the end");
        assertThat(refusal(MINIMAL + "}")).contains("closes nothing");
    }

    @Test
    void duplicateKeys() throws IOException {
        assertThat(refusal("{\"format_version\": \"1.2\", \"" + CANARY + "\": 1, \"" + CANARY + "\": 2}"))
                .contains("the same key twice");
    }

    @Test
    void tooDeep() throws IOException {
        assertThat(refusal("[".repeat(5000) + "]".repeat(5000))).contains("nested deeper than");
    }

    @Test
    void wrapperTextBeforeTheJson() throws IOException {
        assertThat(refusal("[command]/tmp/terraform-bin show -json plan.tfplan " + CANARY + "\n" + MINIMAL))
                .startsWith("line 1: text before the JSON document (1 line)").contains("terraform_wrapper: false");
    }

    @Test
    void binaryPlanFile() throws IOException {
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0};
        assertThat(refusal(zip)).contains("binary Terraform plan").contains("terraform show -json");
    }

    @Test
    void emptyFile() throws IOException {
        assertThat(refusal("  \n")).isEqualTo("empty file, expected a JSON document");
    }

    @Test
    void stateInsteadOfPlan() throws IOException {
        assertThat(refusal("{\"format_version\":\"1.0\",\"terraform_version\":\"1.5.0\",\"values\":{\"root_module\":{}}}"))
                .contains("state").contains("not a plan");
        assertThat(refusal("{\"version\":4,\"terraform_version\":\"1.5.0\",\"serial\":3,\"lineage\":\"x\",\"resources\":[]}"))
                .contains("state file");
    }

    @Test
    void redactedPlan() throws IOException {
        assertThat(refusal("{\"plan_format_version\":\"1.2\",\"resource_changes\":[],\"provider_format_version\":\"1.0\"}"))
                .contains("HCP Terraform redacted plan");
    }

    @Test
    void unsupportedMajorVersion() throws IOException {
        assertThat(refusal("{\"format_version\":\"2.0\",\"planned_values\":{}}")).contains("format_version 2.0");
        assertThat(refusal("{\"format_version\":\"" + CANARY + "\",\"planned_values\":{}}")).contains("(unreadable)");
    }

    @Test
    void notAPlan() throws IOException {
        assertThat(refusal("[1, 2, 3]")).contains("not an input breachpath reads");
        assertThat(refusal("{\"Reservation\": []}")).contains("not an input breachpath reads");
    }

    @Test
    void sectionsOfTheWrongShape() throws IOException {
        assertThat(refusal("{\"format_version\":\"1.2\",\"resource_changes\":{\"" + CANARY + "\":1}}"))
                .isEqualTo("resource_changes: expected a list");
    }

    @Test
    void missingFileAndDirectory() {
        Loaded loaded = Breachpath.load(List.of(dir.resolve("nope.json").toString(), dir.toString()));
        assertThat(loaded.reports()).extracting(InputReport::error)
                .containsExactlyInAnyOrder("no such file", "a directory with no files to read");
    }

    @Test
    void theOtherInputsAreStillRead() throws IOException {
        Path good = Files.writeString(dir.resolve("good.json"), MINIMAL);
        Path bad = Files.writeString(dir.resolve("bad.json"), "{");
        Loaded loaded = Breachpath.load(List.of(bad.toString(), good.toString()));
        assertThat(loaded.anyRefused()).isTrue();
        assertThat(loaded.reports()).hasSize(2);
        InputReport read = loaded.reports().stream().filter(r -> !r.isRefused()).findFirst().orElseThrow();
        assertThat(read.modelled()).isEqualTo(1);
    }

    @Test
    void readsUtf8WithByteOrderMarkUtf16AndGzip() throws IOException {
        byte[] bom = ("\uFEFF" + MINIMAL).getBytes(StandardCharsets.UTF_8);
        byte[] utf16 = ("\uFEFF" + MINIMAL).getBytes(StandardCharsets.UTF_16LE);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(MINIMAL.getBytes(StandardCharsets.UTF_8));
        }
        for (byte[] content : List.of(bom, utf16, gz.toByteArray())) {
            Path file = Files.write(dir.resolve("plan.json"), content);
            InputReport report = Breachpath.load(List.of(file.toString())).reports().get(0);
            assertThat(report.error()).isNull();
            assertThat(report.modelled()).isEqualTo(1);
        }
    }
}
