package dev.breachpath.resource.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.breachpath.graph.BP;
import dev.breachpath.graph.Ontology;
import dev.breachpath.resource.ResourceMapping;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every mapping class is registered, and registrations are sound. */
class AwsMappingsTest {
    private final AwsMappings mappings = AwsMappings.standard();

    @Test
    void everyMappingClassIsRegistered() {
        Set<String> classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.breachpath.resource.aws").stream()
                .filter(c -> c.isAssignableTo(ResourceMapping.class) && !c.isInterface())
                .map(JavaClass::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> registered = mappings.all().stream().map(m -> m.getClass().getSimpleName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(registered).isEqualTo(classes);
    }

    @Test
    void everyKindIsAClassOfTheVocabulary() {
        for (ResourceMapping m : mappings.all()) {
            assertThat(Ontology.get().classAndSuperClasses(m.kind())).as(m.getClass().getSimpleName()).contains(BP.Resource);
        }
    }

    @Test
    void everyTypeTheIssueListsIsModelled() {
        assertThat(mappings.terraformTypes()).contains(
                "aws_instance", "aws_launch_template", "aws_autoscaling_group", "aws_security_group",
                "aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc", "aws_subnet",
                "aws_route_table", "aws_route", "aws_route_table_association", "aws_main_route_table_association",
                "aws_internet_gateway", "aws_nat_gateway", "aws_eip", "aws_eip_association", "aws_network_interface",
                "aws_lb", "aws_alb", "aws_elb", "aws_lb_listener", "aws_lb_target_group",
                "aws_lb_target_group_attachment", "aws_lambda_function", "aws_lambda_function_url",
                "aws_lambda_permission", "aws_iam_user", "aws_iam_group", "aws_iam_group_membership",
                "aws_iam_user_group_membership", "aws_iam_role", "aws_iam_instance_profile", "aws_iam_access_key",
                "aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy",
                "aws_iam_role_policy_attachment", "aws_iam_user_policy_attachment", "aws_iam_group_policy_attachment",
                "aws_iam_policy_attachment", "data.aws_iam_policy_document", "data.aws_caller_identity",
                "aws_db_instance", "aws_rds_cluster", "aws_db_snapshot", "aws_db_cluster_snapshot", "aws_s3_bucket",
                "aws_s3_bucket_policy", "aws_s3_bucket_public_access_block", "aws_s3_bucket_acl",
                "aws_dynamodb_table", "aws_secretsmanager_secret", "aws_kms_key", "aws_ecs_task_definition");
    }
}
