package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** A launch template: what the instances launched from it get. */
final class LaunchTemplateMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.LaunchTemplate;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_launch_template", "data.aws_launch_template");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        out.string(BP.name, r.value("name"));
        Links.allById(r, out, BP.securityGroup, BP.SecurityGroup, "vpc_security_group_ids");
        if (r.size(AttrPath.of("iam_instance_profile")) > 0) {
            Links.first(r, out, BP.instanceProfile, BP.InstanceProfile,
                    AttrPath.of("iam_instance_profile", 0, "arn"), AttrPath.of("iam_instance_profile", 0, "name"));
        }
        int interfaces = r.blocks(AttrPath.of("network_interfaces"));
        for (int i = 0; i < interfaces; i++) {
            Links.allById(r, out, BP.securityGroup, BP.SecurityGroup, "network_interfaces", i, "security_groups");
            Links.byId(r, out, BP.subnet, BP.Subnet, "network_interfaces", i, "subnet_id");
            out.bool(BP.associatePublicIp, r.value("network_interfaces", i, "associate_public_ip_address"));
        }
        Imds.write(r, out);
        Embedded.scan(r, out, AttrPath.of("user_data"));
    }
}
