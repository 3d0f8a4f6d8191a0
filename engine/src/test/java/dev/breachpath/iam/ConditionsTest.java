package dev.breachpath.iam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the decision vectors do not pin: unknown keys, residuals, escapes, defaults, odd values. */
class ConditionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Match eval(String block, RequestContext context, List<String> residual) throws Exception {
        JsonNode node = JSON.readTree(block);
        return Conditions.evaluate(node, context, true, residual);
    }

    @Test
    void anUnknownKeyMakesTheTestPossibleAndIsWrittenAsResidual() throws Exception {
        List<String> residual = new ArrayList<>();
        Match m = eval("{\"IpAddress\": {\"aws:SourceIp\": [\"10.0.0.0/8\", \"2001:db8::/32\"]}, \"Bool\": {\"aws:SecureTransport\": true}}",
                RequestContext.open().put("aws:SecureTransport", "true").build(), residual);
        assertThat(m).isEqualTo(Match.MAYBE);
        assertThat(residual).containsExactly("IpAddress aws:SourceIp [10.0.0.0/8, 2001:db8::/32]");
    }

    @Test
    void aKnownFalseTestDecidesEvenBesideAnUnknownOne() throws Exception {
        Match m = eval("{\"StringEquals\": {\"aws:SourceVpce\": \"vpce-1\"}, \"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}}",
                RequestContext.open().absent("aws:MultiFactorAuthPresent").build(), null);
        assertThat(m).isEqualTo(Match.NO);
    }

    @Test
    void theExternalIdIsNeverWrittenOut() throws Exception {
        List<String> residual = new ArrayList<>();
        eval("{\"StringEquals\": {\"sts:ExternalId\": \"s3cr3t-shared-id\"}}", RequestContext.open().build(), residual);
        assertThat(residual).containsExactly("StringEquals sts:ExternalId [value withheld]");
    }

    @Test
    void setOperatorsOnAbsentAndMultivaluedKeys() throws Exception {
        RequestContext none = RequestContext.strict().build();
        assertThat(eval("{\"ForAllValues:StringEquals\": {\"aws:TagKeys\": [\"a\"]}}", none, null)).isEqualTo(Match.YES);
        assertThat(eval("{\"ForAnyValue:StringEquals\": {\"aws:TagKeys\": [\"a\"]}}", none, null)).isEqualTo(Match.NO);
        RequestContext two = RequestContext.strict().put("aws:TagKeys", List.of("a", "b")).build();
        assertThat(eval("{\"ForAllValues:StringEquals\": {\"aws:TagKeys\": [\"a\", \"b\", \"c\"]}}", two, null)).isEqualTo(Match.YES);
        assertThat(eval("{\"ForAllValues:StringEquals\": {\"aws:TagKeys\": [\"a\"]}}", two, null)).isEqualTo(Match.NO);
        assertThat(eval("{\"StringEquals\": {\"aws:TagKeys\": \"a\"}}", two, null)).as("several values, no set operator").isEqualTo(Match.NO);
    }

    @Test
    void variablesWithDefaultsAndEscapesAreLiteral() throws Exception {
        RequestContext ctx = RequestContext.strict().put("s3:prefix", "home/*").put("aws:username", "ann").build();
        assertThat(eval("{\"StringLike\": {\"s3:prefix\": \"home/${*}\"}}", ctx, null)).as("${*} is a literal star").isEqualTo(Match.YES);
        assertThat(eval("{\"StringLike\": {\"s3:prefix\": \"home/${aws:username}\"}}",
                RequestContext.strict().put("s3:prefix", "home/x").put("aws:username", "*").build(), null))
                .as("a substituted star is not a wildcard").isEqualTo(Match.NO);
        assertThat(eval("{\"StringEquals\": {\"s3:prefix\": \"${aws:PrincipalTag/team, 'home/*'}\"}}", ctx, null)).isEqualTo(Match.YES);
        assertThat(eval("{\"StringEquals\": {\"s3:prefix\": \"${aws:PrincipalTag/team}\"}}", ctx, null))
                .as("a variable with no value matches nothing").isEqualTo(Match.NO);
    }

    @Test
    void datesNumbersAndAddressesInEveryWritingAwsAccepts() throws Exception {
        RequestContext ctx = RequestContext.strict().put("aws:CurrentTime", "2026-12-01T10:00:00Z").put("aws:EpochTime", "1764583200")
                .put("s3:max-keys", "10").put("aws:SourceIp", "2001:db8::7").build();
        assertThat(eval("{\"DateGreaterThan\": {\"aws:CurrentTime\": \"2026-12-01\"}}", ctx, null)).isEqualTo(Match.YES);
        assertThat(eval("{\"DateLessThan\": {\"aws:CurrentTime\": \"1796119201\"}}", ctx, null)).isEqualTo(Match.YES);
        assertThat(eval("{\"DateEquals\": {\"aws:EpochTime\": \"2025-12-01T10:00:00+00:00\"}}", ctx, null)).isEqualTo(Match.YES);
        assertThat(eval("{\"NumericLessThanEquals\": {\"s3:max-keys\": 10}}", ctx, null)).isEqualTo(Match.YES);
        assertThat(eval("{\"NumericLessThan\": {\"s3:max-keys\": \"ten\"}}", ctx, null)).isEqualTo(Match.NO);
        assertThat(eval("{\"IpAddress\": {\"aws:SourceIp\": \"2001:db8::/32\"}}", ctx, null)).isEqualTo(Match.YES);
        assertThat(eval("{\"NotIpAddress\": {\"aws:SourceIp\": \"example.com\"}}", ctx, null)).as("a name is never looked up").isEqualTo(Match.YES);
    }

    @Test
    void anOperatorIamDoesNotDefineIsUndecidedNeverIgnored() throws Exception {
        List<String> residual = new ArrayList<>();
        assertThat(eval("{\"StringSortOf\": {\"s3:prefix\": \"x\"}}", RequestContext.strict().build(), residual)).isEqualTo(Match.MAYBE);
        assertThat(residual).containsExactly("StringSortOf (an operator IAM does not define)");
    }

    @Test
    void principalsReadFromEveryArnForm() {
        assertThat(Principal.of("arn:aws:sts::111122223333:assumed-role/app/i-0abc").name()).isEqualTo("app");
        assertThat(Principal.of("arn:aws:sts::111122223333:assumed-role/app/i-0abc").path()).isNull();
        assertThat(Principal.of("arn:aws:iam::111122223333:role/aws-service-role/rds.amazonaws.com/AWSServiceRoleForRDS").isServiceLinked())
                .isTrue();
        assertThat(Principal.of("arn:aws:iam::111122223333:root").kind()).isEqualTo(Principal.Kind.ROOT);
        assertThat(Principal.of("lambda.amazonaws.com").kind()).isEqualTo(Principal.Kind.SERVICE);
        assertThat(Principal.of("arn:aws:iam::111122223333:user/ops/ann").principalArn()).isEqualTo("arn:aws:iam::111122223333:user/ops/ann");
    }
}
