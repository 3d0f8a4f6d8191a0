package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** Attaches an Auto Scaling group to a target group or classic load balancer. */
final class AutoScalingAttachmentMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.Association;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_autoscaling_attachment");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        Targets groups = Links.byName(r, out, BP.associates, BP.AutoScalingGroup, "autoscaling_group_name");
        Targets targetGroups = r.targets(AttrPath.of("lb_target_group_arn"), BP.TargetGroup, false);
        if (!targetGroups.isEmpty()) {
            out.link(BP.targetGroup, targetGroups, AttrPath.of("lb_target_group_arn"));
            Links.pairs(targetGroups, groups, out, BP.target);
        }
        Targets balancers = r.targetsByName(AttrPath.of("elb"), BP.LoadBalancer, false);
        if (!balancers.isEmpty()) {
            out.link(BP.loadBalancer, balancers, AttrPath.of("elb"));
            Links.pairs(balancers, groups, out, BP.target);
        }
    }
}
