package dev.breachpath.collect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceAttributeResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;
import software.amazon.awssdk.services.lambda.model.EnvironmentResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;

/** SDK responses as the AWS CLI prints them, pages joined, texts scrubbed. */
class ResponsesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void membersUnderTheirModelNamesAndAbsentOnesLeftOut() throws Exception {
        DescribeInstancesResponse r = DescribeInstancesResponse.builder().reservations(Reservation.builder().ownerId("123456789012")
                .instances(Instance.builder().instanceId("i-1").launchTime(Instant.parse("2019-01-02T03:04:05Z")).state(s -> s.code(16).name("running"))
                        .build()).build()).nextToken("t").build();
        assertThat(Responses.json(r)).isEqualTo(JSON.readTree("""
                {"Reservations":[{"Instances":[{"InstanceId":"i-1","LaunchTime":"2019-01-02T03:04:05Z","State":{"Code":16,"Name":"running"}}],
                 "OwnerId":"123456789012"}],"NextToken":"t"}"""));
        // exactly two members, as scan's signature of DescribeInstanceAttribute wants
        ObjectNode attribute = Responses.json(DescribeInstanceAttributeResponse.builder().instanceId("i-1").userData(v -> v.value("eA==")).build());
        assertThat(attribute).isEqualTo(JSON.readTree("{\"InstanceId\":\"i-1\",\"UserData\":{\"Value\":\"eA==\"}}"));
    }

    @Test
    void blobsInBase64AndMapsSorted() throws Exception {
        ObjectNode report = Responses.json(GetCredentialReportResponse.builder().content(SdkBytes.fromUtf8String("user,arn\n"))
                .reportFormat("text/csv").build());
        assertThat(report.path("Content").asText()).isEqualTo("dXNlcixhcm4K");
        ObjectNode functions = Responses.json(ListFunctionsResponse.builder().functions(FunctionConfiguration.builder().functionName("f")
                .environment(EnvironmentResponse.builder().variables(Map.of("Z", "1", "A", "2")).build()).build()).build());
        assertThat(functions.path("Functions").path(0).path("Environment").path("Variables").fieldNames()).toIterable().containsExactly("A", "Z");
    }

    @Test
    void pagesJoinTheirListsAndDropTheirTokens() throws Exception {
        ObjectNode joined = JSON.createObjectNode();
        Responses.append(joined, (ObjectNode) JSON.readTree("{\"Users\":[{\"UserName\":\"a\"}],\"IsTruncated\":true,\"Marker\":\"m\"}"));
        Responses.append(joined, (ObjectNode) JSON.readTree("{\"Users\":[{\"UserName\":\"b\"}],\"IsTruncated\":false}"));
        assertThat(joined).isEqualTo(JSON.readTree("{\"Users\":[{\"UserName\":\"a\"},{\"UserName\":\"b\"}]}"));
        assertThat(Responses.nextToken((ObjectNode) JSON.readTree("{\"IsTruncated\":false,\"Marker\":\"m\"}"))).isNull();
        assertThat(Responses.nextToken((ObjectNode) JSON.readTree("{\"IsTruncated\":true,\"Marker\":\"m\"}"))).isEqualTo("m");
        assertThat(Responses.nextToken((ObjectNode) JSON.readTree("{\"NextMarker\":\"n\"}"))).isEqualTo("n");
        assertThat(Responses.nextToken((ObjectNode) JSON.readTree("{\"Functions\":[]}"))).isNull();
        assertThat(Responses.nextToken((ObjectNode) JSON.readTree("{\"Buckets\":[],\"ContinuationToken\":\"c\"}"))).isEqualTo("c");
        assertThat(Responses.nextToken((ObjectNode) JSON.readTree("{\"Keys\":[],\"Truncated\":false,\"NextMarker\":\"n\"}"))).isNull();
    }

    @Test
    void selectAndScrubFollowPaths() throws Exception {
        JsonNode r = JSON.readTree("""
                {"Functions":[{"Environment":{"Variables":{"A":"AKIA2JQ7ZK4IMPERVAQZ","B":"plain"}}},{"Environment":{}}],
                 "Reservations":[{"Instances":[1,2]},{"Instances":[3]}]}""");
        assertThat(AccountRun.count(r, "Reservations[].Instances[]")).isEqualTo(3);
        assertThat(AccountRun.count(r, "Functions[]")).isEqualTo(2);
        AccountRun.scrub(r, "Functions[].Environment.Variables.*", "k".repeat(32).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String a = r.path("Functions").path(0).path("Environment").path("Variables").path("A").asText();
        assertThat(a).startsWith("[breachpath-scrubbed v1 hmac=").contains("found=access-key-id:AKIA…VAQZ:").doesNotContain("AKIA2J");
        assertThat(r.path("Functions").path(0).path("Environment").path("Variables").path("B").asText()).doesNotContain("plain")
                .doesNotContain("found=");
    }

    @Test
    void listsOfTextsAreScrubbedElementByElement() throws Exception {
        JsonNode r = JSON.readTree("{\"taskDefinition\":{\"containerDefinitions\":[{\"command\":[\"sh\",\"-c\",\"export K=AKIA2JQ7ZK4IMPERVAQZ\"],"
                + "\"image\":\"nginx\"}]}}");
        AccountRun.scrub(r, "taskDefinition.containerDefinitions[].command[]", new byte[32]);
        JsonNode command = r.path("taskDefinition").path("containerDefinitions").path(0).path("command");
        assertThat(command).hasSize(3);
        assertThat(command.path(2).asText()).contains("found=access-key-id:AKIA…VAQZ:");
        assertThat(r.path("taskDefinition").path("containerDefinitions").path(0).path("image").asText()).isEqualTo("nginx");
    }

    @Test
    void fileNamesAreSafeAndNeverMeet() {
        assertThat(Snapshot.fileName("customer-exports")).isEqualTo("customer-exports");
        assertThat(Snapshot.fileName("Users")).isNotEqualTo(Snapshot.fileName("users")).startsWith("Users-");
        assertThat(Snapshot.fileName("con")).startsWith("con-");
        assertThat(AccountRun.regionOf("")).isEqualTo("us-east-1");
        assertThat(AccountRun.regionOf("EU")).isEqualTo("eu-west-1");
        assertThat(AccountRun.regionOf("ap-south-1")).isEqualTo("ap-south-1");
        String arn = Snapshot.fileName("arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/web/0123");
        assertThat(arn).matches("[A-Za-z0-9._-]+-[0-9a-f]{8}");
        assertThat(Snapshot.fileName("a/b")).isNotEqualTo(Snapshot.fileName("a:b"));
        assertThat(Snapshot.fileName("..")).doesNotStartWith(".");
    }
}
