package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** A VPC, and its main route table when the id is known. */
final class VpcMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.Vpc;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_vpc", "aws_default_vpc", "data.aws_vpc");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        out.string(BP.cidrBlock, r.value("cidr_block"));
        if (r.value("ipv6_cidr_block").isKnown()) {
            out.string(BP.cidrBlock, r.value("ipv6_cidr_block"));
        }
        if (r.type().equals("aws_default_vpc")) {
            out.bool(BP.isDefault, true);
        } else {
            out.bool(BP.isDefault, r.value("default"));
        }
        Targets main = r.targets(AttrPath.of("main_route_table_id"), BP.RouteTable, false);
        if (!main.nodes().isEmpty()) {
            out.link(BP.mainRouteTable, main, AttrPath.of("main_route_table_id"));
        }
    }
}
