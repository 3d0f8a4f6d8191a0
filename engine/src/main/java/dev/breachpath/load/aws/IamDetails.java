package dev.breachpath.load.aws;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Users, groups, roles and managed policies in the shape of the authorization details (and of
 * AWS Config's IAM items, which are the same with camel-case keys), as Terraform's IAM
 * resources: the principal, each inline policy, each attachment, group memberships, instance
 * profiles. Each is known by its ARN, unique across accounts, and so are the references between
 * them (group memberships name groups, as the API does).
 */
final class IamDetails {
    private IamDetails() {}

    static void user(JsonNode u, Out out) {
        String name = Tf.str(u.path("UserName"));
        String arn = Tf.str(u.path("Arn"));
        if (name == null || arn == null) {
            out.rejected(name == null ? "user" : name, "expected UserName and Arn");
            return;
        }
        out.add(Tf.of("aws_iam_user", arn).text("arn", arn).text("name", name).put("path", u.path("Path"))
                .put("unique_id", u.path("UserId")).put("create_date", u.path("CreateDate"))
                .put("password_last_used", u.path("PasswordLastUsed"))
                .put("permissions_boundary", u.path("PermissionsBoundary").path("PermissionsBoundaryArn"))
                .tags(u.path("Tags")));
        inline(u.path("UserPolicyList"), "aws_iam_user_policy", "user", arn, out);
        attached(u.path("AttachedManagedPolicies"), "aws_iam_user_policy_attachment", "user", arn, out);
        if (u.path("GroupList").size() > 0) {
            out.add(Tf.of("aws_iam_user_group_membership", arn + "/groups").text("user", arn)
                    .list("groups", u.path("GroupList"), null));
        }
    }

    static void group(JsonNode g, Out out) {
        String name = Tf.str(g.path("GroupName"));
        String arn = Tf.str(g.path("Arn"));
        if (name == null || arn == null) {
            out.rejected(name == null ? "group" : name, "expected GroupName and Arn");
            return;
        }
        out.add(Tf.of("aws_iam_group", arn).text("arn", arn).text("name", name).put("path", g.path("Path"))
                .put("unique_id", g.path("GroupId")));
        inline(g.path("GroupPolicyList"), "aws_iam_group_policy", "group", arn, out);
        attached(g.path("AttachedManagedPolicies"), "aws_iam_group_policy_attachment", "group", arn, out);
    }

    static void role(JsonNode r, Out out) {
        String name = Tf.str(r.path("RoleName"));
        String arn = Tf.str(r.path("Arn"));
        if (name == null || arn == null) {
            out.rejected(name == null ? "role" : name, "expected RoleName and Arn");
            return;
        }
        out.add(Tf.of("aws_iam_role", arn).text("arn", arn).text("name", name).put("path", r.path("Path"))
                .put("unique_id", r.path("RoleId")).put("create_date", r.path("CreateDate"))
                .text("assume_role_policy", IamApi.policyText(r.path("AssumeRolePolicyDocument")))
                .put("permissions_boundary", r.path("PermissionsBoundary").path("PermissionsBoundaryArn"))
                .put("last_used_date", r.path("RoleLastUsed").path("LastUsedDate"))
                .tags(r.path("Tags")));
        inline(r.path("RolePolicyList"), "aws_iam_role_policy", "role", arn, out);
        attached(r.path("AttachedManagedPolicies"), "aws_iam_role_policy_attachment", "role", arn, out);
        for (JsonNode p : r.path("InstanceProfileList")) {
            String profile = Tf.str(p.path("Arn"));
            if (profile != null) {
                out.add(Tf.of("aws_iam_instance_profile", profile).text("arn", profile)
                        .put("name", p.path("InstanceProfileName")).put("path", p.path("Path")).text("role", arn));
            }
        }
    }

    /** A managed policy: its default version's document. */
    static void policy(JsonNode p, Out out) {
        String name = Tf.str(p.path("PolicyName"));
        String arn = Tf.str(p.path("Arn"));
        if (name == null || arn == null) {
            out.rejected(name == null ? "policy" : name, "expected PolicyName and Arn");
            return;
        }
        Tf t = Tf.of("aws_iam_policy", arn).text("arn", arn).text("name", name).put("path", p.path("Path"));
        String wanted = Tf.str(p.path("DefaultVersionId"));
        for (JsonNode v : p.path("PolicyVersionList")) {
            if (v.path("IsDefaultVersion").asBoolean(false) || (wanted != null && wanted.equals(v.path("VersionId").asText()))) {
                t.text("policy", IamApi.policyText(v.path("Document")));
            }
        }
        out.add(t);
    }

    /** The elements of a list; a lone object where a list belongs (as the AWS documentation prints one) is a list of one. */
    private static Iterable<JsonNode> items(JsonNode list) {
        return list.isObject() ? java.util.List.of(list) : list;
    }

    private static void inline(JsonNode list, String type, String owner, String ownerArn, Out out) {
        for (JsonNode p : items(list)) {
            String name = Tf.str(p.path("PolicyName"));
            if (name == null) {
                out.rejected(ownerArn + " inline policy", "expected PolicyName");
                continue;
            }
            out.add(Tf.of(type, ownerArn + ":" + name).text(owner, ownerArn).text("name", name)
                    .text("policy", IamApi.policyText(p.path("PolicyDocument"))));
        }
    }

    private static void attached(JsonNode list, String type, String owner, String ownerArn, Out out) {
        for (JsonNode p : items(list)) {
            String policy = Tf.str(p.path("PolicyArn"));
            if (policy != null) {
                out.add(Tf.of(type, ownerArn + "/" + policy).text(owner, ownerArn).text("policy_arn", policy));
            }
        }
    }
}
