package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** A subnet: its VPC, CIDR blocks, zone and whether it gives instances public addresses. */
final class SubnetMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.Subnet;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_subnet", "aws_default_subnet", "data.aws_subnet");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        Links.byId(r, out, BP.vpc, BP.Vpc, "vpc_id");
        out.string(BP.cidrBlock, r.value("cidr_block"));
        if (r.value("ipv6_cidr_block").isKnown()) {
            out.string(BP.cidrBlock, r.value("ipv6_cidr_block"));
        }
        out.string(BP.availabilityZone, r.value("availability_zone"));
        out.bool(BP.mapPublicIpOnLaunch, r.value("map_public_ip_on_launch"));
        if (r.type().equals("aws_default_subnet")) {
            out.bool(BP.isDefault, true);
        } else {
            out.bool(BP.isDefault, r.value("default_for_az"));
        }
    }
}
