package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** A load balancer; for a classic one, its listeners and instances too. */
final class LoadBalancerMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.LoadBalancer;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_lb", "aws_alb", "aws_elb", "data.aws_lb");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        out.string(BP.name, r.value("name"));
        var internal = r.value("internal");
        if (internal.isUnknown()) {
            out.link(BP.internetFacing, BP.Unknown);
        } else {
            // Absent means the default: internet-facing.
            out.bool(BP.internetFacing, !internal.bool().orElse(false));
        }
        Links.allById(r, out, BP.securityGroup, BP.SecurityGroup, "security_groups");
        Links.allById(r, out, BP.subnet, BP.Subnet, "subnets");
        int mappings = r.blocks(AttrPath.of("subnet_mapping"));
        for (int i = 0; i < mappings; i++) {
            Links.byId(r, out, BP.subnet, BP.Subnet, "subnet_mapping", i, "subnet_id");
        }
        if (r.type().equals("aws_elb")) {
            out.string(BP.loadBalancerType, "classic");
            int listeners = r.blocks(AttrPath.of("listener"));
            for (int i = 0; i < listeners; i++) {
                Facts listener = out.part(BP.listener, "listener-" + i, BP.Listener);
                listener.link(BP.loadBalancer, out.node());
                listener.integer(BP.port, r.value("listener", i, "lb_port"));
                listener.string(BP.protocol, r.value("listener", i, "lb_protocol"));
            }
            Links.allById(r, out, BP.target, BP.Ec2Instance, "instances");
        } else {
            var type = r.value("load_balancer_type");
            if (type.isAbsent()) {
                out.string(BP.loadBalancerType, "application");
            } else {
                out.string(BP.loadBalancerType, type);
            }
        }
    }
}
