package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** Adds a security group to a network interface. */
final class NetworkInterfaceSecurityGroupAttachmentMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.Association;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_network_interface_sg_attachment");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        Targets interfaces = Links.byId(r, out, BP.networkInterface, BP.NetworkInterface, "network_interface_id");
        Targets groups = Links.byId(r, out, BP.securityGroup, BP.SecurityGroup, "security_group_id");
        Links.pairs(interfaces, groups, out, BP.securityGroup);
    }
}
