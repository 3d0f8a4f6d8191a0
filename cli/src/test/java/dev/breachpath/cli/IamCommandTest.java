package dev.breachpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IamCommandTest {
    private static final Path ROOT = Path.of(System.getProperty("breachpath.root", "..")).toAbsolutePath().normalize();
    private static final String IMPERVA = ROOT.resolve("fixtures/terraform/imperva/plan.json").toString();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void explainNamesTheStatementThatLetsTheImpervaKeysUserCopyTheSnapshot() {
        int code = run("iam", "explain", IMPERVA, "--principal", "aws_iam_user.migration", "--action", "rds:CopyDBSnapshot",
                "--resource", "aws_db_snapshot.migration_test");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("Allow (Allowed)").contains("aws_iam_user_policy.migration_snapshots, Sid Snapshots");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void explainAsksAboutTheObjectsOfABucketAndSaysWhenAnActionDoesNotFitTheResource() {
        String capitalOne = ROOT.resolve("fixtures/terraform/capital-one/plan.json").toString();
        assertThat(run("iam", "explain", capitalOne, "--principal", "aws_iam_role.waf", "--action", "s3:GetObject",
                "--resource", "aws_s3_bucket.applications")).isZero();
        assertThat(out.toString()).contains("Allow (Allowed)")
                .contains("asked for every object of the bucket (arn:aws:s3:::acme-customer-applications/*)");
        out.getBuffer().setLength(0);
        assertThat(run("iam", "explain", IMPERVA, "--principal", "aws_iam_user.migration", "--action", "rds:CopyDBSnapshot",
                "--resource", "aws_db_instance.customers")).isZero();
        assertThat(out.toString()).contains("rds:CopyDBSnapshot does not act on a resource like arn:aws:rds:eu-west-1:123456789012:db:customers");
    }

    @Test
    void explainSaysWhyNotAndAcceptsAnArn() throws IOException {
        int code = run("iam", "explain", IMPERVA, "--principal", "aws_iam_user.migration", "--action", "rds:DeleteDBInstance",
                "--resource", "aws_db_instance.customers", "--format", "json");
        assertThat(code).isZero();
        JsonNode answer = JSON.readTree(out.toString());
        assertThat(answer.get("decision").asText()).isEqualTo("Deny");
        assertThat(answer.get("detail").asText()).isEqualTo("ImplicitlyDenied");
        assertThat(answer.get("reason").asText()).startsWith("no identity policy allows rds:DeleteDBInstance");
        assertThat(answer.get("notes").get(0).asText()).startsWith("no service control policy applies that the inputs know of");
    }

    @Test
    void explainOfAnUnknownPrincipalIsOneLineAndExitTwo() {
        int code = run("iam", "explain", IMPERVA, "--principal", "aws_iam_user.nobody", "--action", "s3:GetObject", "--resource", "*");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("breachpath: --principal: no IAM user or role with that ARN or address in the inputs");
    }

    @Test
    void checkPrintsOneLinePerCaseWithConditionsWhenPossible(@TempDir Path dir) throws IOException {
        Path cases = dir.resolve("cases.json");
        Files.writeString(cases, """
                [{"id": "mfa", "mode": "possible",
                  "request": {"principal": "arn:aws:iam::111122223333:user/a", "action": "s3:GetObject",
                              "resource": "arn:aws:s3:::b/k", "resourceAccount": "111122223333"},
                  "policies": {"identity": [{"Version": "2012-10-17", "Statement": [{"Sid": "Mfa", "Effect": "Allow",
                      "Action": "s3:GetObject", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}]}]}},
                 {"id": "deny",
                  "request": {"principal": "arn:aws:iam::111122223333:user/a", "action": "s3:GetObject",
                              "resource": "arn:aws:s3:::b/k", "resourceAccount": "111122223333"},
                  "policies": {"identity": [{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
                      {"Sid": "No", "Effect": "Deny", "Action": "s3:Get*", "Resource": "arn:aws:s3:::b/*"}]}]}}]
                """);
        assertThat(run("iam", "check", cases.toString())).isZero();
        String[] lines = out.toString().strip().split("\n");
        assertThat(lines).hasSize(2);
        JsonNode possible = JSON.readTree(lines[0]);
        assertThat(possible.get("id").asText()).isEqualTo("mfa");
        assertThat(possible.get("decision").asText()).isEqualTo("Possible");
        assertThat(possible.get("conditions").get(0).asText()).isEqualTo("Bool aws:MultiFactorAuthPresent true");
        JsonNode denied = JSON.readTree(lines[1]);
        assertThat(denied.get("decision").asText()).isEqualTo("Deny");
        assertThat(denied.get("detail").asText()).isEqualTo("ExplicitlyDenied");
        assertThat(denied.get("reason").asText()).contains("Sid No");
    }

    @Test
    void checkOfABrokenFileIsOneLineWithItsPlaceAndNoInput(@TempDir Path dir) throws IOException {
        Path cases = dir.resolve("broken.json");
        Files.writeString(cases, "[{\"id\": \"x\", \"request\": {\"principal\": \"AKIAIOSFODNN7EXAMPLE\"}}, ");
        assertThat(run("iam", "check", cases.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("breachpath: " + cases + ": line 1, column").doesNotContain("AKIA");
        err.getBuffer().setLength(0);
        Files.writeString(cases, "[{\"id\": \"x\", \"request\": {\"principal\": \"AKIAIOSFODNN7EXAMPLE\", \"action\": \"s3:x\"}}]");
        assertThat(run("iam", "check", cases.toString())).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("breachpath: " + cases
                + ": case 0 (x): request.principal: a principal is an IAM or STS ARN or a service name");
    }
}
