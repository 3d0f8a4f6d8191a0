package dev.breachpath.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breachpath.load.InputReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text from inputs (resource names, evidence, waiver reasons) in every format stays text. */
class EscapingTest {
    @Test
    void cuttingNeverSplitsACharacter() {
        String text = "x".repeat(76) + "🔥🔥🔥🔥🔥🔥🔥🔥";
        String cut = PathDrawing.cut(text, 80);
        assertThat(cut).endsWith("…");
        assertThat(new String(cut.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).as("survives UTF-8").isEqualTo(cut);
        assertThat(cut).isEqualTo("x".repeat(76) + "🔥🔥🔥…");
        assertThat(PathDrawing.cut("short  text\n", 80)).isEqualTo("short text");
    }

    @Test
    void markdownKeepsLinksEmphasisAndBlankLinesOut() {
        assertThat(MarkdownWriter.escape("\\[x\\](https://evil)")).isEqualTo("\\\\\\[x\\\\\\](https://evil)");
        assertThat(MarkdownWriter.escape("a *b* _c_ `d` | e")).isEqualTo("a \\*b\\* \\_c\\_ \\`d\\` \\| e");
        assertThat(MarkdownWriter.html("one\n\ntwo <b>")).isEqualTo("one two &lt;b&gt;");
    }

    @Test
    void mermaidLabelsCannotCloseTheirQuotesOrDecodeEntities() {
        assertThat(PathDrawing.mermaidLabel("a\"]-->x#lt;|`")).isEqualTo("a#quot;]--#gt;x#35;lt;#124;#96;");
    }

    @Test
    void junitDropsWhatXmlCannotHold() {
        assertThat(JUnitWriter.xml("a\u0001b\uFFFEc\uD83D\uDD25d\uD83De<&\"'>")).isEqualTo("abc\uD83D\uDD25de&lt;&amp;&quot;&apos;&gt;");
    }

    @Test
    void resourcesWithQuotedKeysAreFoundOnAOneLinePlan(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, "{\"resource_changes\":[{\"address\":\"aws_s3_bucket.b[\\\"logs\\\"]\",\"type\":\"aws_s3_bucket\"},"
                + "{\"address\":\"aws_s3_bucket.c\"}]}");
        InputReport read = new InputReport.Builder(plan.toString(), "terraform-plan", "1.2").build();
        Locations locations = new Locations(List.of(read));
        assertThat(locations.of("aws_s3_bucket.b[\"logs\"]")).hasValueSatisfying(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.column()).isEqualTo(23);
        });
        assertThat(locations.of("aws_s3_bucket.c").get().column()).isGreaterThan(60);
    }
}
