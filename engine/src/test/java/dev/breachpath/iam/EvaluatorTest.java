package dev.breachpath.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    private static final String SNAPSHOT = "arn:aws:rds:eu-west-1:123456789012:snapshot:orders";

    private static Statement allow(List<String> actions, List<String> resources) {
        return new Statement(null, "Allow", actions, List.of(), resources, List.of(), List.of(), List.of(), null);
    }

    private static Statement deny(List<String> actions, List<String> resources) {
        return new Statement(null, "Deny", actions, List.of(), resources, List.of(), List.of(), List.of(), null);
    }

    @Test
    void actionsMatchWithoutCaseAndTheColonIsLiteral() {
        assertThat(Arns.actionMatches("RDS:copydb*", "rds:CopyDBSnapshot")).isTrue();
        assertThat(Arns.actionMatches("s3:*", "s3express:CreateSession")).isFalse();
        assertThat(Arns.actionMatches("s3:Get?bject", "s3:GetObject")).isTrue();
        assertThat(Arns.actionMatches("*", "kms:Decrypt")).isTrue();
    }

    @Test
    void resourcesMatchBySegmentAndTheResourcePartKeepsCase() {
        assertThat(Arns.matches("arn:aws:rds:*:123456789012:snapshot:*", SNAPSHOT)).isEqualTo(Match.YES);
        assertThat(Arns.matches("arn:aws:rds:EU-WEST-1:123456789012:snapshot:orders", SNAPSHOT)).isEqualTo(Match.YES);
        assertThat(Arns.matches("arn:aws:rds:eu-west-1:123456789012:snapshot:Orders", SNAPSHOT)).isEqualTo(Match.NO);
        assertThat(Arns.matches("arn:aws:rds:eu-west-1:210987654321:snapshot:orders", SNAPSHOT)).isEqualTo(Match.NO);
        assertThat(Arns.matches("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a/b/c")).isEqualTo(Match.YES);
        assertThat(Arns.matches("arn:aws:s3:::bucket", "arn:aws:s3:::bucket/key")).isEqualTo(Match.NO);
    }

    @Test
    void anUnknownAccountMatchesOnlyPossibly() {
        String arn = "arn:aws:rds:eu-west-1:" + Arns.UNKNOWN + ":snapshot:orders";
        assertThat(Arns.matches("arn:aws:rds:eu-west-1:123456789012:snapshot:orders", arn)).isEqualTo(Match.MAYBE);
        assertThat(Arns.matches("arn:aws:rds:eu-west-1:*:snapshot:orders", arn)).isEqualTo(Match.YES);
        assertThat(Arns.matches("arn:aws:rds:eu-west-1:*:snapshot:other", arn)).isEqualTo(Match.NO);
    }

    @Test
    void anExplicitDenyWins() {
        var d = Evaluator.decide(List.of(allow(List.of("rds:*"), List.of("*")), deny(List.of("rds:Copy*"), List.of(SNAPSHOT))),
                "rds:CopyDBSnapshot", SNAPSHOT);
        assertThat(d.match()).isEqualTo(Match.NO);
        assertThat(d.grants()).isEmpty();
        assertThat(Evaluator.decide(List.of(allow(List.of("rds:*"), List.of("*"))), "rds:CopyDBSnapshot", SNAPSHOT).match())
                .isEqualTo(Match.YES);
    }

    @Test
    void nothingAllowedIsDenied() {
        assertThat(Evaluator.decide(List.of(), "s3:GetObject", "arn:aws:s3:::b/*").match()).isEqualTo(Match.NO);
        assertThat(Evaluator.decide(List.of(allow(List.of("s3:GetObject"), List.of("arn:aws:s3:::other/*"))),
                "s3:GetObject", "arn:aws:s3:::b/*").match()).isEqualTo(Match.NO);
    }

    @Test
    void notActionAndNotResourceInvert() {
        Statement notIam = new Statement(null, "Allow", List.of(), List.of("iam:*"), List.of("*"), List.of(), List.of(), List.of(), null);
        assertThat(Evaluator.decide(List.of(notIam), "s3:GetObject", "arn:aws:s3:::b/*").match()).isEqualTo(Match.YES);
        assertThat(Evaluator.decide(List.of(notIam), "iam:CreateUser", "*").match()).isEqualTo(Match.NO);
        Statement notB = new Statement(null, "Allow", List.of("s3:*"), List.of(), List.of(), List.of("arn:aws:s3:::b*"),
                List.of(), List.of(), null);
        assertThat(Evaluator.decide(List.of(notB), "s3:GetObject", "arn:aws:s3:::b/*").match()).isEqualTo(Match.NO);
        assertThat(Evaluator.decide(List.of(notB), "s3:GetObject", "arn:aws:s3:::c/*").match()).isEqualTo(Match.YES);
    }

    @Test
    void aConditionMakesAnAllowPossibleAndADenyNotCertain() throws Exception {
        var condition = new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"Bool\":{\"aws:SecureTransport\":\"true\"}}");
        Statement conditional = new Statement("C", "Allow", List.of("s3:GetObject"), List.of(), List.of("*"), List.of(),
                List.of(), List.of(), condition);
        assertThat(Evaluator.decide(List.of(conditional), "s3:GetObject", "arn:aws:s3:::b/*").match()).isEqualTo(Match.MAYBE);
        Statement conditionalDeny = new Statement("D", "Deny", List.of("s3:*"), List.of(), List.of("*"), List.of(),
                List.of(), List.of(), condition);
        assertThat(Evaluator.decide(List.of(allow(List.of("s3:*"), List.of("*")), conditionalDeny), "s3:GetObject", "arn:aws:s3:::b/*")
                .match()).isEqualTo(Match.MAYBE);
    }

    @Test
    void theManagedCatalogueKnowsAdministratorAccess() {
        var admin = ManagedPolicies.byArn("arn:aws:iam::aws:policy/AdministratorAccess").orElseThrow();
        assertThat(Evaluator.decide(admin.statements(), "rds:CopyDBSnapshot", SNAPSHOT).match()).isEqualTo(Match.YES);
        var power = ManagedPolicies.byArn("arn:aws:iam::aws:policy/PowerUserAccess").orElseThrow();
        assertThat(Evaluator.decide(power.statements(), "iam:CreateAccessKey", "arn:aws:iam::123456789012:user/x").match())
                .isEqualTo(Match.NO);
        assertThat(ManagedPolicies.byArn("arn:aws:iam::aws:policy/NoSuchPolicy")).isEmpty();
    }
}
