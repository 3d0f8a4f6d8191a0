package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import dev.breachpath.resource.Value;
import java.util.List;

/** The destination and target of a route, inline or a resource: their attributes are the same. */
final class Routes {
    private static final List<String> DESTINATIONS = List.of(
            "cidr_block", "destination_cidr_block", "ipv6_cidr_block", "destination_ipv6_cidr_block",
            "destination_prefix_list_id");
    private static final List<String> TARGETS = List.of(
            "gateway_id", "nat_gateway_id", "egress_only_gateway_id", "transit_gateway_id",
            "vpc_peering_connection_id", "network_interface_id", "vpc_endpoint_id", "local_gateway_id",
            "carrier_gateway_id", "core_network_arn", "instance_id");

    private Routes() {}

    static void write(TerraformResource r, Facts route, AttrPath at) {
        boolean anyDestination = false;
        boolean unknownDestination = false;
        for (String attribute : DESTINATIONS) {
            Value v = r.value(at.then(attribute));
            if (v.isKnown() && !v.text().orElse("").isEmpty()) {
                route.string(BP.destination, v);
                anyDestination = true;
            }
            unknownDestination |= v.isUnknown();
        }
        if (!anyDestination && unknownDestination) {
            route.link(BP.destination, BP.Unknown);
        }
        boolean anyTarget = false;
        boolean unknownTarget = false;
        for (String attribute : TARGETS) {
            AttrPath path = at.then(attribute);
            Targets t = r.targets(path, BP.Resource, false);
            if (!t.nodes().isEmpty()) {
                route.link(BP.routeTarget, t, path);
                anyTarget = true;
            }
            unknownTarget |= t.unknown();
        }
        if (!anyTarget && unknownTarget) {
            route.link(BP.routeTarget, BP.Unknown);
        }
    }
}
