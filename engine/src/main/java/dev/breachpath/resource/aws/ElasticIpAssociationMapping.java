package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** Attaches an Elastic IP to an instance or interface. */
final class ElasticIpAssociationMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.Association;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_eip_association");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        Targets eips = Links.byId(r, out, BP.associates, BP.ElasticIp, "allocation_id");
        if (eips.nodes().isEmpty() && r.value("public_ip").isKnown()) {
            eips = Links.byId(r, out, BP.associates, BP.ElasticIp, "public_ip");
        }
        Targets instances = r.targets(AttrPath.of("instance_id"), BP.Ec2Instance, false);
        if (!instances.isEmpty()) {
            out.link(BP.instance, instances, AttrPath.of("instance_id"));
            Links.pairs(eips, instances, out, BP.instance);
        }
        Targets interfaces = r.targets(AttrPath.of("network_interface_id"), BP.NetworkInterface, false);
        if (!interfaces.nodes().isEmpty()) {
            out.link(BP.networkInterface, interfaces, AttrPath.of("network_interface_id"));
            Links.pairs(eips, interfaces, out, BP.networkInterface);
        }
    }
}
