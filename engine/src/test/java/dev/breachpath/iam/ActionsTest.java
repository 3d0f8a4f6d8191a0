package dev.breachpath.iam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ActionsTest {
    @Test
    void theCatalogueKnowsEveryServiceAndReadsWithoutCase() {
        assertThat(Actions.size()).isGreaterThan(20_000);
        assertThat(Actions.get("RDS:copydbsnapshot")).hasValueSatisfying(a -> {
            assertThat(a.action()).isEqualTo("rds:CopyDBSnapshot");
            assertThat(a.level()).isEqualTo("Write");
            assertThat(a.resourceTypes()).contains("snapshot");
        });
        assertThat(Actions.get("iam:PutRolePolicy").get().level()).isEqualTo("Permissions management");
        assertThat(Actions.get("breachpath:Nothing")).isEmpty();
    }

    @Test
    void anActionWithoutResourcesIsAskedAgainstStar() {
        assertThat(Actions.get("s3:ListAllMyBuckets").get().wildcardOnly()).isTrue();
        assertThat(Actions.authorizedResource("s3:ListAllMyBuckets", "arn:aws:s3:::b")).isEqualTo("*");
        assertThat(Actions.authorizedResource("s3:GetObject", "arn:aws:s3:::b/k")).isEqualTo("arn:aws:s3:::b/k");
        assertThat(Actions.authorizedResource("made:Up", "arn:aws:s3:::b")).isEqualTo("arn:aws:s3:::b");
    }

    @Test
    void aResourceOfAnotherTypeIsAMisfit() {
        assertThat(Actions.misfit("s3:GetObject", "arn:aws:s3:::b/k")).isEmpty();
        assertThat(Actions.misfit("s3:GetObject", "arn:aws:s3:::b")).hasValueSatisfying(formats ->
                assertThat(formats).contains("arn:${Partition}:s3:::${BucketName}/${ObjectName}"));
        assertThat(Actions.misfit("rds:CopyDBSnapshot", "arn:aws:rds:eu-west-1:111122223333:snapshot:nightly")).isEmpty();
        assertThat(Actions.misfit("rds:CopyDBSnapshot", "arn:aws:rds:eu-west-1:111122223333:db:main")).isPresent();
        assertThat(Actions.misfit("s3:ListAllMyBuckets", "arn:aws:s3:::b")).as("takes no resource: nothing to misfit").isEmpty();
    }

    @Test
    void everyAwsManagedPolicyParses() {
        assertThat(ManagedPolicies.size()).isGreaterThan(1_000);
        assertThat(ManagedPolicies.byArn("arn:aws:iam::aws:policy/AdministratorAccess")).hasValueSatisfying(doc ->
                assertThat(Evaluator.decide(doc.statements(), "anything:AtAll", "*").match()).isEqualTo(Match.YES));
        assertThat(ManagedPolicies.byArn("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")).isPresent();
        assertThat(ManagedPolicies.byArn("arn:aws:iam::aws:policy/NoSuchPolicy")).isEmpty();
    }
}
