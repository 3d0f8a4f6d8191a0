package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** An IAM group. */
final class IamGroupMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.IamGroup;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_iam_group", "data.aws_iam_group");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        out.string(BP.name, r.value("name"));
        out.string(BP.path, r.value("path"));
    }
}
