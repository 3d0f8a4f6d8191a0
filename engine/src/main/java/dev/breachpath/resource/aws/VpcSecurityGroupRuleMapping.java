package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** A rule resource of the newer kind, one CIDR or peer each. */
final class VpcSecurityGroupRuleMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.SecurityGroupRule;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        Targets groups = Links.byId(r, out, BP.securityGroup, BP.SecurityGroup, "security_group_id");
        Links.reverse(groups, out, BP.rule, out.node());
        out.string(BP.direction, r.type().endsWith("ingress_rule") ? "ingress" : "egress");
        Rules.vpc(r, out);
    }
}
