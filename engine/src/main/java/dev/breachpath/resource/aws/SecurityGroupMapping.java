package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** A security group with its inline ingress and egress rules. */
final class SecurityGroupMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.SecurityGroup;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_security_group", "aws_default_security_group", "data.aws_security_group");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        Links.byId(r, out, BP.vpc, BP.Vpc, "vpc_id");
        out.string(BP.name, r.value("name"));
        if (r.type().equals("aws_default_security_group")) {
            out.bool(BP.isDefault, true);
        }
        for (String direction : new String[] {"ingress", "egress"}) {
            int rules = r.blocks(AttrPath.of(direction));
            for (int i = 0; i < rules; i++) {
                Facts rule = out.part(BP.rule, direction + "-" + i, BP.SecurityGroupRule);
                rule.link(BP.securityGroup, out.node()).string(BP.direction, direction);
                Rules.classic(r, rule, AttrPath.of(direction, i), "security_groups");
            }
        }
    }
}
