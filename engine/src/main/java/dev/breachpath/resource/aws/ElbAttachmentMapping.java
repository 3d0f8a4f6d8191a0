package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** Registers an instance with a classic load balancer. */
final class ElbAttachmentMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.Association;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_elb_attachment");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        Targets balancers = Links.byName(r, out, BP.loadBalancer, BP.LoadBalancer, "elb");
        Targets instances = Links.byId(r, out, BP.target, BP.Ec2Instance, "instance");
        Links.pairs(balancers, instances, out, BP.target);
    }
}
