package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** A listener of a load balancer and the target groups its default action forwards to. */
final class ListenerMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.Listener;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_lb_listener", "aws_alb_listener");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        Targets balancers = Links.byId(r, out, BP.loadBalancer, BP.LoadBalancer, "load_balancer_arn");
        Links.reverse(balancers, out, BP.listener, out.node());
        out.integer(BP.port, r.value("port"));
        out.string(BP.protocol, r.value("protocol"));
        Forwards.write(r, out, "default_action");
    }
}
