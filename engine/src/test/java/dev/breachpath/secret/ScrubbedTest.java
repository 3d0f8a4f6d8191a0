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
    private static final byte[] KEY = "a key kept outside the snapshot".getBytes(StandardCharsets.UTF_8);
    private static final String KEY_ID = "AKIA2JQ7ZK4IMPERVAQZ";
    private static final String SECRET = "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";
    private static final String SCRIPT = "#!/bin/bash\nexport AWS_ACCESS_KEY_ID=" + KEY_ID + "\nexport AWS_SECRET_ACCESS_KEY=" + SECRET
            + "\nexport PGPASSWORD=CanaryDbPassw0rd-DoNotLeak\n";

    @Test
    void theMarkScansAsTheTextInEveryEncoding() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(SCRIPT.getBytes(StandardCharsets.UTF_8));
        }
        for (String text : List.of(SCRIPT, Base64.getEncoder().encodeToString(SCRIPT.getBytes(StandardCharsets.UTF_8)),
                Base64.getEncoder().encodeToString(gz.toByteArray()), "secret alone: " + SECRET + "\n", "nothing here")) {
            String mark = Scrubbed.of(text, KEY);
            assertThat(mark).doesNotContain(KEY_ID, SECRET, "CanaryDbPassw0rd");
            assertThat(CredentialScanner.scan(mark)).as(text).isEqualTo(CredentialScanner.scan(text));
        }
        assertThat(CredentialScanner.scan(Scrubbed.of(SCRIPT, KEY))).extracting(CredentialScanner.Found::maskedId).containsExactly("AKIA…VAQZ");
    }

    @Test
    void valuesMarkedApartInOneTextScanAsThatText() {
        // ECS: the key id in one environment value, the secret in another, both in one definitions text
        String raw = "[{\"environment\":[{\"name\":\"K\",\"value\":\"" + KEY_ID + "\"},{\"name\":\"S\",\"value\":\"" + SECRET + "\"}]}]";
        String marked = "[{\"environment\":[{\"name\":\"K\",\"value\":\"" + Scrubbed.of(KEY_ID, KEY) + "\"},{\"name\":\"S\",\"value\":\""
                + Scrubbed.of(SECRET, KEY) + "\"}]}]";
        assertThat(CredentialScanner.scan(marked)).extracting(CredentialScanner.Found::kind, CredentialScanner.Found::fingerprint,
                CredentialScanner.Found::withSecret).containsExactlyElementsOf(CredentialScanner.scan(raw).stream()
                .map(f -> org.assertj.core.groups.Tuple.tuple(f.kind(), f.fingerprint(), f.withSecret())).toList());
        assertThat(CredentialScanner.scan(marked)).singleElement().satisfies(f -> assertThat(f.withSecret()).isTrue());
    }

    @Test
    void aMarkedTextKeepsWhatWasFoundInItsEncodedPayloadsApart() {
        // the key in the text, the secret in a base64 payload: a key without a secret, and a secret alone, as raw
        String text = "export AWS_ACCESS_KEY_ID=" + KEY_ID + "\necho " + Base64.getEncoder().encodeToString(("AWS_SECRET_ACCESS_KEY="
                + SECRET + "\n").getBytes(StandardCharsets.UTF_8)) + " | base64 -d\n";
        assertThat(CredentialScanner.scan(Scrubbed.of(text, KEY))).isEqualTo(CredentialScanner.scan(text)).hasSize(2);
        String inJson = "{\"a\":\"" + Scrubbed.of(text, KEY) + "\",\"b\":\"x\"}";
        assertThat(CredentialScanner.scan(inJson)).extracting(CredentialScanner.Found::kind, CredentialScanner.Found::withSecret)
                .containsExactlyElementsOf(CredentialScanner.scan(text).stream()
                        .map(f -> org.assertj.core.groups.Tuple.tuple(f.kind(), f.withSecret())).toList());
    }

    @Test
    void theHashIsKeyedAndOnlyAWellFormedMarkIsRead() {
        assertThat(Scrubbed.of("x", KEY)).matches("\\[breachpath-scrubbed v1 hmac=[0-9a-f]{64}]");
        assertThat(Scrubbed.of("x", KEY)).isEqualTo(Scrubbed.of("x", KEY)).isNotEqualTo(Scrubbed.of("y", KEY))
                .isNotEqualTo(Scrubbed.of("x", "another key".getBytes(StandardCharsets.UTF_8)));
        // a mark-like text that holds a whole key id is no mark: the key id is found, not hidden
        String forged = Scrubbed.of("x", KEY).replace("]", " found=access-key-id:" + KEY_ID + "::1:plain:false]");
        assertThat(CredentialScanner.scan(forged)).singleElement().satisfies(f -> assertThat(f.fingerprint()).isEqualTo(KeyIds.fingerprint(KEY_ID)));
        // nor does a mark glued to a key id
        String glued = "AKIAABCDEFGHIJKLMNOP" + Scrubbed.of("x", KEY) + "Q";
        assertThat(CredentialScanner.scan(glued)).extracting(CredentialScanner.Found::maskedId).containsExactly("AKIA…MNOP");
        String damaged = Scrubbed.of(KEY_ID, KEY).replace(":1:plain:", ":one:plain:");
        assertThat(Scrubbed.marks(damaged)).isFalse();
    }
}
