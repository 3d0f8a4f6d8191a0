package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** A target group. */
final class TargetGroupMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.TargetGroup;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_lb_target_group", "aws_alb_target_group");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        out.string(BP.name, r.value("name"));
        out.integer(BP.port, r.value("port"));
        out.string(BP.protocol, r.value("protocol"));
        var type = r.value("target_type");
        if (type.isAbsent()) {
            out.string(BP.targetType, "instance");
        } else {
            out.string(BP.targetType, type);
        }
        Links.byId(r, out, BP.vpc, BP.Vpc, "vpc_id");
    }
}
