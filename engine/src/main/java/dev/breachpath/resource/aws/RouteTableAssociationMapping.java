package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** Associates a subnet with a route table: written as the subnet's bp:routeTable. */
final class RouteTableAssociationMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.Association;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_route_table_association");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        Targets subnets = Links.byId(r, out, BP.subnet, BP.Subnet, "subnet_id");
        Targets tables = Links.byId(r, out, BP.routeTable, BP.RouteTable, "route_table_id");
        Links.pairs(subnets, tables, out, BP.routeTable);
    }
}
