package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** An EC2 instance: where it runs, what reaches it, the role it gets and how its metadata service answers. */
final class Ec2InstanceMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.Ec2Instance;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_instance", "data.aws_instance");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        Links.byId(r, out, BP.subnet, BP.Subnet, "subnet_id");
        Links.allById(r, out, BP.securityGroup, BP.SecurityGroup, "vpc_security_group_ids");
        var names = r.value("security_groups");
        if (names.isKnown() && !names.texts().isEmpty()) {
            Links.allByName(r, out, BP.securityGroup, BP.SecurityGroup, "security_groups");
        }
        var profile = r.value("iam_instance_profile");
        if (!profile.isAbsent() && !profile.text().orElse("x").isEmpty()) {
            Links.byName(r, out, BP.instanceProfile, BP.InstanceProfile, "iam_instance_profile");
        }
        out.bool(BP.associatePublicIp, r.value("associate_public_ip_address"));
        out.string(BP.publicIp, r.value("public_ip"));
        out.string(BP.privateIp, r.value("private_ip"));
        out.string(BP.availabilityZone, r.value("availability_zone"));
        out.dateTime(BP.createdAt, r.value("launch_time"));
        Imds.write(r, out);
        Embedded.scan(r, out, AttrPath.of("user_data"), AttrPath.of("user_data_base64"));
        if (r.size(AttrPath.of("launch_template")) > 0) {
            Links.first(r, out, BP.launchTemplate, BP.LaunchTemplate,
                    AttrPath.of("launch_template", 0, "id"), AttrPath.of("launch_template", 0, "name"));
        }
        int interfaces = r.blocks(AttrPath.of("network_interface"));
        for (int i = 0; i < interfaces; i++) {
            Links.byId(r, out, BP.networkInterface, BP.NetworkInterface, "network_interface", i, "network_interface_id");
        }
    }
}
