package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** A statement of a Lambda function's resource policy. */
final class LambdaPermissionMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.LambdaPermission;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_lambda_permission");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        Links.byName(r, out, BP.function, BP.LambdaFunction, "function_name");
        out.string(BP.permissionAction, r.value("action"));
        out.string(BP.permissionPrincipal, r.value("principal"));
        out.string(BP.sourceArn, r.value("source_arn"));
        out.string(BP.sourceAccount, r.value("source_account"));
    }
}
