package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** An instance profile and its role. */
final class InstanceProfileMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.InstanceProfile;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_iam_instance_profile", "data.aws_iam_instance_profile");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        out.string(BP.name, r.value("name"));
        out.string(BP.path, r.value("path"));
        var role = r.value("role");
        if (r.type().equals("aws_iam_instance_profile") || !role.isAbsent()) {
            Links.byName(r, out, BP.role, BP.IamRole, "role");
        } else {
            Links.byName(r, out, BP.role, BP.IamRole, "role_arn");
        }
    }
}
