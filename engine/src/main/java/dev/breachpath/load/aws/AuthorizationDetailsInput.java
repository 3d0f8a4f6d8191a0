package dev.breachpath.load.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breachpath.graph.BP;
import dev.breachpath.graph.Iris;
import dev.breachpath.iam.PolicyDocument;
import dev.breachpath.iam.PolicyException;
import dev.breachpath.iam.PolicyParser;
import dev.breachpath.load.InputReport;
import dev.breachpath.load.LinkIndex;
import dev.breachpath.load.ParsedInput;
import dev.breachpath.load.Stage;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.aws.PolicyFacts;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;

/**
 * One account's authorization details as facts: users, groups and roles (named by ARN) with
 * their policies, instance profiles, and the managed policies' default versions. It describes
 * what is deployed, so both stages get the same facts. Every user, group, role and managed policy
 * is one element of the report; one that lacks its name or ARN is rejected with the reason.
 */
final class AuthorizationDetailsInput implements ParsedInput {
    private final String path;
    private final JsonNode root;
    private final InputReport.Builder report;
    private final Map<String, String> groupArns = new HashMap<>();
    private boolean reported;

    AuthorizationDetailsInput(String path, JsonNode root) {
        this.path = path;
        this.root = root;
        this.report = new InputReport.Builder(path, AuthorizationDetailsFormat.NAME, null);
        for (JsonNode g : root.path("GroupDetailList")) {
            if (g.path("GroupName").isTextual() && g.path("Arn").isTextual()) {
                groupArns.put(g.get("GroupName").asText(), g.get("Arn").asText());
            }
        }
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public void register(Stage stage, LinkIndex index) {
        each((kind, arn, name, item) -> {
            Node node = Iris.arn(arn);
            index.claim(node, path);
            index.register(node, kind, List.of(arn, name));
        });
    }

    @Override
    public void write(Stage stage, FactsTarget target) {
        each((kind, arn, name, item) -> {
            target.graph().begin();
            try {
                Facts f = new Facts(target.graph(), Iris.arn(arn)).type(kind);
                f.string(BP.arn, arn).string(BP.name, name).string(BP.path, item.path("Path").asText(null));
                String[] parts = arn.split(":", 6);
                if (parts.length == 6 && !parts[4].isEmpty() && !parts[4].equals("aws")) {
                    f.string(BP.accountId, parts[4]);
                }
                if (kind.equals(BP.IamPolicy)) {
                    policy(f, arn, item);
                } else {
                    identity(f, kind, item);
                }
                target.graph().commit();
                if (!reported) {
                    report.modelled(arn);
                }
            } catch (RuntimeException e) {
                target.graph().rollback();
                if (!reported && !report.has(arn)) {
                    report.rejected(arn, "breachpath could not read this entry (an internal error; please report it)");
                }
            }
        });
        reported = true;
    }

    /** A user, group or role: its id, tags, groups, policies, boundary, trust policy, instance profiles. */
    private void identity(Facts f, Node kind, JsonNode item) {
        for (String id : List.of("UserId", "GroupId", "RoleId")) {
            if (item.path(id).isTextual()) {
                f.string(BP.awsId, item.get(id).asText());
            }
        }
        for (JsonNode tag : item.path("Tags")) {
            if (tag.path("Key").isTextual()) {
                f.string(Iris.tag(tag.get("Key").asText()), tag.path("Value").asText(""));
            }
        }
        for (JsonNode group : item.path("GroupList")) {
            String arn = groupArns.get(group.asText());
            if (arn != null) {
                f.link(BP.group, Iris.arn(arn));
            }
        }
        for (JsonNode attached : item.path("AttachedManagedPolicies")) {
            if (attached.path("PolicyArn").isTextual()) {
                f.link(BP.policy, managed(f, attached.get("PolicyArn").asText()));
            }
        }
        String boundary = item.path("PermissionsBoundary").path("PermissionsBoundaryArn").asText(null);
        if (boundary != null) {
            f.link(BP.permissionsBoundary, managed(f, boundary));
        }
        for (String list : List.of("UserPolicyList", "GroupPolicyList", "RolePolicyList")) {
            for (JsonNode inline : item.path(list)) {
                String name = inline.path("PolicyName").asText("?");
                Facts p = f.part(BP.policy, "inline-policy-" + name, BP.IamPolicy);
                p.bool(BP.inline, true).string(BP.name, name);
                document(p, inline.get("PolicyDocument"), "inline policy " + name);
            }
        }
        if (item.has("AssumeRolePolicyDocument")) {
            document(f.part(BP.trustPolicy, "trust-policy", BP.TrustPolicy), item.get("AssumeRolePolicyDocument"), "trust policy");
        }
        for (JsonNode profile : item.path("InstanceProfileList")) {
            if (profile.path("Arn").isTextual()) {
                Facts ip = f.on(Iris.arn(profile.get("Arn").asText())).type(BP.InstanceProfile);
                ip.string(BP.arn, profile.get("Arn").asText()).string(BP.name, profile.path("InstanceProfileName").asText(null));
                ip.link(BP.role, f.node());
            }
        }
    }

    /** A managed policy: its default version's document. */
    private void policy(Facts f, String arn, JsonNode item) {
        if (PolicyFacts.isAwsManaged(arn)) {
            f.bool(BP.awsManaged, true);
        }
        String wanted = item.path("DefaultVersionId").asText(null);
        for (JsonNode version : item.path("PolicyVersionList")) {
            boolean isDefault = version.path("IsDefaultVersion").asBoolean(false)
                    || (wanted != null && wanted.equals(version.path("VersionId").asText()));
            if (isDefault) {
                document(f, version.get("Document"), "default version");
            }
        }
    }

    /** A node for a managed policy by ARN (described by this input's Policies, or the catalogue, or unknown). */
    private static Node managed(Facts f, String arn) {
        Node node = Iris.arn(arn);
        Facts p = f.on(node).type(BP.IamPolicy).string(BP.arn, arn);
        if (PolicyFacts.isAwsManaged(arn)) {
            p.bool(BP.awsManaged, true);
        }
        return node;
    }

    /** A policy document, as JSON or as (URL-encoded) JSON text; one that does not parse is a warning. */
    private void document(Facts f, JsonNode doc, String what) {
        if (doc == null || doc.isNull()) {
            return;
        }
        try {
            PolicyDocument parsed;
            if (doc.isTextual()) {
                String text = doc.asText();
                if (text.startsWith("%")) {
                    text = URLDecoder.decode(text, StandardCharsets.UTF_8);
                }
                parsed = PolicyParser.parse(text);
            } else {
                parsed = PolicyParser.parse(doc);
            }
            PolicyFacts.write(f, parsed);
        } catch (PolicyException | IllegalArgumentException e) {
            if (!reported) {
                report.warning(f.node().getURI() + " " + what + ": " + (e instanceof PolicyException ? e.getMessage() : "not URL-encoded text"));
            }
        }
    }

    private interface Entry {
        void accept(Node kind, String arn, String name, JsonNode item);
    }

    /** Calls {@code entry} with every well-formed user, group, role and policy; rejects the others (once). */
    private void each(Entry entry) {
        String[][] lists = {{"UserDetailList", "UserName"}, {"GroupDetailList", "GroupName"}, {"RoleDetailList", "RoleName"},
                {"Policies", "PolicyName"}};
        Node[] kinds = {BP.IamUser, BP.IamGroup, BP.IamRole, BP.IamPolicy};
        for (int l = 0; l < lists.length; l++) {
            JsonNode list = root.path(lists[l][0]);
            for (int i = 0; i < list.size(); i++) {
                JsonNode item = list.get(i);
                String arn = item.path("Arn").asText(null);
                String name = item.path(lists[l][1]).asText(null);
                if (arn == null || name == null || !arn.startsWith("arn:")) {
                    if (!reported) {
                        report.rejected(lists[l][0] + "[" + i + "]", "expected an object with " + lists[l][1] + " and an Arn");
                    }
                    continue;
                }
                entry.accept(kinds[l], arn, name, item);
            }
        }
    }

    @Override
    public List<InputReport> reports() {
        return List.of(report.build());
    }
}
