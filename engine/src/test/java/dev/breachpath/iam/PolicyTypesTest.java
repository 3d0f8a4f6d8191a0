package dev.breachpath.iam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Principal forms and policy types the shared decision vectors do not exercise. */
class PolicyTypesTest {
    private static final String BUCKET_POLICY_FOR_EVERYONE = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
             "Resource": "arn:aws:s3:::site/*"}]}""";

    private static Evaluation decide(String principal, String action, String resource, String policies) throws Exception {
        String json = """
                [{"id": "t", "request": {"principal": %s, "action": "%s", "resource": "%s", "resourceAccount": "111122223333"},
                  "policies": %s}]""".formatted(principal, action, resource, policies);
        return DecisionCase.readAll(new ObjectMapper().readTree(json)).get(0).evaluate();
    }

    @Test
    void anAnonymousCallerHasOnlyWhatAResourcePolicyGivesEveryone() throws Exception {
        String anonymous = "{\"type\": \"Anonymous\"}";
        assertThat(decide(anonymous, "s3:GetObject", "arn:aws:s3:::site/index.html",
                "{\"identity\": [], \"resource\": " + BUCKET_POLICY_FOR_EVERYONE + "}").decision()).isEqualTo(Evaluation.Decision.ALLOW);
        assertThat(decide(anonymous, "s3:PutObject", "arn:aws:s3:::site/index.html",
                "{\"identity\": [], \"resource\": " + BUCKET_POLICY_FOR_EVERYONE + "}").decision()).isEqualTo(Evaluation.Decision.DENY);
        assertThat(decide(anonymous, "s3:GetObject", "arn:aws:s3:::site/index.html", "{\"identity\": []}").reason())
                .isEqualTo("no resource policy allows an anonymous caller");
    }

    @Test
    void aServiceIsNamedByItsServicePrincipal() throws Exception {
        String trust = "{\"identity\": [], \"resource\": {\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
                + " \"Principal\": {\"Service\": \"ec2.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}]}}";
        assertThat(decide("\"ec2.amazonaws.com\"", "sts:AssumeRole", "arn:aws:iam::111122223333:role/web", trust).decision())
                .isEqualTo(Evaluation.Decision.ALLOW);
        assertThat(decide("\"lambda.amazonaws.com\"", "sts:AssumeRole", "arn:aws:iam::111122223333:role/web", trust).decision())
                .isEqualTo(Evaluation.Decision.DENY);
    }

    @Test
    void aVpcEndpointPolicyMustAllowToo() throws Exception {
        String identity = "\"identity\": [{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}]}]";
        String endpoint = "\"vpcEndpoint\": [{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\","
                + " \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::site/*\"}]}]";
        String user = "\"arn:aws:iam::111122223333:user/ann\"";
        assertThat(decide(user, "s3:GetObject", "arn:aws:s3:::site/a", "{" + identity + ", " + endpoint + "}").decision())
                .isEqualTo(Evaluation.Decision.ALLOW);
        Evaluation put = decide(user, "s3:PutObject", "arn:aws:s3:::site/a", "{" + identity + ", " + endpoint + "}");
        assertThat(put.decision()).isEqualTo(Evaluation.Decision.DENY);
        assertThat(put.reason()).isEqualTo("the VPC endpoint policy does not allow it");
    }

    @Test
    void theRootUserNeedsNoIdentityPolicyButSCPsStillBind() throws Exception {
        String root = "\"arn:aws:iam::111122223333:root\"";
        assertThat(decide(root, "s3:DeleteBucket", "arn:aws:s3:::site", "{\"identity\": []}").decision()).isEqualTo(Evaluation.Decision.ALLOW);
        String scp = "{\"identity\": [], \"scp\": [{\"level\": \"r-root\", \"policies\": [{\"Version\": \"2012-10-17\", \"Statement\": ["
                + "{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}, {\"Effect\": \"Deny\", \"Action\": \"s3:Delete*\", \"Resource\": \"*\"}]}]}]}";
        assertThat(decide(root, "s3:DeleteBucket", "arn:aws:s3:::site", scp).detail()).isEqualTo(Evaluation.Detail.EXPLICITLY_DENIED);
    }

    @Test
    void aServiceLinkedRoleIsNotBoundBySCPs() throws Exception {
        String role = "\"arn:aws:iam::111122223333:role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport\"";
        String policies = "{\"identity\": [{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"support:*\", \"Resource\": \"*\"}]}],"
                + " \"scp\": [{\"level\": \"r-root\", \"policies\": [{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\"}]}]}]}";
        assertThat(decide(role, "support:DescribeCases", "*", policies).decision()).isEqualTo(Evaluation.Decision.ALLOW);
    }

    @Test
    void aFederatedUsersSessionWithoutASessionPolicyHasNothing() throws Exception {
        String federated = "\"arn:aws:sts::111122223333:federated-user/bob\"";
        String identity = "{\"identity\": [{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}]}]}";
        Evaluation e = decide(federated, "s3:GetObject", "arn:aws:s3:::site/a", identity);
        assertThat(e.decision()).isEqualTo(Evaluation.Decision.DENY);
        assertThat(e.reason()).isEqualTo("a federated user's session without a session policy allows nothing");
    }
}
