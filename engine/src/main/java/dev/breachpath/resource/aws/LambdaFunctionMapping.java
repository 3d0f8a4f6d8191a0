package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** A Lambda function: its execution role, network placement and key. */
final class LambdaFunctionMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.LambdaFunction;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_lambda_function", "data.aws_lambda_function");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        out.string(BP.name, r.value("function_name"));
        Links.byName(r, out, BP.role, BP.IamRole, "role");
        if (r.size(AttrPath.of("vpc_config")) > 0 || r.value("vpc_config").isUnknown()) {
            Links.allById(r, out, BP.subnet, BP.Subnet, "vpc_config", 0, "subnet_ids");
            Links.allById(r, out, BP.securityGroup, BP.SecurityGroup, "vpc_config", 0, "security_group_ids");
        }
        Embedded.scan(r, out, AttrPath.of("environment", 0, "variables"));
        var key = r.value("kms_key_arn");
        if (!key.isAbsent() && !key.text().orElse("x").isEmpty()) {
            Links.byName(r, out, BP.kmsKey, BP.KmsKey, "kms_key_arn");
        }
    }
}
