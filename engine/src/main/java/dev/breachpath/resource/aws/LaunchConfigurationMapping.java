package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** A launch configuration, the older form of a launch template. */
final class LaunchConfigurationMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.LaunchTemplate;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_launch_configuration");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        out.string(BP.name, r.value("name"));
        Links.allById(r, out, BP.securityGroup, BP.SecurityGroup, "security_groups");
        var profile = r.value("iam_instance_profile");
        if (!profile.isAbsent() && !profile.text().orElse("x").isEmpty()) {
            Links.byName(r, out, BP.instanceProfile, BP.InstanceProfile, "iam_instance_profile");
        }
        out.bool(BP.associatePublicIp, r.value("associate_public_ip_address"));
        Imds.write(r, out);
        Embedded.scan(r, out, AttrPath.of("user_data"), AttrPath.of("user_data_base64"));
    }
}
