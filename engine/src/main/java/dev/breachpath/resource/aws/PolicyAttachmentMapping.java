package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** Attaches a managed policy to roles, users or groups: written as each principal's bp:policy. */
final class PolicyAttachmentMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.Association;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_iam_role_policy_attachment", "aws_iam_user_policy_attachment", "aws_iam_group_policy_attachment", "aws_iam_policy_attachment");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        Targets policies = Links.byName(r, out, BP.policy, BP.IamPolicy, "policy_arn");
        PolicyFacts.markAwsManaged(policies, out);
        switch (r.type()) {
            case "aws_iam_role_policy_attachment" ->
                    attach(Links.byName(r, out, BP.role, BP.IamRole, "role"), policies, out);
            case "aws_iam_user_policy_attachment" ->
                    attach(Links.byName(r, out, BP.user, BP.IamUser, "user"), policies, out);
            case "aws_iam_group_policy_attachment" ->
                    attach(Links.byName(r, out, BP.group, BP.IamGroup, "group"), policies, out);
            default -> {
                attach(Links.allByName(r, out, BP.role, BP.IamRole, "roles"), policies, out);
                attach(Links.allByName(r, out, BP.user, BP.IamUser, "users"), policies, out);
                attach(Links.allByName(r, out, BP.group, BP.IamGroup, "groups"), policies, out);
            }
        }
    }

    private static void attach(Targets principals, Targets policies, Facts out) {
        Links.pairs(principals, policies, out, BP.policy);
    }
}
