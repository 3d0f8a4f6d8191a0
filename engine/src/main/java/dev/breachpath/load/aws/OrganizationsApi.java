package dev.breachpath.load.aws;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * AWS Organizations responses: the tree of roots, units and accounts, the service and resource
 * control policies, and where each is attached. Per-parent and per-target calls say nothing of
 * the parent or target they describe; the manifest's ParentId, ChildId, PolicyId or TargetId
 * parameter does.
 */
final class OrganizationsApi {
    private static final java.util.Set<String> CONTROL = java.util.Set.of("SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY");

    private OrganizationsApi() {}

    /** ListRoots. */
    static void roots(JsonNode response, Out out) {
        for (JsonNode r : response.path("Roots")) {
            unit(r, null, out);
        }
    }

    /** ListOrganizationalUnitsForParent. */
    static void units(JsonNode response, Out out) {
        String parent = out.context().parameter("ParentId");
        for (JsonNode u : response.path("OrganizationalUnits")) {
            unit(u, parent, out);
        }
    }

    private static void unit(JsonNode u, String parent, Out out) {
        String id = Tf.str(u.path("Id"));
        if (id == null) {
            out.rejected("organizational unit", "expected Id");
            return;
        }
        out.add(Tf.of("aws_organizations_organizational_unit", id).put("arn", u.path("Arn")).put("name", u.path("Name"))
                .text("parent_id", parent));
    }

    /** ListAccounts, ListAccountsForParent. */
    static void accounts(JsonNode response, Out out) {
        String parent = out.context().parameter("ParentId");
        Tf.each(response.path("Accounts"), "Id", "account", out, (a, id) -> {
            Tf t = Tf.of("aws_organizations_account", id).put("arn", a.path("Arn")).put("name", a.path("Name"))
                    .put("status", a.path("Status")).text("parent_id", parent);
            // An account's ARN is in the management account: the account whose id that is, is it.
            if (dev.breachpath.resource.aws.AwsIds.arnAccount(a.path("Arn").asText("")).filter(id::equals).isPresent()) {
                t.bool("management", true);
            }
            out.add(t);
        });
    }

    /** ListParents: the parent of the request's ChildId. */
    static void parents(JsonNode response, Out out) {
        String child = out.context().parameter("ChildId");
        for (JsonNode p : response.path("Parents")) {
            String id = Tf.str(p.path("Id"));
            if (child == null || id == null) {
                out.rejected("parent " + (id == null ? "?" : id), "the response does not say whose parent it is;"
                        + " give ChildId in the snapshot manifest (docs/inventory.md)");
                continue;
            }
            String type = child.matches("\\d{12}") ? "aws_organizations_account" : "aws_organizations_organizational_unit";
            out.add(Tf.of(type, child).text("parent_id", id));
        }
    }

    /** DescribeOrganization: which account is the management account. */
    static void organization(JsonNode response, Out out) {
        String management = Tf.str(response.path("Organization").path("MasterAccountId"));
        if (management == null) {
            out.rejected("organization", "expected Organization.MasterAccountId");
            return;
        }
        out.add(Tf.of("aws_organizations_account", management).bool("management", true));
    }

    /**
     * ListPolicies, ListPoliciesForTarget (with the manifest's TargetId, each is also attached
     * there); a policy summary with its Content is read with it.
     */
    static void policies(JsonNode response, Out out) {
        String target = out.context().parameter("TargetId");
        for (JsonNode p : response.path("Policies")) {
            if (policy(p, p.path("Content"), out) && target != null) {
                attachment(p.path("Id").asText(), target, out);
            }
        }
    }

    /** DescribePolicy: a policy with its content. */
    static void describePolicy(JsonNode response, Out out) {
        JsonNode policy = response.path("Policy");
        policy(policy.path("PolicySummary"), policy.path("Content"), out);
    }

    /** ListTargetsForPolicy: where the request's PolicyId is attached. */
    static void targets(JsonNode response, Out out) {
        String policy = out.context().parameter("PolicyId");
        for (JsonNode t : response.path("Targets")) {
            String target = Tf.str(t.path("TargetId"));
            if (policy == null || target == null) {
                out.rejected("target " + (target == null ? "?" : target), "the response does not say which policy it lists"
                        + " the targets of; give PolicyId in the snapshot manifest (docs/inventory.md)");
                continue;
            }
            attachment(policy, target, out);
        }
    }

    /** A policy of a control type, true if it was; other types (tag, backup policies) are counted. */
    private static boolean policy(JsonNode summary, JsonNode content, Out out) {
        String id = Tf.str(summary.path("Id"));
        String type = summary.path("Type").asText("SERVICE_CONTROL_POLICY");
        if (id == null) {
            out.rejected("organization policy", "expected Id");
            return false;
        }
        if (!CONTROL.contains(type)) {
            out.unmodelled("AWS::Organizations::Policy (" + type + ")", id);
            return false;
        }
        Tf t = Tf.of("aws_organizations_policy", id).put("arn", summary.path("Arn")).put("name", summary.path("Name")).text("type", type)
                .put("aws_managed", summary.path("AwsManaged"));
        t.text("content", IamApi.policyText(content));
        out.add(t);
        return true;
    }

    private static void attachment(String policy, String target, Out out) {
        out.add(Tf.of("aws_organizations_policy_attachment", policy + "/" + target).text("policy_id", policy).text("target_id", target));
    }
}
