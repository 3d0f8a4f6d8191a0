package dev.breachpath.derive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breachpath.Breachpath;
import dev.breachpath.TestPaths;
import dev.breachpath.graph.BP;
import dev.breachpath.graph.FactGraph;
import dev.breachpath.graph.Iris;
import dev.breachpath.load.Stage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data access on variations of the Capital One plan: what a role's statement must say to reach the bucket. */
class AccessTest {
    private static final Node ROLE = Iris.terraform("aws_iam_role.waf");
    private static final Node BUCKET = Iris.terraform("aws_s3_bucket.applications");

    private static FactGraph derived(Path dir, String from, String to) throws Exception {
        String plan = Files.readString(TestPaths.fixtures().resolve("terraform/capital-one/plan.json"));
        assertThat(plan).contains(from);
        return derive(dir, plan.replace(from, to));
    }

    @Test
    void readingSomeObjectsIsReadingTheBucket(@TempDir Path dir) throws Exception {
        FactGraph g = derived(dir, "\\\"arn:aws:s3:::acme-customer-applications\\\",\\\"arn:aws:s3:::acme-customer-applications/*\\\"",
                "\\\"arn:aws:s3:::acme-customer-applications/exports/*\\\"");
        assertThat(g.contains(ROLE, BP.canAccess, BUCKET)).isTrue();
    }

    @Test
    void anotherBucketIsNotThisOne(@TempDir Path dir) throws Exception {
        FactGraph g = derived(dir, "arn:aws:s3:::acme-customer-applications", "arn:aws:s3:::acme-customer-applications-archive");
        assertThat(g.contains(ROLE, BP.canAccess, BUCKET)).isFalse();
    }

    @Test
    void aConditionMakesTheAccessPossible(@TempDir Path dir) throws Exception {
        FactGraph g = derived(dir, "\\\"Sid\\\":\\\"ReadApplications\\\",",
                "\\\"Sid\\\":\\\"ReadApplications\\\",\\\"Condition\\\":{\\\"IpAddress\\\":{\\\"aws:SourceIp\\\":\\\"10.0.0.0/8\\\"}},");
        assertThat(g.contains(ROLE, BP.canAccess, BUCKET)).isTrue();
        var witness = g.graph().find(ROLE, BP.witness, Node.ANY).mapWith(t -> t.getObject())
                .filterKeep(w -> g.contains(w, BP.to, BUCKET)).next();
        assertThat(g.contains(witness, BP.certainty, FactGraph.stringLiteral("possible"))).isTrue();
    }

    @Test
    void aStolenKeyCarriesNoMfaSoAnMfaConditionBlocksIt(@TempDir Path dir) throws Exception {
        FactGraph g = derived(dir, "\\\"Sid\\\":\\\"ReadApplications\\\",",
                "\\\"Sid\\\":\\\"ReadApplications\\\",\\\"Condition\\\":{\\\"Bool\\\":{\\\"aws:MultiFactorAuthPresent\\\":\\\"true\\\"}},");
        assertThat(g.contains(ROLE, BP.canAccess, BUCKET)).isFalse();
    }

    @Test
    void aBucketPolicyThatNamesTheRoleGrantsWithoutAnIdentityPolicy(@TempDir Path dir) throws Exception {
        String policy = """
                {"Version":"2012-10-17","Statement":[{"Sid":"WafReads","Effect":"Allow",\
                "Principal":{"AWS":"arn:aws:iam::123456789012:role/waf-role"},"Action":"s3:GetObject",\
                "Resource":"arn:aws:s3:::acme-customer-applications/*"}]}""";
        String noIdentityGrant = Files.readString(TestPaths.fixtures().resolve("terraform/capital-one/plan.json"))
                .replace("\\\"s3:GetObject\\\",\\\"s3:ListBucket\\\"", "\\\"ec2:DescribeTags\\\"");
        assertThat(derive(dir, noIdentityGrant).contains(ROLE, BP.canAccess, BUCKET)).as("neither policy allows").isFalse();
        String withPolicy = edit(noIdentityGrant, "aws_s3_bucket.applications", values -> values.put("policy", policy));
        assertThat(derive(dir, withPolicy).contains(ROLE, BP.canAccess, BUCKET)).as("the bucket policy allows").isTrue();
    }

    @Test
    void aKeyPolicyMustAllowAndAKeyWithoutOneDelegatesToIam(@TempDir Path dir) throws Exception {
        String plan = Files.readString(TestPaths.fixtures().resolve("terraform/kinds/plan.json"))
                .replace("\\\"Action\\\":[\\\"s3:GetObject\\\",\\\"s3:ListBucket\\\"]", "\\\"Action\\\":[\\\"s3:GetObject\\\",\\\"kms:Decrypt\\\"]")
                .replace("\\\"Resource\\\":[\\\"arn:aws:s3:::assets-123456789012\\\",", "\\\"Resource\\\":[\\\"*\\\",");
        Node alice = Iris.terraform("aws_iam_user.alice");
        Node key = Iris.terraform("aws_kms_key.data");
        assertThat(derive(dir, plan).contains(alice, BP.canAccess, key)).as("the key policy delegates to the account").isTrue();
        String otherAccount = plan.replace("\\\"AWS\\\":\\\"arn:aws:iam::123456789012:root\\\"},\\\"Action\\\":\\\"kms:*\\\"",
                "\\\"AWS\\\":\\\"arn:aws:iam::999999999999:root\\\"},\\\"Action\\\":\\\"kms:*\\\"");
        assertThat(otherAccount).isNotEqualTo(plan);
        assertThat(derive(dir, otherAccount).contains(alice, BP.canAccess, key)).as("the key policy trusts another account").isFalse();
        String noPolicy = edit(otherAccount, "aws_kms_key.data", values -> values.remove("policy"));
        assertThat(derive(dir, noPolicy).contains(alice, BP.canAccess, key)).as("no key policy: the default delegates").isTrue();
    }

    /** The plan with the values of one resource changed wherever the plan holds them (planned, prior, the change). */
    private static String edit(String plan, String address, java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> change)
            throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var root = json.readTree(plan);
        java.util.List<com.fasterxml.jackson.databind.JsonNode> all = new java.util.ArrayList<>();
        root.findParents("address").forEach(all::add);
        for (var r : all) {
            if (!address.equals(r.path("address").asText())) {
                continue;
            }
            if (r.get("values") instanceof com.fasterxml.jackson.databind.node.ObjectNode values) {
                change.accept(values);
            }
            if (r.path("change").get("after") instanceof com.fasterxml.jackson.databind.node.ObjectNode after) {
                change.accept(after);
                if (r.path("change").get("after_unknown") instanceof com.fasterxml.jackson.databind.node.ObjectNode unknown) {
                    after.fieldNames().forEachRemaining(unknown::remove);
                    unknown.remove("policy"); // the one attribute these tests set or remove
                }
            }
        }
        return json.writeValueAsString(root);
    }

    private static FactGraph derive(Path dir, String plan) throws Exception {
        Path file = dir.resolve("variant.json");
        Files.writeString(file, plan);
        FactGraph graph = Breachpath.load(List.of(file.toString())).graph(Stage.AFTER);
        Breachpath.derive(graph, Classification.defaults());
        return graph;
    }
}
