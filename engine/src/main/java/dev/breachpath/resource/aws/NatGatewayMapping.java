package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** A NAT gateway: outbound only, so it never exposes what routes through it. */
final class NatGatewayMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.NatGateway;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_nat_gateway");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        Links.byId(r, out, BP.subnet, BP.Subnet, "subnet_id");
        out.string(BP.natGatewayConnectivity, r.value("connectivity_type"));
        out.string(BP.publicIp, r.value("public_ip"));
        out.string(BP.privateIp, r.value("private_ip"));
    }
}
