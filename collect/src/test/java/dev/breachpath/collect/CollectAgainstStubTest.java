package dev.breachpath.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.breachpath.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code breachpath collect} against a stub of AWS on loopback, the way a user runs it
 * ({@code --endpoint-url}): the Imperva chain as the APIs of EC2, IAM and RDS describe it, with a
 * fault of each kind on the way. Then the snapshot is scanned.
 */
class CollectAgainstStubTest {
    static final String KEY_ID = "AKIA2JQ7ZK4IMPERVAQZ";
    static final String SECRET = "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";
    static final String PASSWORD = "CanaryDbPassw0rd-DoNotLeak";

    @TempDir
    static Path tmp;

    static AwsStub stub;
    static Path snapshot;
    static Run collect;
    static JsonNode manifest;
    static int authorizationRequests;
    static Path HASH_KEY;

    record Run(int code, String out, String err) {}

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** The Imperva chain, and one fault of each kind, for requests signed with {@code key} (null: any). */
    static void imperva(AwsStub s, String key) {
        s.stub(AwsStub.query(Op.CALLER, key), AwsStub.xml("sts/GetCallerIdentity.xml"));
        s.stub(AwsStub.query(Op.REGIONS, key), AwsStub.xml("ec2/DescribeRegions.xml"));
        // several pages
        s.stub(AwsStub.query(Op.INSTANCES, key).withRequestBody(notContaining("NextToken=")), AwsStub.xml("ec2/DescribeInstances-1.xml"));
        s.stub(AwsStub.query(Op.INSTANCES, key).withRequestBody(containing("NextToken=page-2")), AwsStub.xml("ec2/DescribeInstances-2.xml"));
        s.stub(AwsStub.query(Op.USER_DATA, key).withRequestBody(containing("InstanceId=i-0a1b2c3d4e5f60724")),
                AwsStub.xml("ec2/DescribeInstanceAttribute-web.xml"));
        s.stub(AwsStub.query(Op.USER_DATA, key).withRequestBody(containing("InstanceId=i-0a1b2c3d4e5f60799")),
                AwsStub.xml("ec2/DescribeInstanceAttribute-internal.xml"));
        s.stub(AwsStub.query(Op.SECURITY_GROUPS, key), AwsStub.xml("ec2/DescribeSecurityGroups.xml"));
        s.stub(AwsStub.query(Op.SUBNETS, key), AwsStub.xml("ec2/DescribeSubnets.xml"));
        s.stub(AwsStub.query(Op.VPCS, key), AwsStub.xml("ec2/DescribeVpcs.xml"));
        s.stub(AwsStub.query(Op.ROUTE_TABLES, key), AwsStub.xml("ec2/DescribeRouteTables.xml"));
        s.stub(AwsStub.query(Op.INTERNET_GATEWAYS, key), AwsStub.xml("ec2/DescribeInternetGateways.xml"));
        // throttled twice, then an answer
        s.server.stubFor(AwsStub.query(Op.AUTHORIZATION, key).atPriority(1).inScenario("gaad " + key).whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("throttled once").willReturn(AwsStub.error(400, "query/Throttling.xml")));
        s.server.stubFor(AwsStub.query(Op.AUTHORIZATION, key).atPriority(1).inScenario("gaad " + key).whenScenarioStateIs("throttled once")
                .willSetStateTo("throttled twice").willReturn(AwsStub.error(400, "query/Throttling.xml")));
        s.server.stubFor(AwsStub.query(Op.AUTHORIZATION, key).atPriority(1).inScenario("gaad " + key).whenScenarioStateIs("throttled twice")
                .willReturn(AwsStub.xml("iam/GetAccountAuthorizationDetails.xml")));
        s.stub(AwsStub.query(Op.ACCESS_KEYS, key), AwsStub.xml("iam/ListAccessKeys.xml"));
        s.stub(AwsStub.query(Op.KEY_LAST_USED, key), AwsStub.xml("iam/GetAccessKeyLastUsed.xml"));
        s.stub(AwsStub.query(Op.DB_INSTANCES, key), AwsStub.xml("rds/DescribeDBInstances.xml"));
        s.stub(AwsStub.query(Op.DB_SNAPSHOTS, key), AwsStub.xml("rds/DescribeDBSnapshots.xml"));
        s.stub(AwsStub.query(Op.DB_SNAPSHOT_ATTRIBUTES, key), AwsStub.xml("rds/DescribeDBSnapshotAttributes.xml"));
        // slower than the timeout
        s.stub(AwsStub.query(Op.DB_CLUSTERS, key), AwsStub.xml("rds/DescribeDBSnapshots.xml").withFixedDelay(5_000));
        // a body cut short
        s.stub(AwsStub.query(Op.TARGET_GROUPS, key), AwsStub.xml("elbv2/DescribeTargetGroups-cut.xml"));
        // the same pagination token again and again
        s.stub(AwsStub.absentParam(AwsStub.signed(get(urlPathMatching("/2015-03-31/functions/?")), "lambda", key), "Marker"), AwsStub.json("lambda/ListFunctions-1.json"));
        s.stub(AwsStub.param(AwsStub.signed(get(urlPathMatching("/2015-03-31/functions/?")), "lambda", key), "Marker", "again"), AwsStub.json("lambda/ListFunctions-2.json"));
        for (String f : List.of("exporter", "reporter")) {
            s.stub(AwsStub.signed(get(urlPathEqualTo("/2015-03-31/functions/" + f + "/policy")), "lambda", key),
                    AwsStub.error(404, "lambda/ResourceNotFound.json").withHeader("x-amzn-ErrorType", "ResourceNotFoundException"));
            s.stub(AwsStub.signed(get(urlPathEqualTo("/2021-10-31/functions/" + f + "/url")), "lambda", key),
                    AwsStub.error(404, "lambda/ResourceNotFound.json").withHeader("x-amzn-ErrorType", "ResourceNotFoundException"));
        }
        s.stub(AwsStub.json(Op.TABLES, key), AwsStub.json("dynamodb/ListTables.json"));
        // throttled at every attempt
        s.stub(AwsStub.json(Op.SECRETS, key), AwsStub.error(400, "json/Throttling.json"));
        s.stub(AwsStub.json(Op.TABLE, key), AwsStub.json("dynamodb/DescribeTable.json"));
        // denied on one service, by an SCP
        s.stub(AwsStub.json(Op.KEYS, key), AwsStub.error(400, "json/AccessDenied.json"));
        // S3's REST XML, with the answers that say "nothing there"
        s.stub(AwsStub.signed(get(urlPathEqualTo("/")), "s3", key), AwsStub.xml("s3/ListBuckets.xml"));
        // a bucket ListBuckets gives no region for: GetBucketLocation says (EU: eu-west-1)
        s.stub(AwsStub.param(AwsStub.signed(get(urlPathEqualTo("/legacy-logs")), "s3", key), "location", null), AwsStub.xml("s3/GetBucketLocation-EU.xml"));
        s.stub(AwsStub.param(AwsStub.signed(get(urlPathMatching("/(customer-exports|legacy-logs)")), "s3", key), "policy", null), AwsStub.error(404, "s3/NoSuchBucketPolicy.xml"));
        s.stub(AwsStub.param(AwsStub.signed(get(urlPathMatching("/(customer-exports|legacy-logs)")), "s3", key), "tagging", null), AwsStub.error(404, "s3/NoSuchTagSet.xml"));
        s.stub(AwsStub.param(AwsStub.signed(get(urlPathMatching("/(customer-exports|legacy-logs)")), "s3", key), "publicAccessBlock", null), AwsStub.xml("s3/GetPublicAccessBlock.xml"));
        s.stub(AwsStub.param(AwsStub.signed(get(urlPathMatching("/(customer-exports|legacy-logs)")), "s3", key), "encryption", null), AwsStub.xml("s3/GetBucketEncryption.xml"));
        s.stub(AwsStub.param(AwsStub.signed(get(urlPathMatching("/(customer-exports|legacy-logs)")), "s3", key), "acl", null), AwsStub.xml("s3/GetBucketAcl.xml"));
    }

