package dev.breachpath.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The collector's operations against the policy docs/collect.md gives for it. */
class OpTest {
    @Test
    void theDocumentedPolicyAllowsEveryOperationAndNothingElse() {
        Set<String> needed = new TreeSet<>();
        for (Op op : Op.ALL) {
            if (op != Op.ASSUME_ROLE) {
                needed.add(op.action());
            }
            assertThat(DocumentedPolicy.allows(op.action())).as(op.name() + " needs " + op.action()).isTrue();
        }
        // least privilege: every action the page names is one the collector needs, written out, no wildcards
        assertThat(DocumentedPolicy.actions()).isEqualTo(needed);
    }

    @Test
    void everyOperationOnlyReads() {
        for (Op op : Op.ALL) {
            String verb = op.action().substring(op.action().indexOf(':') + 1);
            assertThat(verb).as(op.action()).matches("(Get|List|Describe)[A-Za-z]+|GenerateCredentialReport|AssumeRole");
        }
    }

    @Test
    void namesAreUniqueAndFileStemsReadable() {
        Set<String> names = new TreeSet<>();
        for (Op op : Op.ALL) {
            assertThat(names.add(op.name())).as(op.name()).isTrue();
        }
        assertThat(Op.DB_INSTANCES.stem()).isEqualTo("rds-describe-db-instances");
        assertThat(Op.AUTHORIZATION.stem()).isEqualTo("iam-get-account-authorization-details");
        assertThat(Op.PROFILE_ASSOCIATIONS.stem()).isEqualTo("ec2-describe-iam-instance-profile-associations");
        assertThat(Op.INSTANCES.listMember()).isEqualTo("Reservations");
        assertThat(Op.TASK_DEFINITIONS.listMember()).isEqualTo("taskDefinitionArns");
    }
}
