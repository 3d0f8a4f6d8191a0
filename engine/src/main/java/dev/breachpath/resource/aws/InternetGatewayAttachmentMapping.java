package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** Attaches an internet gateway to a VPC. */
final class InternetGatewayAttachmentMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.Association;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_internet_gateway_attachment");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        Targets gateways = Links.byId(r, out, BP.associates, BP.InternetGateway, "internet_gateway_id");
        Targets vpcs = Links.byId(r, out, BP.vpc, BP.Vpc, "vpc_id");
        Links.pairs(gateways, vpcs, out, BP.vpc);
    }
}
