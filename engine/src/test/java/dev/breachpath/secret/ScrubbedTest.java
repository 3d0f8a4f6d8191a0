package dev.breachpath.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** A scrubbed text is scanned as the text it stands for, and holds none of its secrets. */
class ScrubbedTest {
    private static final String KEY = "AKIA2JQ7ZK4IMPERVAQZ";
    private static final String SECRET = "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";
    private static final String SCRIPT = "#!/bin/bash\nexport AWS_ACCESS_KEY_ID=" + KEY + "\nexport AWS_SECRET_ACCESS_KEY=" + SECRET
            + "\nexport PGPASSWORD=CanaryDbPassw0rd-DoNotLeak\n";

    @Test
    void theMarkScansAsTheTextInEveryEncoding() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(SCRIPT.getBytes(StandardCharsets.UTF_8));
        }
        for (String text : List.of(SCRIPT, Base64.getEncoder().encodeToString(SCRIPT.getBytes(StandardCharsets.UTF_8)),
                Base64.getEncoder().encodeToString(gz.toByteArray()), "secret alone: " + SECRET + "\n", "nothing here")) {
            String mark = Scrubbed.of(text);
            assertThat(mark).doesNotContain(KEY, SECRET, "CanaryDbPassw0rd");
            assertThat(CredentialScanner.scan(mark)).as(text).isEqualTo(CredentialScanner.scan(text));
        }
        assertThat(CredentialScanner.scan(Scrubbed.of(SCRIPT))).extracting(CredentialScanner.Found::maskedId).containsExactly("AKIA…VAQZ");
    }

    @Test
    void aMarkInsideOtherTextIsFoundThere() {
        String definitions = "[{\"environment\":[{\"name\":\"K\",\"value\":\"" + Scrubbed.of(KEY) + "\"}]}]";
        assertThat(CredentialScanner.scan(definitions)).singleElement().satisfies(f -> {
            assertThat(f.fingerprint()).isEqualTo(KeyIds.fingerprint(KEY));
            assertThat(f.line()).isEqualTo(1);
            assertThat(f.withSecret()).isFalse();
        });
    }

    @Test
    void theMarkHashesTheTextAndADamagedMarkSaysNothing() {
        assertThat(Scrubbed.of("x")).startsWith("[breachpath-scrubbed v1 sha256=2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881 bytes=1]");
        assertThat(Scrubbed.of("x")).isNotEqualTo(Scrubbed.of("y"));
        String damaged = Scrubbed.of(KEY).replace(":1:plain:", ":one:plain:");
        assertThat(CredentialScanner.scan(damaged)).isEmpty();
    }
}
