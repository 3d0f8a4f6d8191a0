package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** Puts users in groups: written as each user's bp:group. */
final class GroupMembershipMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.Association;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_iam_group_membership", "aws_iam_user_group_membership");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        Targets users;
        Targets groups;
        if (r.type().equals("aws_iam_group_membership")) {
            groups = Links.byName(r, out, BP.group, BP.IamGroup, "group");
            users = Links.allByName(r, out, BP.user, BP.IamUser, "users");
        } else {
            users = Links.byName(r, out, BP.user, BP.IamUser, "user");
            groups = Links.allByName(r, out, BP.group, BP.IamGroup, "groups");
        }
        Links.pairs(users, groups, out, BP.group);
    }
}
