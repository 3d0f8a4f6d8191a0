package dev.breachpath.collect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress line, and the manifest of a run that was cut short. */
class ProgressAndSnapshotTest {
    @TempDir
    Path tmp;

    @Test
    void progressIsOneLineRewrittenInPlaceAndClearedAtTheEnd() {
        StringWriter err = new StringWriter();
        Progress p = new Progress(new PrintWriter(err), true);
        p.done(Op.INSTANCES, "us-east-1", 1234, true);
        assertThat(err.toString()).isEqualTo("\rcollect: 1 call, 1,234 items · us-east-1 ec2:DescribeInstances");
        int width = err.toString().length() - 1;
        p.finish();
        assertThat(err.toString()).endsWith("ec2:DescribeInstances\r" + " ".repeat(width) + "\r");
        StringWriter off = new StringWriter();
        Progress quiet = new Progress(new PrintWriter(off), false);
        quiet.done(Op.INSTANCES, "us-east-1", 1, false);
        quiet.finish();
        assertThat(off.toString()).isEmpty();
    }

    @Test
    void aRunCutShortStillLeavesAManifestThatSaysSo() throws IOException {
        Snapshot s = new Snapshot(tmp);
        s.describe("123456789012", List.of("us-east-1"), List.of(), null, null);
        s.record(new Snapshot.Call("global/sts-get-caller-identity.json", "sts:GetCallerIdentity", "global", Map.of(), Snapshot.Status.OK, null, null));
        s.interrupted(Instant.parse("2026-12-01T00:00:00Z"));
        JsonNode m = new ObjectMapper().readTree(tmp.resolve("manifest.json").toFile());
        assertThat(m.path("calls")).hasSize(2);
        assertThat(m.path("calls").toString()).contains("\"status\":\"error\"", "the collection was interrupted");
        assertThat(m.path("account").asText()).isEqualTo("123456789012");
        // nothing is kept once the manifest is written
        assertThat(s.keep(Op.VPCS, "us-east-1", null, m, f -> new Snapshot.Call(f, "ec2:DescribeVpcs", "us-east-1", Map.of(),
                Snapshot.Status.OK, 0, null))).isNull();
        assertThat(tmp.resolve("us-east-1")).doesNotExist();
        // a finished run is left as it is
        Snapshot done = new Snapshot(tmp.resolve("done"));
        done.record(new Snapshot.Call(null, "sts:GetCallerIdentity", "global", Map.of(), Snapshot.Status.OK, null, null));
        done.finish(Instant.parse("2026-12-01T00:00:00Z"));
        done.interrupted(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(new ObjectMapper().readTree(tmp.resolve("done/manifest.json").toFile()).path("calls")).hasSize(1);
    }
}
