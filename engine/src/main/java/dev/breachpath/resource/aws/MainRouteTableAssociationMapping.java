package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** Makes a route table the main table of a VPC. */
final class MainRouteTableAssociationMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.Association;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_main_route_table_association");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        Targets vpcs = Links.byId(r, out, BP.vpc, BP.Vpc, "vpc_id");
        Targets tables = Links.byId(r, out, BP.routeTable, BP.RouteTable, "route_table_id");
        Links.pairs(vpcs, tables, out, BP.mainRouteTable);
        for (Node table : tables.nodes()) {
            out.on(table).bool(BP.isDefault, true);
        }
    }
}
