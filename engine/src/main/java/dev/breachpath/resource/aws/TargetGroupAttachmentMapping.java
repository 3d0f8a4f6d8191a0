package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** Registers a target (instance, Lambda function, IP) with a target group. */
final class TargetGroupAttachmentMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.Association;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_lb_target_group_attachment", "aws_alb_target_group_attachment");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        Targets groups = Links.byId(r, out, BP.targetGroup, BP.TargetGroup, "target_group_arn");
        Targets targets = Links.byId(r, out, BP.target, BP.Resource, "target_id");
        Links.pairs(groups, targets, out, BP.target);
    }
}
