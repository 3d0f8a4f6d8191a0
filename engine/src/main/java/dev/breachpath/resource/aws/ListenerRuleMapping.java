package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** A listener rule: written as its listener forwarding to the rule's target groups. */
final class ListenerRuleMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.Association;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_lb_listener_rule", "aws_alb_listener_rule");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        Targets listeners = Links.byId(r, out, BP.listener, BP.Listener, "listener_arn");
        Targets groups = Forwards.write(r, out, "action");
        Links.pairs(listeners, groups, out, BP.targetGroup);
    }
}
