package dev.breachpath.load.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breachpath.secret.KeyIds;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * IAM responses beyond the authorization details: access keys and their last use, the
 * credential report, and users, roles and instance profiles as the list calls give them.
 */
final class IamApi {
    private IamApi() {}

    /** ListAccessKeys. The key id names nothing in reports or the graph: only its masked form and fingerprint do. */
    static void accessKeys(JsonNode response, Out out) {
        for (JsonNode k : response.path("AccessKeyMetadata")) {
            String id = Tf.str(k.path("AccessKeyId"));
            if (id == null || !KeyIds.isKeyId(id)) {
                out.rejected("access key of " + k.path("UserName").asText("?"), "expected an AccessKeyId");
                continue;
            }
            out.add(key(id).put("user", k.path("UserName")).put("status", k.path("Status"))
                    .put("create_date", k.path("CreateDate")));
        }
    }

    /** GetAccessKeyLastUsed: the key is the request's AccessKeyId, from the manifest. */
    static void accessKeyLastUsed(JsonNode response, Out out) {
        String id = out.context().parameter("AccessKeyId");
        String user = response.path("UserName").asText("?");
        if (id == null || !KeyIds.isKeyId(id)) {
            out.rejected("last use of a key of " + user, "the response does not say which key it describes;"
                    + " give AccessKeyId in the snapshot manifest (docs/inventory.md)");
            return;
        }
        JsonNode used = response.path("AccessKeyLastUsed");
        Tf t = key(id).put("user", response.path("UserName"));
        if (used.path("LastUsedDate").isTextual()) {
            t.put("last_used_date", used.get("LastUsedDate")).put("last_used_service", used.path("ServiceName"));
        } else {
            t.bool("never_used", true);
        }
        out.add(t);
    }

    private static Tf key(String id) {
        return Tf.of("aws_iam_access_key", id).named(KeyIds.mask(id));
    }

    /**
     * GetCredentialReport: per user, each key slot's state, rotation and last use. The report does
     * not give key ids; a slot is matched to a key of the same user created at the time the slot
     * was last rotated.
     */
    static void credentialReport(JsonNode response, Out out) {
        // The API and the CLI give the CSV in base64; SDKs (and recordings of them) give it decoded.
        String content = response.path("Content").asText();
        String csv = content;
        if (!content.startsWith("user,")) {
            try {
                csv = new String(Base64.getDecoder().decode(content.replaceAll("\\s", "")), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                out.rejected("credential report", "Content is neither the report's CSV nor base64");
                return;
            }
        }
        try {
            var records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new java.io.StringReader(csv));
            for (CSVRecord r : records) {
                String user = r.isMapped("user") ? r.get("user") : null;
                String arn = r.isMapped("arn") ? r.get("arn") : null;
                if (user == null || arn == null) {
                    out.rejected("credential report line " + r.getRecordNumber(), "expected user and arn");
                    continue;
                }
                if (user.equals("<root_account>")) {
                    out.unmodelled("AWS::IAM::RootAccount", arn);
                    continue;
                }
                Tf t = Tf.of("aws_iam_user", arn).text("arn", arn).text("name", user);
                for (int slot = 1; slot <= 2; slot++) {
                    String prefix = "access_key_" + slot + "_";
                    if (!r.isMapped(prefix + "active")) {
                        continue;
                    }
                    var block = t.block("credential_report_keys");
                    block.put("active", "true".equalsIgnoreCase(r.get(prefix + "active")));
                    block.put("last_rotated", value(r, prefix + "last_rotated"));
                    block.put("last_used_date", value(r, prefix + "last_used_date"));
                    block.put("never_used", r.isMapped(prefix + "last_used_date") && r.get(prefix + "last_used_date").equals("N/A")
                            && !value(r, prefix + "last_rotated", "").isEmpty());
                }
                t.text("password_last_used", value(r, "password_last_used"));
                out.add(t);
            }
        } catch (java.io.IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            out.rejected("credential report", "Content is not the CSV the credential report holds");
        }
    }

    private static String value(CSVRecord r, String column, String otherwise) {
        String v = value(r, column);
        return v == null ? otherwise : v;
    }

    private static String value(CSVRecord r, String column) {
        if (!r.isMapped(column)) {
            return null;
        }
        String v = r.get(column);
        return v.isEmpty() || v.equals("N/A") || v.equals("no_information") || v.equals("not_supported") ? null : v;
    }

    /** ListUsers, GetUser: each user as the authorization details give it, without its policies. */
    static void users(JsonNode response, Out out) {
        for (JsonNode u : response.has("Users") ? response.path("Users") : java.util.List.of(response.path("User"))) {
            IamDetails.user(u, out);
        }
    }

    /**
     * GetAccountAuthorizationDetails: every user, group, role and managed policy of an account
     * with their policies, as Terraform's IAM resources (see {@link IamDetails}).
     */
    static void authorizationDetails(JsonNode response, Out out) {
        String[] lists = {"UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"};
        for (String list : lists) {
            JsonNode items = response.path(list);
            if (!items.isMissingNode() && !items.isArray()) {
                out.rejected(list, "expected a list");
                continue;
            }
            for (JsonNode item : items) {
                switch (list) {
                    case "UserDetailList" -> IamDetails.user(item, out);
                    case "GroupDetailList" -> IamDetails.group(item, out);
                    case "RoleDetailList" -> IamDetails.role(item, out);
                    default -> IamDetails.policy(item, out);
                }
            }
        }
    }

    /** GetGroup: the group and its members. */
    static void group(JsonNode response, Out out) {
        JsonNode g = response.path("Group");
        IamDetails.group(g, out);
        String arn = Tf.str(g.path("Arn"));
        if (arn != null && g.path("GroupName").isTextual()) {
            out.add(Tf.of("aws_iam_group_membership", arn + "/members").text("group", arn)
                    .list("users", response.path("Users"), "Arn"));
        }
    }

    /** ListRoles, GetRole: each role with its trust policy. */
    static void roles(JsonNode response, Out out) {
        for (JsonNode r : response.has("Roles") ? response.path("Roles") : java.util.List.of(response.path("Role"))) {
            IamDetails.role(r, out);
        }
    }

    /** ListInstanceProfiles, GetInstanceProfile: each profile and the role it passes. */
    static void instanceProfiles(JsonNode response, Out out) {
        for (JsonNode p : response.has("InstanceProfiles") ? response.path("InstanceProfiles") : java.util.List.of(response.path("InstanceProfile"))) {
            String name = Tf.str(p.path("InstanceProfileName"));
            String arn = Tf.str(p.path("Arn"));
            if (name == null || arn == null) {
                out.rejected(name == null ? "instance profile" : name, "expected InstanceProfileName and Arn");
                continue;
            }
            Tf t = Tf.of("aws_iam_instance_profile", arn).text("arn", arn).text("name", name).put("path", p.path("Path"));
            JsonNode role = p.path("Roles").path(0);
            t.put("role", role.path("Arn"));
            out.add(t);
            if (role.isObject()) {
                var wrapper = Tf.object();
                wrapper.set("Role", role);
                roles(wrapper, out);
            }
        }
    }

    /** A policy document as JSON text: decoded if URL-encoded (as the raw API returns it), written out if JSON. */
    static String policyText(JsonNode document) {
        if (document == null || document.isMissingNode() || document.isNull()) {
            return null;
        }
        if (document.isTextual()) {
            String text = document.asText();
            if (text.startsWith("%")) {
                try {
                    return URLDecoder.decode(text, StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return text;
                }
            }
            return text;
        }
        return document.toString();
    }
}
