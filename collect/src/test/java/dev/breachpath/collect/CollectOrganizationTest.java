package dev.breachpath.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An organization run: a role assumed in each account of an accounts file, a folder per account,
 * the organization's tree and SCPs from the management account, and one account whose role
 * cannot be assumed. The SCP on the Imperva account's unit closes the chain when the folder is
 * scanned (as fixtures/inventory/imperva-scp does with files).
 */
class CollectOrganizationTest {
    static final String MANAGEMENT = "ASIASTUBMANAGEMENT01";
    static final String MEMBER = "ASIASTUBMEMBER000002";
    static final String SESSION_SECRET = "stubSessionSecretThatMustNeverBePrinted0";
    static final Path ORGANIZATION = Path.of("..", "fixtures", "inventory", "imperva-scp", "organization");

    @TempDir
    static Path tmp;

    static AwsStub stub;
    static Path out;
    static CollectAgainstStubTest.Run collect;

    static ResponseDefinitionBuilder assumed(String account, String key) {
        return WireMock.aResponse().withHeader("Content-Type", "text/xml").withBody("""
                <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
                <Credentials><AccessKeyId>%s</AccessKeyId><SecretAccessKey>%s</SecretAccessKey><SessionToken>stub-token</SessionToken>
                <Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>
                <AssumedRoleUser><Arn>arn:aws:sts::%s:assumed-role/Audit/breachpath-collect</Arn><AssumedRoleId>AROASTUB:breachpath-collect</AssumedRoleId></AssumedRoleUser>
                </AssumeRoleResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></AssumeRoleResponse>"""
                .formatted(key, SESSION_SECRET, account));
    }

    static ResponseDefinitionBuilder fixture(String file) throws IOException {
        return WireMock.aResponse().withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody(Files.readString(ORGANIZATION.resolve(file)));
    }

    static String role(String account) {
        return URLEncoder.encode("arn:aws:iam::" + account + ":role/Audit", StandardCharsets.UTF_8);
    }

