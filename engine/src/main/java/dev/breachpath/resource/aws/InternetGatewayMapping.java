package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** An internet gateway and the VPC it is attached to. */
final class InternetGatewayMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.InternetGateway;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_internet_gateway", "data.aws_internet_gateway");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        Links.byId(r, out, BP.vpc, BP.Vpc, "vpc_id");
    }
}
