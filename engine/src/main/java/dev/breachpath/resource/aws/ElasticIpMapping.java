package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** An Elastic IP address and the instance or interface it is attached to. */
final class ElasticIpMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.ElasticIp;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_eip");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        out.string(BP.publicIp, r.value("public_ip"));
        Targets instance = r.targets(AttrPath.of("instance"), BP.Ec2Instance, false);
        if (!instance.isEmpty()) {
            out.link(BP.instance, instance, AttrPath.of("instance"));
        }
        Targets eni = r.targets(AttrPath.of("network_interface"), BP.NetworkInterface, false);
        if (!eni.isEmpty() && !(eni.unknown() && !instance.nodes().isEmpty())) {
            out.link(BP.networkInterface, eni, AttrPath.of("network_interface"));
        }
    }
}