    static String[] args(Path out, String... more) {
        List<String> a = new ArrayList<>(List.of("collect", "--out", out.toString(), "--endpoint-url", stub.endpoint().toString(),
                "--home-region", "us-east-1", "--regions", "us-east-1,ap-east-1", "--attempt-timeout", "1", "--call-timeout", "5",
                "--max-attempts", "3"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @BeforeAll
    static void collect() throws IOException {
        System.setProperty("aws.accessKeyId", "AKIDSTUBEXAMPLE00001");
        System.setProperty("aws.secretAccessKey", "stub-secret-not-a-real-one");
        stub = new AwsStub();
        imperva(stub, null);
        snapshot = tmp.resolve("snapshot");
        HASH_KEY = Files.writeString(tmp.resolve("hash.key"), "a key kept apart from the snapshots");
        collect = cli(args(snapshot, "--hash-key-file", HASH_KEY.toString()));
        manifest = new ObjectMapper().readTree(snapshot.resolve("manifest.json").toFile());
        authorizationRequests = stub.server.findAll(postRequestedFor(urlPathEqualTo("/"))
                .withRequestBody(containing("Action=GetAccountAuthorizationDetails&"))).size();
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    static JsonNode call(String operation, String region) {
        for (JsonNode c : manifest.path("calls")) {
            if (c.path("operation").asText().equals(operation) && (region == null || c.path("region").asText().equals(region))) {
                return c;
            }
        }
        throw new AssertionError("the manifest has no call " + operation + " in " + region + ": " + manifest);
    }

    @Test
    void aPartlyCollectedSnapshotIsStillASnapshot() {
        assertThat(collect.code()).as(collect.err()).isZero();
        assertThat(collect.out()).isEmpty();
        assertThat(collect.err().lines()).singleElement().asString()
                .startsWith("breachpath: collected account 123456789012: ")
                .contains("1 denied", "1 timeout", "1 truncated", "1 error", "1 region-disabled", "1 throttled");
        assertThat(manifest.path("account").asText()).isEqualTo("123456789012");
        assertThat(manifest.path("regions").toString()).isEqualTo("[\"us-east-1\"]");
    }

    @Test
    void pagesAreJoinedAndCounted() throws IOException {
        JsonNode instances = call("ec2:DescribeInstances", "us-east-1");
        assertThat(instances.path("status").asText()).isEqualTo("ok");
        assertThat(instances.path("items").asInt()).isEqualTo(2);
        JsonNode file = new ObjectMapper().readTree(snapshot.resolve(instances.path("file").asText()).toFile());
        assertThat(file.path("Reservations")).hasSize(2);
        assertThat(file.has("NextToken")).isFalse();
        assertThat(file.path("Reservations").path(0).path("Instances").path(0).path("PublicIpAddress").asText()).isEqualTo("54.210.12.34");
    }

    @Test
    void throttledTwiceThenAnswered() {
        JsonNode gaad = call("iam:GetAccountAuthorizationDetails", "global");
        assertThat(gaad.path("status").asText()).isEqualTo("ok");
        assertThat(gaad.path("items").asInt()).isEqualTo(1);
        assertThat(authorizationRequests).isEqualTo(3);
    }

    @Test
    void deniedIsRecordedNeverWrittenAsEmpty() {
        JsonNode keys = call("kms:ListKeys", "us-east-1");
        assertThat(keys.path("status").asText()).isEqualTo("denied");
        assertThat(keys.path("detail").asText()).isEqualTo("AccessDeniedException, HTTP 400, an explicit deny in a service control policy");
        assertThat(keys.has("file")).isFalse();
        assertThat(snapshot.resolve("us-east-1/kms-list-keys.json")).doesNotExist();
    }

    @Test
    void throttledAtEveryAttemptIsThrottled() {
        JsonNode secrets = call("secretsmanager:ListSecrets", "us-east-1");
        assertThat(secrets.path("status").asText()).isEqualTo("throttled");
        assertThat(secrets.path("detail").asText()).isEqualTo("ThrottlingException, HTTP 400, still throttled after every retry");
        assertThat(secrets.has("file")).isFalse();
    }

    @Test
    void aSecondCollectionWritesTheSameBytes() throws IOException {
        Path again = tmp.resolve("again");
        Run run = cli(args(again, "--quiet", "--hash-key-file", HASH_KEY.toString()));
        assertThat(run.code()).as(run.err()).isZero();
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        for (var pair : List.of(java.util.Map.entry(snapshot, first), java.util.Map.entry(again, second))) {
            try (Stream<Path> files = Files.walk(pair.getKey())) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    String text = Files.readString(f).replaceAll("\"collected_at\" : \"[^\"]+\"", "");
                    pair.getValue().add(pair.getKey().relativize(f) + "\n" + text);
                }
            }
        }
        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i)).isEqualTo(first.get(i));
        }
    }

    @Test
    void aSlowServerEndsAsATimeout() {
        JsonNode clusters = call("rds:DescribeDBClusters", "us-east-1");
        assertThat(clusters.path("status").asText()).isEqualTo("timeout");
        assertThat(clusters.has("file")).isFalse();
    }

    @Test
    void aBodyCutShortIsAnError() {
        JsonNode groups = call("elbv2:DescribeTargetGroups", "us-east-1");
        assertThat(groups.path("status").asText()).isEqualTo("error");
        assertThat(groups.path("detail").asText()).contains("could not be read");
        assertThat(groups.has("file")).isFalse();
    }

    @Test
    void aRepeatingPaginationTokenIsTruncated() throws IOException {
        JsonNode functions = call("lambda:ListFunctions", "us-east-1");
        assertThat(functions.path("status").asText()).as(functions.toString()).isEqualTo("truncated");
        assertThat(functions.path("detail").asText()).contains("same pagination token twice");
        assertThat(functions.path("items").asInt()).isEqualTo(2);
        JsonNode file = new ObjectMapper().readTree(snapshot.resolve(functions.path("file").asText()).toFile());
        assertThat(file.path("Functions")).hasSize(2);
    }

    @Test
    void aDisabledRegionIsSaidSoAndNotCalled() {
        JsonNode region = call("ec2:DescribeRegions", "ap-east-1");
        assertThat(region.path("status").asText()).isEqualTo("region-disabled");
        for (JsonNode c : manifest.path("calls")) {
            if (!c.path("operation").asText().equals("ec2:DescribeRegions")) {
                assertThat(c.path("region").asText()).isNotEqualTo("ap-east-1");
            }
        }
    }

    @Test
    void nothingThereIsOkWithoutAFile() {
        JsonNode policy = call("s3:GetBucketPolicy", "global");
        assertThat(policy.path("status").asText()).isEqualTo("ok");
        assertThat(policy.path("detail").asText()).isEqualTo("none (NoSuchBucketPolicy)");
        assertThat(policy.path("parameters").path("Bucket").asText()).isEqualTo("customer-exports");
        assertThat(policy.has("file")).isFalse();
        assertThat(call("organizations:DescribeOrganization", "global").path("detail").asText())
                .isEqualTo("none (AWSOrganizationsNotInUseException)");
    }

    @Test
    void everyFileIsInTheManifestAndEveryListedFileExists() throws IOException {
        Set<String> listed = new TreeSet<>();
        for (JsonNode c : manifest.path("calls")) {
            assertThat(c.path("status").asText()).isIn("ok", "truncated", "denied", "throttled", "timeout", "region-disabled", "error");
            if (c.has("file")) {
                listed.add(c.path("file").asText());
            }
        }
        Set<String> written = new TreeSet<>();
        try (Stream<Path> files = Files.walk(snapshot)) {
            files.filter(Files::isRegularFile).map(p -> snapshot.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals("manifest.json")).forEach(written::add);
        }
        assertThat(written).isEqualTo(listed);
        assertThat(listed).contains("global/iam-get-access-key-last-used/migration-svc-" + dev.breachpath.secret.KeyIds.fingerprint(KEY_ID)
                .substring(0, 12) + ".json");
    }

    @Test
    void everyFileIsReadAsTheCallThatWroteIt() throws IOException {
        assertReadAsWritten(snapshot);
    }

    /** Every file of a collected snapshot is read by scan as the response of the call the manifest says wrote it, nothing rejected. */
    static void assertReadAsWritten(Path snapshot) throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(snapshot.resolve("manifest.json").toFile());
        Run inputs = cli("inputs", snapshot.toString(), "--format", "json");
        assertThat(inputs.code()).as(inputs.err()).isZero();
        java.util.Map<String, String> operations = new java.util.TreeMap<>();
        manifest.path("calls").forEach(c -> {
            if (c.has("file")) {
                operations.put(snapshot.resolve(c.path("file").asText()).toString(), c.path("operation").asText());
            }
        });
        int read = 0;
        for (JsonNode input : new ObjectMapper().readTree(inputs.out()).path("inputs")) {
            String path = input.path("path").asText();
            if (path.endsWith("manifest.json")) {
                assertThat(input.path("format").asText()).isEqualTo("breachpath-snapshot-manifest");
                continue;
            }
            assertThat(input.path("format").asText()).as(path).isEqualTo("aws-api-response");
            if (input.path("formatVersion").asText().equals("resource policy")) {
                // one shape, {"Policy": "..."}, whose translation the manifest's operation picks
                assertThat(operations.get(path)).as(path).isIn("s3:GetBucketPolicy", "lambda:GetPolicy", "kms:GetKeyPolicy");
            } else {
                assertThat(input.path("formatVersion").asText()).as(path).isEqualTo(operations.get(path));
            }
            assertThat(input.path("rejected")).as(path).isEmpty();
            read++;
        }
        assertThat(read).isEqualTo(operations.size());
    }

    @Test
    void secretsStayHome() throws IOException {
        try (Stream<Path> files = Files.walk(snapshot)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                assertThat(text).as(f.toString()).doesNotContain(SECRET, PASSWORD);
            }
        }
        String userData = Files.readString(snapshot.resolve("us-east-1/ec2-describe-instance-attribute/i-0a1b2c3d4e5f60724.json"));
        assertThat(userData).contains("[breachpath-scrubbed v1 hmac=", "found=access-key-id:AKIA…VAQZ:").doesNotContain(KEY_ID);
        String functions = Files.readString(snapshot.resolve("us-east-1/lambda-list-functions.json"));
        assertThat(functions).contains("\"AWS_ACCESS_KEY_ID\" : \"[breachpath-scrubbed v1").doesNotContain(KEY_ID);
    }

    @Test
    void theSnapshotScansWithTheImpervaChain() {
        Run scan = cli("scan", snapshot.toString(), "--now", "2019-10-01T00:00:00Z");
        assertThat(scan.code()).as(scan.err()).isEqualTo(1);
        assertThat(scan.out()).contains("exposed-credential-reaches-data", "i-0a1b2c3d4e5f60724",
                "arn:aws:rds:us-east-1:123456789012:snapshot:customers-migration-test", "embedded-credential", "admin-port-open-to-world",
                "access-key-too-old");
        assertThat(scan.out() + scan.err()).doesNotContain(KEY_ID, SECRET, PASSWORD);
        // the scan says which parts the snapshot lacks
        assertThat(scan.err()).contains("kms:ListKeys in us-east-1: the call ended denied", "rds:DescribeDBClusters in us-east-1: the call ended timeout",
                "lambda:ListFunctions in us-east-1: the call ended truncated");
    }

    @Test
    void keptSecretsAreKeptOnlyWhenAskedFor() throws IOException {
        Path kept = tmp.resolve("kept");
        Run run = cli(args(kept, "--keep-secrets", "--quiet"));
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        String userData = Files.readString(kept.resolve("us-east-1/ec2-describe-instance-attribute/i-0a1b2c3d4e5f60724.json"));
        assertThat(userData).doesNotContain("breachpath-scrubbed");
        assertThat(Files.readString(kept.resolve("us-east-1/lambda-list-functions.json"))).contains(PASSWORD);
    }

    @Test
    void theCollectorCallsNothingOutsideTheDocumentedPolicy() throws IOException {
        Set<String> allowed = DocumentedPolicy.actions();
        List<String> called = stub.actionsCalled();
        assertThat(called).hasSizeGreaterThan(40);
        for (String action : called) {
            assertThat(DocumentedPolicy.allows(action)).as(action + " is outside docs/collect.md's policy").isTrue();
        }
        assertThat(allowed).isNotEmpty();
    }
}
