package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** Attaches a network interface to an instance. */
final class NetworkInterfaceAttachmentMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.Association;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_network_interface_attachment");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        Targets interfaces = Links.byId(r, out, BP.networkInterface, BP.NetworkInterface, "network_interface_id");
        Targets instances = Links.byId(r, out, BP.instance, BP.Ec2Instance, "instance_id");
        Links.pairs(interfaces, instances, out, BP.instance);
    }
}
