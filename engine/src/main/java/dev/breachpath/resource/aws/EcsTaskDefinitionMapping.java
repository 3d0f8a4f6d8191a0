package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** An ECS task definition: the roles its containers run as. */
final class EcsTaskDefinitionMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.EcsTaskDefinition;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_ecs_task_definition", "data.aws_ecs_task_definition");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        out.string(BP.name, r.value("family"));
        Embedded.scan(r, out, AttrPath.of("container_definitions"));
        var task = r.value("task_role_arn");
        if (!task.isAbsent() && !task.text().orElse("x").isEmpty()) {
            Links.byName(r, out, BP.taskRole, BP.IamRole, "task_role_arn");
        }
        var execution = r.value("execution_role_arn");
        if (!execution.isAbsent() && !execution.text().orElse("x").isEmpty()) {
            Links.byName(r, out, BP.executionRole, BP.IamRole, "execution_role_arn");
        }
    }
}
