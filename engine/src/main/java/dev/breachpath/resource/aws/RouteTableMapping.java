package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** A route table with its inline routes; a default route table is its VPC's main table. */
final class RouteTableMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.RouteTable;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_route_table", "aws_default_route_table");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        Links.byId(r, out, BP.vpc, BP.Vpc, "vpc_id");
        if (r.type().equals("aws_default_route_table")) {
            out.bool(BP.isDefault, true);
            // default_route_table_id is the VPC's own attribute: the reference names the VPC.
            Targets vpc = r.references(AttrPath.of("default_route_table_id"), BP.Vpc);
            Links.reverse(vpc, out, BP.mainRouteTable, out.node());
            if (vpc.nodes().isEmpty()) {
                Links.reverse(r.targets(AttrPath.of("vpc_id"), BP.Vpc, false), out, BP.mainRouteTable, out.node());
            }
        }
        int routes = r.blocks(AttrPath.of("route"));
        for (int i = 0; i < routes; i++) {
            Facts route = out.part(BP.route, "route-" + i, BP.Route);
            route.link(BP.routeTable, out.node());
            Routes.write(r, route, AttrPath.of("route", i));
        }
    }
}
