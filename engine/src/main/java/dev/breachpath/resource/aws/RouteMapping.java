package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** A route resource: its table, destination and target. */
final class RouteMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.Route;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_route");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        Targets tables = Links.byId(r, out, BP.routeTable, BP.RouteTable, "route_table_id");
        Links.reverse(tables, out, BP.route, out.node());
        Routes.write(r, out, AttrPath.root());
    }
}
