package dev.breachpath.collect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What {@code collect} says when it cannot run as asked: one line, exit 2, and a manifest when it got as far as calling. */
class CollectCommandTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void credentials() {
        System.setProperty("aws.accessKeyId", "AKIDSTUBEXAMPLE00001");
        System.setProperty("aws.secretAccessKey", "stub-secret-not-a-real-one");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard against hanging, not a measure of speed
    void anEndpointNothingListensOnEndsWithOneLineAndAManifest() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path out = tmp.resolve("snap");
        var run = CollectAgainstStubTest.cli("collect", "--out", out.toString(), "--endpoint-url", "http://127.0.0.1:" + port,
                "--home-region", "us-east-1");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).singleElement().asString().isEqualTo("breachpath: nothing collected: cannot learn who the credentials"
                + " are (sts:GetCallerIdentity ended error: cannot connect to the endpoint) (the manifest says what failed: "
                + out.resolve("manifest.json") + ")");
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertThat(manifest.path("calls")).hasSize(1);
        assertThat(manifest.path("calls").path(0).path("status").asText()).isEqualTo("error");
        assertThat(manifest.path("endpoint").asText()).isEqualTo("http://127.0.0.1:" + port);
        // and the manifest alone is a snapshot scan reads, saying what it lacks
        var scan = CollectAgainstStubTest.cli("scan", out.toString());
        assertThat(scan.code()).isZero();
        assertThat(scan.err()).contains("the snapshot lacks sts:GetCallerIdentity in global: the call ended error (cannot connect to the endpoint)");
    }

    @Test
    void credentialsDeniedEverythingButWhoTheyAreCollectNothing() throws IOException {
        try (AwsStub stub = new AwsStub()) {
            stub.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(com.github.tomakehurst.wiremock.client.WireMock.anyUrl())
                    .atPriority(5).willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(403)
                            .withHeader("Content-Type", "text/xml").withBody("<ErrorResponse><Error><Code>AccessDenied</Code>"
                                    + "<Message>denied</Message></Error></ErrorResponse>")));
            stub.stub(AwsStub.query(Op.CALLER), AwsStub.xml("sts/GetCallerIdentity.xml"));
            Path out = tmp.resolve("denied");
            var run = CollectAgainstStubTest.cli("collect", "--out", out.toString(), "--endpoint-url", stub.endpoint().toString(),
                    "--home-region", "us-east-1", "--regions", "us-east-1", "--max-attempts", "1");
            assertThat(run.code()).as(run.err()).isEqualTo(2);
            assertThat(run.err().lines()).singleElement().isEqualTo("breachpath: nothing collected from account 123456789012: every call"
                    + " that describes resources failed, was denied or found nothing (the manifest says what failed: "
                    + out.resolve("manifest.json") + ")");
            JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
            int denied = 0;
            for (JsonNode c : manifest.path("calls")) {
                denied += c.path("status").asText().equals("denied") ? 1 : 0;
            }
            assertThat(denied).isGreaterThan(20);
        }
    }

    @Test
    void aProfileThatDoesNotExistIsOneLine() throws IOException {
        Path credentials = Files.writeString(tmp.resolve("credentials"), "[default]\naws_access_key_id = AKIDSTUBEXAMPLE00001\n"
                + "aws_secret_access_key = stub-secret-not-a-real-one\n");
        Path config = Files.writeString(tmp.resolve("config"), "[default]\nregion = eu-west-1\n");
        System.setProperty("aws.sharedCredentialsFile", credentials.toString());
        System.setProperty("aws.configFile", config.toString());
        try {
            Path out = tmp.resolve("snap");
            var run = CollectAgainstStubTest.cli("collect", "--out", out.toString(), "--profile", "nope", "--endpoint-url",
                    "http://127.0.0.1:9");
            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err().lines()).singleElement().isEqualTo("breachpath: nothing collected: no usable AWS credentials for"
                    + " profile nope (for an IAM Identity Center profile, run aws sso login) (the manifest says what failed: " + out.resolve("manifest.json") + ")");
            assertThat(run.err()).doesNotContain("stub-secret");
        } finally {
            System.clearProperty("aws.sharedCredentialsFile");
            System.clearProperty("aws.configFile");
        }
    }

    @Test
    void wrongOptionsAreOneLineEach() throws IOException {
        Path full = Files.createDirectories(tmp.resolve("full"));
        Files.writeString(full.resolve("x.json"), "{}");
        assertFails("breachpath: " + full + " already holds files: give a new or empty folder for the snapshot", "--out", full.toString());
        assertFails("breachpath: --regions: us-est-1x is not a region name (expected names like eu-west-1, or all)",
                "--out", tmp.resolve("a").toString(), "--regions", "us-east-1,us-est-1x");
        assertFails("breachpath: --concurrency must be from 1 to 64, not 0", "--out", tmp.resolve("a").toString(), "--concurrency", "0");
        assertFails("breachpath: --endpoint-url: expected an http or https URL with a host, like http://127.0.0.1:4566",
                "--out", tmp.resolve("a").toString(), "--endpoint-url", "localhost");
        Path accounts = tmp.resolve("accounts.txt");
        Files.writeString(accounts, "# the audit accounts\n111111111111\n");
        assertFails("breachpath: " + accounts + ":2: an account id needs --role-name, the role to assume in it",
                "--out", tmp.resolve("a").toString(), "--accounts-file", accounts.toString());
        Files.writeString(accounts, "111111111111\narn:aws:iam::111111111111:role/Other\n");
        assertFails("breachpath: account 111111111111 is named twice: one role per account",
                "--out", tmp.resolve("a").toString(), "--accounts-file", accounts.toString(), "--role-name", "Audit");
        Files.writeString(accounts, "not an account\n");
        assertFails("breachpath: " + accounts + ":1: expected a 12-digit account id or a role ARN",
                "--out", tmp.resolve("a").toString(), "--accounts-file", accounts.toString());
        assertThat(tmp.resolve("a")).doesNotExist();
    }

    private static void assertFails(String line, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "collect";
        System.arraycopy(args, 0, all, 1, args.length);
        var run = CollectAgainstStubTest.cli(all);
        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().isEqualTo(line);
    }
}
