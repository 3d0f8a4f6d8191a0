package dev.breachpath.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class CredentialScannerTest {
    private static final String KEY = "AKIA2JQ7ZK4SCANTEST2";
    private static final String SECRET = "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";
    private static final String SCRIPT = "#!/bin/bash\nset -e\nexport AWS_ACCESS_KEY_ID=" + KEY
            + "\nexport AWS_SECRET_ACCESS_KEY=" + SECRET + "\naws s3 ls\n";

    @Test
    void findsAKeyIdInPlainTextWithItsLineAndNoSecret() {
        List<CredentialScanner.Found> found = CredentialScanner.scan(SCRIPT);
        assertThat(found).containsExactly(new CredentialScanner.Found(CredentialScanner.Kind.ACCESS_KEY_ID,
                "AKIA…EST2", KeyIds.fingerprint(KEY), 3, "plain", true));
        assertThat(found.toString()).doesNotContain(KEY).doesNotContain(SECRET).doesNotContain("Canary");
    }

    @Test
    void decodesBase64AndGzip() throws Exception {
        String base64 = Base64.getEncoder().encodeToString(SCRIPT.getBytes(StandardCharsets.UTF_8));
        assertThat(CredentialScanner.scan(base64)).singleElement()
                .satisfies(f -> assertThat(f.encoding()).isEqualTo("base64"))
                .satisfies(f -> assertThat(f.line()).isEqualTo(3));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(SCRIPT.getBytes(StandardCharsets.UTF_8));
        }
        String gzipped = Base64.getMimeEncoder().encodeToString(bytes.toByteArray());
        assertThat(CredentialScanner.scan(gzipped)).singleElement()
                .satisfies(f -> assertThat(f.encoding()).isEqualTo("gzip+base64"))
                .satisfies(f -> assertThat(f.maskedId()).isEqualTo("AKIA…EST2"));
    }

    @Test
    void findsAPayloadDecodedInsideAScript() {
        String inner = Base64.getEncoder().encodeToString(("aws_access_key_id = " + KEY + "\n").getBytes(StandardCharsets.UTF_8));
        String script = "#!/bin/sh\necho " + inner + " | base64 -d > /root/.aws/credentials\n";
        assertThat(CredentialScanner.scan(script)).singleElement()
                .satisfies(f -> assertThat(f.encoding()).isEqualTo("base64"));
    }

    @Test
    void aSecretAloneIsFoundWithoutAnId() {
        assertThat(CredentialScanner.scan("SECRET=" + SECRET + "\n")).singleElement()
                .satisfies(f -> assertThat(f.kind()).isEqualTo(CredentialScanner.Kind.SECRET_ACCESS_KEY))
                .satisfies(f -> assertThat(f.maskedId()).isEmpty());
    }

    @Test
    void digestsWordsAndNearMissesAreNotCredentials() {
        assertThat(CredentialScanner.scan("01efbcc4f2ad3711f16624a706c561122b880050")).as("a SHA-1 of user data").isEmpty();
        assertThat(CredentialScanner.scan("AKIA2JQ7ZK4SCANTEST21 AKIA2JQ7ZK4SCANTES")).as("too long, too short").isEmpty();
        assertThat(CredentialScanner.scan("arn:aws:iam::123456789012:role/service-role/some-very-long-role-name-here")).isEmpty();
        assertThat(CredentialScanner.scan("")).isEmpty();
    }

    @Test
    void theSameKeyTwiceIsOneFind() {
        assertThat(CredentialScanner.scan(KEY + "\n" + KEY)).hasSize(1);
    }
}
