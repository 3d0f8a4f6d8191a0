package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** A network interface: subnet, security groups and the instance it is attached to. */
final class NetworkInterfaceMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.NetworkInterface;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_network_interface");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        Links.byId(r, out, BP.subnet, BP.Subnet, "subnet_id");
        Links.allById(r, out, BP.securityGroup, BP.SecurityGroup, "security_groups");
        out.strings(BP.privateIp, r.value("private_ips"));
        int attachments = r.blocks(AttrPath.of("attachment"));
        for (int i = 0; i < attachments; i++) {
            Targets instance = r.targets(AttrPath.of("attachment", i, "instance"), BP.Ec2Instance, false);
            if (!instance.isEmpty()) {
                out.link(BP.instance, instance, AttrPath.of("attachment", i, "instance"));
            }
        }
    }
}
