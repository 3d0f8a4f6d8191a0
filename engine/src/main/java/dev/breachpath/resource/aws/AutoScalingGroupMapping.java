package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** An Auto Scaling group: the template its instances launch from, its subnets and the load balancers it registers with. */
final class AutoScalingGroupMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.AutoScalingGroup;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_autoscaling_group");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        out.string(BP.name, r.value("name"));
        Links.allById(r, out, BP.subnet, BP.Subnet, "vpc_zone_identifier");
        template(r, out, AttrPath.of("launch_template", 0));
        int policies = r.size(AttrPath.of("mixed_instances_policy"));
        for (int i = 0; i < policies; i++) {
            template(r, out, AttrPath.of("mixed_instances_policy", i, "launch_template", 0, "launch_template_specification", 0));
        }
        var configuration = r.value("launch_configuration");
        if (!configuration.isAbsent() && !configuration.text().orElse("x").isEmpty()) {
            Links.byName(r, out, BP.launchTemplate, BP.LaunchTemplate, "launch_configuration");
        }
        Links.reverse(r.targets(AttrPath.of("target_group_arns"), BP.TargetGroup, true), out, BP.target, out.node());
        Links.reverse(r.targetsByName(AttrPath.of("load_balancers"), BP.LoadBalancer, true), out, BP.target, out.node());
    }

    private static void template(TerraformResource r, Facts out, AttrPath spec) {
        if (!r.value(spec).isAbsent()) {
            Links.first(r, out, BP.launchTemplate, BP.LaunchTemplate, spec.then("id"), spec.then("launch_template_id"),
                    spec.then("name"), spec.then("launch_template_name"));
        }
    }
}
