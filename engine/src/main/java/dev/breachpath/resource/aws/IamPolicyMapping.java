package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** A managed policy and its document. */
final class IamPolicyMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.IamPolicy;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_iam_policy", "data.aws_iam_policy");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        out.string(BP.name, r.value("name"));
        out.string(BP.path, r.value("path"));
        r.value("arn").text().ifPresent(arn -> out.bool(BP.awsManaged, PolicyFacts.isAwsManaged(arn)));
        PolicyFacts.document(r, out, "policy");
    }
}