    @BeforeAll
    static void collect() throws IOException {
        System.setProperty("aws.accessKeyId", "AKIDSTUBEXAMPLE00001");
        System.setProperty("aws.secretAccessKey", "stub-secret-not-a-real-one");
        stub = new AwsStub();
        stub.stub(AwsStub.query(Op.ASSUME_ROLE).withRequestBody(containing("RoleArn=" + role("111111111111"))), assumed("111111111111", MANAGEMENT));
        stub.stub(AwsStub.query(Op.ASSUME_ROLE).withRequestBody(containing("RoleArn=" + role("123456789012"))), assumed("123456789012", MEMBER));
        stub.stub(AwsStub.query(Op.ASSUME_ROLE).withRequestBody(containing("RoleArn=" + role("999999999999"))),
                WireMock.aResponse().withStatus(403).withHeader("Content-Type", "text/xml").withBody("<ErrorResponse><Error><Type>Sender</Type>"
                        + "<Code>AccessDenied</Code><Message>not authorized to perform: sts:AssumeRole</Message></Error></ErrorResponse>"));
        // the member account: the Imperva chain
        CollectAgainstStubTest.imperva(stub, MEMBER);
        // the management account: the organization, and nothing else
        stub.stub(AwsStub.query(Op.CALLER, MANAGEMENT), AwsStub.xml("sts/GetCallerIdentity.xml").withBody(
                AwsStub.read("sts/GetCallerIdentity.xml").replace("123456789012", "111111111111")));
        stub.stub(AwsStub.query(Op.REGIONS, MANAGEMENT), AwsStub.xml("ec2/DescribeRegions.xml"));
        stub.stub(AwsStub.json(Op.ORGANIZATION), fixture("describe-organization.json"));
        stub.stub(AwsStub.json(Op.ROOTS, MANAGEMENT), fixture("list-roots.json"));
        stub.stub(AwsStub.json(Op.UNITS, MANAGEMENT).withRequestBody(containing("\"r-a1b2\"")), fixture("list-organizational-units-for-parent/r-a1b2.json"));
        stub.stub(AwsStub.json(Op.ACCOUNTS, MANAGEMENT), fixture("list-accounts.json"));
        for (String child : new String[] {"111111111111", "123456789012"}) {
            stub.stub(AwsStub.json(Op.PARENTS, MANAGEMENT).withRequestBody(containing("\"" + child + "\"")), fixture("list-parents/" + child + ".json"));
        }
        stub.stub(AwsStub.json(Op.POLICIES, MANAGEMENT).withRequestBody(containing("SERVICE_CONTROL_POLICY")), fixture("list-policies.json"));
        stub.stub(AwsStub.json(Op.POLICIES, MANAGEMENT).withRequestBody(containing("RESOURCE_CONTROL_POLICY")), AwsStub.error(400,
                "json/PolicyTypeNotEnabled.json"));
        stub.stub(AwsStub.json(Op.POLICY, MANAGEMENT).withRequestBody(containing("p-denysnap01")), fixture("describe-policy/p-denysnap01.json"));
        stub.stub(AwsStub.json(Op.POLICY, MANAGEMENT).withRequestBody(containing("p-FullAWSAccess")), AwsStub.json("organizations/FullAWSAccess.json"));
        for (String policy : new String[] {"p-FullAWSAccess", "p-denysnap01"}) {
            stub.stub(AwsStub.json(Op.TARGETS, MANAGEMENT).withRequestBody(containing(policy)), fixture("list-targets-for-policy/" + policy + ".json"));
        }
        // and the follow-up calls of services the Imperva scenario does not reach
        for (Op op : new Op[] {Op.KEYS, Op.KEY, Op.KEY_ROTATION, Op.KEY_POLICY, Op.TASK_DEFINITIONS, Op.TASK_DEFINITION, Op.SECRETS,
                Op.SECRET_POLICY}) {
            stub.stub(AwsStub.json(op, MANAGEMENT), AwsStub.json("management/" + op.name().replace(':', '-') + ".json"));
        }
        for (Op op : new Op[] {Op.LOAD_BALANCERS, Op.LISTENERS, Op.TARGET_GROUPS, Op.TARGET_HEALTH, Op.LAUNCH_TEMPLATES,
                Op.LAUNCH_TEMPLATE_VERSIONS}) {
            stub.stub(AwsStub.query(op, MANAGEMENT), AwsStub.xml("management/" + op.name().replace(':', '-') + ".xml"));
        }
        Path accounts = Files.writeString(tmp.resolve("accounts.txt"), "# the organization\n111111111111\n123456789012  # the workload\n999999999999\n");
        out = tmp.resolve("org");
        collect = CollectAgainstStubTest.cli("collect", "--out", out.toString(), "--endpoint-url", stub.endpoint().toString(), "--home-region",
                "us-east-1", "--regions", "us-east-1", "--accounts-file", accounts.toString(), "--role-name", "Audit", "--external-id", "ext-1",
                "--attempt-timeout", "1", "--call-timeout", "5", "--max-attempts", "3");
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    static JsonNode manifest(String account) throws IOException {
        return new ObjectMapper().readTree(out.resolve(account).resolve("manifest.json").toFile());
    }

    @Test
    void eachAccountInAFolderOfItsOwnAndTheOneThatFailedSaysWhy() throws IOException {
        assertThat(collect.code()).as(collect.err()).isZero();
        var lines = collect.err().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("breachpath: collected account 111111111111: ");
        assertThat(lines.get(1)).startsWith("breachpath: collected account 123456789012: ");
        assertThat(lines.get(2)).isEqualTo("breachpath: nothing collected from account 999999999999: cannot assume"
                + " arn:aws:iam::999999999999:role/Audit: AccessDenied, HTTP 403 (the manifest says what failed: "
                + out.resolve("999999999999").resolve("manifest.json") + ")");
        assertThat(manifest("999999999999").path("calls").path(0).path("operation").asText()).isEqualTo("sts:AssumeRole");
        assertThat(manifest("123456789012").path("account").asText()).isEqualTo("123456789012");
        stub.server.verify(3, postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Action=AssumeRole&"))
                .withRequestBody(containing("RoleSessionName=breachpath-collect")).withRequestBody(containing("ExternalId=ext-1")));
    }

    @Test
    void theOrganizationComesFromItsManagementAccountOnly() throws IOException {
        JsonNode member = manifest("123456789012");
        boolean left = false;
        for (JsonNode c : member.path("calls")) {
            left |= c.path("operation").asText().equals("organizations:ListRoots") && c.path("status").asText().equals("ok")
                    && c.path("detail").asText().startsWith("none (a member account: ") && c.path("detail").asText().endsWith(" 111111111111)");
        }
        assertThat(left).isTrue();
        JsonNode management = manifest("111111111111");
        int policies = 0;
        for (JsonNode c : management.path("calls")) {
            if (c.path("operation").asText().equals("organizations:DescribePolicy")) {
                policies++;
                assertThat(c.path("status").asText()).isEqualTo("ok");
            }
            if (c.path("operation").asText().equals("organizations:ListPolicies") && c.path("parameters").path("Filter").asText()
                    .equals("RESOURCE_CONTROL_POLICY")) {
                assertThat(c.path("detail").asText()).isEqualTo("none (PolicyTypeNotEnabledException)");
            }
        }
        assertThat(policies).isEqualTo(2);
        CollectAgainstStubTest.assertReadAsWritten(out.resolve("111111111111"));
        CollectAgainstStubTest.assertReadAsWritten(out.resolve("123456789012"));
    }

    @Test
    void followUpCallsOfEveryServiceAreMadeAndTheirSecretsScrubbed() throws IOException {
        JsonNode management = manifest("111111111111");
        java.util.Map<String, JsonNode> byOperation = new java.util.TreeMap<>();
        management.path("calls").forEach(c -> byOperation.put(c.path("operation").asText(), c));
        for (String op : new String[] {"kms:DescribeKey", "kms:GetKeyRotationStatus", "kms:GetKeyPolicy", "ecs:DescribeTaskDefinition",
                "elbv2:DescribeListeners", "elbv2:DescribeTargetHealth", "ec2:DescribeLaunchTemplateVersions"}) {
            assertThat(byOperation.get(op)).as(op).isNotNull();
            assertThat(byOperation.get(op).path("status").asText()).as(op).isEqualTo("ok");
            assertThat(byOperation.get(op).has("file")).as(op).isTrue();
        }
        // a secret without a resource policy: nothing to read, and no file that would pass for DescribeSecret
        assertThat(byOperation.get("secretsmanager:GetResourcePolicy").path("detail").asText()).isEqualTo("none (no ResourcePolicy)");
        assertThat(byOperation.get("secretsmanager:GetResourcePolicy").has("file")).isFalse();
        String definition = Files.readString(out.resolve("111111111111").resolve(byOperation.get("ecs:DescribeTaskDefinition").path("file").asText()));
        assertThat(definition).doesNotContain("AKIA2JQ7ZK4IMPERVAQZ", "wJalrXUtnFEMI", "CanarySplunkToken").contains("\"image\" : \"etl:latest\"");
        String versions = Files.readString(out.resolve("111111111111").resolve(byOperation.get("ec2:DescribeLaunchTemplateVersions").path("file").asText()));
        assertThat(versions).contains("breachpath-scrubbed").doesNotContain("CanaryLaunchTemplateToken");
        // the key and the secret of the container definition are found as one credential, as in the raw text
        var scan = CollectAgainstStubTest.cli("scan", out.resolve("111111111111").toString(), "--now", "2019-10-01T00:00:00Z");
        assertThat(scan.out()).contains("task-definition/etl:3").containsOnlyOnce("container_definitions");
        for (String action : stub.actionsCalled()) {
            assertThat(DocumentedPolicy.allows(action)).as(action + " is outside docs/collect.md's policy").isTrue();
        }
    }

    @Test
    void theScpClosesTheChainWhenTheOrganizationIsScanned() throws IOException {
        var scan = CollectAgainstStubTest.cli("scan", out.toString(), "--now", "2019-10-01T00:00:00Z");
        assertThat(scan.code()).as(scan.err()).isEqualTo(1);
        assertThat(scan.out()).contains("embedded-credential", "access-key-too-old").doesNotContain("exposed-credential-reaches-data");
        // and without the management account's folder, the chain is open
        var member = CollectAgainstStubTest.cli("scan", out.resolve("123456789012").toString(), "--now", "2019-10-01T00:00:00Z");
        assertThat(member.out()).contains("exposed-credential-reaches-data");
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain(SESSION_SECRET, "stub-token");
            }
        }
        assertThat(collect.err() + scan.out() + scan.err()).doesNotContain(SESSION_SECRET);
    }
}
