package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** An inline policy of a role, user or group. */
final class InlinePolicyMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.IamPolicy;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        out.bool(BP.inline, true).string(BP.name, r.value("name"));
        Node owner = switch (r.type()) {
            case "aws_iam_role_policy" -> BP.role;
            case "aws_iam_user_policy" -> BP.user;
            default -> BP.group;
        };
        Node ownerClass = owner == BP.role ? BP.IamRole : owner == BP.user ? BP.IamUser : BP.IamGroup;
        String attribute = owner == BP.role ? "role" : owner == BP.user ? "user" : "group";
        Targets principals = Links.byName(r, out, owner, ownerClass, attribute);
        Links.reverse(principals, out, BP.policy, out.node());
        PolicyFacts.document(r, out, "policy");
    }
}
