package dev.breachpath.load.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.breachpath.load.JsonInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * AWS Config data: snapshots as delivered to S3 ({@code fileVersion} and
 * {@code configurationItems}), single configuration items, GetResourceConfigHistory and
 * SelectResourceConfig results ({@code configuration} as a JSON string), rule events and SNS
 * notifications that carry an item. Config writes each resource's configuration as the
 * service's API describes it with camel-case keys ({@code dBInstanceIdentifier} for
 * {@code DBInstanceIdentifier}), so an item becomes the API's shape and is read like one.
 */
final class Config {
    private Config() {}

    /** How each modelled Config resource type is read: by the API translator of its kind. */
    private static final Map<String, BiConsumer<JsonNode, Out>> KINDS = Map.ofEntries(
            Map.entry("AWS::EC2::Instance", (c, out) -> Ec2Api.instance(c, null, out)),
            Map.entry("AWS::EC2::SecurityGroup", list("SecurityGroups", Ec2Api::securityGroups)),
            Map.entry("AWS::EC2::Subnet", list("Subnets", Ec2Api::subnets)),
            Map.entry("AWS::EC2::VPC", list("Vpcs", Ec2Api::vpcs)),
            Map.entry("AWS::EC2::RouteTable", list("RouteTables", Ec2Api::routeTables)),
            Map.entry("AWS::EC2::InternetGateway", list("InternetGateways", Ec2Api::internetGateways)),
            Map.entry("AWS::EC2::NatGateway", list("NatGateways", Ec2Api::natGateways)),
            Map.entry("AWS::EC2::EIP", list("Addresses", Ec2Api::addresses)),
            Map.entry("AWS::EC2::NetworkInterface", list("NetworkInterfaces", Ec2Api::networkInterfaces)),
            Map.entry("AWS::ElasticLoadBalancingV2::LoadBalancer", list("LoadBalancers", ElbApi::loadBalancers)),
            Map.entry("AWS::ElasticLoadBalancingV2::Listener", list("Listeners", ElbApi::listeners)),
            Map.entry("AWS::ElasticLoadBalancing::LoadBalancer", list("LoadBalancerDescriptions", ElbApi::classic)),
            Map.entry("AWS::Lambda::Function", (c, out) -> LambdaApi.function(c, out)),
            Map.entry("AWS::RDS::DBInstance", list("DBInstances", RdsApi::instances)),
            Map.entry("AWS::RDS::DBCluster", list("DBClusters", RdsApi::clusters)),
            Map.entry("AWS::RDS::DBSnapshot", list("DBSnapshots", RdsApi::snapshots)),
            Map.entry("AWS::RDS::DBClusterSnapshot", list("DBClusterSnapshots", RdsApi::clusterSnapshots)),
            Map.entry("AWS::DynamoDB::Table", (c, out) -> DataApi.table(wrap("Table", c), out)),
            Map.entry("AWS::SecretsManager::Secret", DataApi::secret),
            Map.entry("AWS::KMS::Key", (c, out) -> DataApi.describeKey(wrap("KeyMetadata", c), out)),
            Map.entry("AWS::IAM::User", IamDetails::user),
            Map.entry("AWS::IAM::Group", IamDetails::group),
            Map.entry("AWS::IAM::Role", IamDetails::role),
            Map.entry("AWS::IAM::Policy", IamDetails::policy));

    /** Whether the document is Config data. */
    static boolean is(JsonNode root) {
        if (!root.isObject()) {
            return false;
        }
        return root.path("configurationItems").isArray() || isItem(root) || root.path("configurationItem").isObject()
                || root.path("invokingEvent").isTextual() || isNotification(root)
                || (root.path("Results").isArray() && root.path("QueryInfo").isObject());
    }

    /** An item: a resource type with its configuration, or with a status (a deleted resource has no configuration). */
    private static boolean isItem(JsonNode n) {
        return n.path("resourceType").asText("").matches("[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+")
                && (n.has("configuration") || n.has("configurationItemStatus") || n.has("resourceId"));
    }

    private static boolean isNotification(JsonNode root) {
        return "Notification".equals(root.path("Type").asText()) && root.path("Message").isTextual()
                && root.path("TopicArn").isTextual();
    }

    /** What kind of Config document it is, for reports. */
    static String shape(JsonNode root) {
        if (root.has("fileVersion")) {
            return "snapshot";
        }
        if (root.path("configurationItems").isArray()) {
            return "history";
        }
        if (isItem(root)) {
            return "configuration item";
        }
        if (root.has("invokingEvent")) {
            return "rule event";
        }
        if (root.has("Results")) {
            return "query results";
        }
        return "notification";
    }

    /**
     * The configuration items a document holds. A document that holds none (a scheduled rule
     * event, a delivery notification) gives none, and a string that is not JSON is a problem.
     */
    static List<JsonNode> items(JsonNode root, List<String> problems) {
        List<JsonNode> out = new ArrayList<>();
        collect(root, out, problems, 0);
        return out;
    }

    private static void collect(JsonNode n, List<JsonNode> out, List<String> problems, int depth) {
        if (depth > 4 || !n.isObject()) {
            return;
        }
        if (isItem(n)) {
            out.add(n);
        } else if (n.path("configurationItems").isArray()) {
            n.get("configurationItems").forEach(i -> collect(i, out, problems, depth + 1));
        } else if (n.path("configurationItem").isObject()) {
            collect(n.get("configurationItem"), out, problems, depth + 1);
        } else if (n.path("invokingEvent").isTextual()) {
            collect(parse(n.get("invokingEvent").asText(), "invokingEvent", problems), out, problems, depth + 1);
        } else if (isNotification(n)) {
            collect(parse(n.get("Message").asText(), "Message", problems), out, problems, depth + 1);
        } else if (n.path("Results").isArray()) {
            for (JsonNode r : n.get("Results")) {
                collect(r.isTextual() ? parse(r.asText(), "Results", problems) : r, out, problems, depth + 1);
            }
        }
    }

    private static JsonNode parse(String text, String field, List<String> problems) {
        try {
            return JsonInput.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            problems.add(field + " is not a JSON document");
            return JsonInput.mapper().createObjectNode();
        }
    }

    /** What identifies the resource an item describes: its type, account, region and id. */
    static String key(JsonNode item) {
        String account = item.has("awsAccountId") ? item.path("awsAccountId").asText() : item.path("accountId").asText("");
        return item.path("resourceType").asText() + " " + account + " " + item.path("awsRegion").asText("") + " "
                + item.path("resourceId").asText(element(item));
    }

    /** The element name of an item in reports. */
    static String element(JsonNode item) {
        String type = item.path("resourceType").asText();
        String id = item.has("ARN") ? item.path("ARN").asText() : item.has("arn") ? item.path("arn").asText()
                : item.path("resourceId").asText(item.path("resourceName").asText("?"));
        return type + " " + id;
    }

    /** Translates one item. */
    static void translate(JsonNode item, Out out) {
        String type = item.path("resourceType").asText();
        String element = element(item);
        String status = item.path("configurationItemStatus").asText("OK");
        if (status.startsWith("ResourceDeleted") || status.equals("ResourceNotRecorded")) {
            out.unmodelled(type + " (" + status + ")", element);
            return;
        }
        JsonNode configuration = item.path("configuration");
        if (configuration.isTextual()) {
            List<String> problems = new ArrayList<>();
            configuration = parse(configuration.asText(), "configuration", problems);
            if (!problems.isEmpty()) {
                out.rejected(element, "configuration is not a JSON document");
                return;
            }
        }
        if (type.equals("AWS::S3::Bucket")) {
            bucket(item, configuration, out);
            return;
        }
        BiConsumer<JsonNode, Out> kind = KINDS.get(type);
        if (kind == null || !configuration.isObject()) {
            out.unmodelled(type, element);
            return;
        }
        ObjectNode api = (ObjectNode) capitalised(configuration);
        if (item.path("tags").isObject() && item.path("tags").size() > 0) {
            // The item's tags, where the API response of the kind keeps them (Tags, or RDS's TagList).
            ArrayNode tags = Tf.array();
            item.get("tags").fields().forEachRemaining(e -> tags.addObject().put("Key", e.getKey()).put("Value", e.getValue().asText()));
            for (String field : List.of("Tags", "TagList")) {
                if (!api.has(field) || api.get(field).isEmpty()) {
                    api.set(field, tags);
                }
            }
        }
        if (type.equals("AWS::RDS::DBSnapshot") || type.equals("AWS::RDS::DBClusterSnapshot")) {
            JsonNode attributes = capitalised(supplementary(item));
            String list = type.equals("AWS::RDS::DBSnapshot") ? "DBSnapshotAttributes" : "DBClusterSnapshotAttributes";
            if (attributes.path(list).isArray()) {
                ObjectNode result = Tf.object();
                String id = type.equals("AWS::RDS::DBSnapshot") ? "DBSnapshotIdentifier" : "DBClusterSnapshotIdentifier";
                result.set(id, api.path(id));
                result.set(list, attributes.get(list));
                kind.accept(api, out);
                if (type.equals("AWS::RDS::DBSnapshot")) {
                    RdsApi.snapshotAttributes(wrap("DBSnapshotAttributesResult", result), out);
                } else {
                    RdsApi.clusterSnapshotAttributes(wrap("DBClusterSnapshotAttributesResult", result), out);
                }
                return;
            }
        }
        kind.accept(api, out);
    }

    /** An S3 bucket: the configuration names it; its policy, public access block and ACL are supplementary. */
    private static void bucket(JsonNode item, JsonNode configuration, Out out) {
        String name = configuration.path("name").asText(Tf.str(item.path("resourceName")));
        if (name == null) {
            out.rejected(element(item), "expected the bucket's name");
            return;
        }
        JsonNode supplementary = supplementary(item);
        Tf bucket = S3Api.bucket(name).put("creation_date", configuration.path("creationDate"));
        if (item.path("tags").isObject()) {
            bucket.put("tags", item.get("tags"));
        }
        JsonNode policy = supplementary.path("BucketPolicy").path("policyText");
        if (policy.isTextual()) {
            bucket.text("policy", policy.asText());
        }
        JsonNode block = supplementary.path("PublicAccessBlockConfiguration");
        if (block.isObject()) {
            out.add(Tf.of("aws_s3_bucket_public_access_block", name).text("bucket", name)
                    .put("block_public_acls", block.path("blockPublicAcls")).put("block_public_policy", block.path("blockPublicPolicy"))
                    .put("ignore_public_acls", block.path("ignorePublicAcls"))
                    .put("restrict_public_buckets", block.path("restrictPublicBuckets")));
        }
        if (supplementary.path("ServerSideEncryptionConfiguration").isObject()) {
            bucket.attributes.putArray("server_side_encryption_configuration").addObject();
        }
        JsonNode acl = supplementary.path("AccessControlList");
        if (acl.isObject()) {
            JsonNode grants = acl.path("grantList");
            java.util.Map<String, java.util.Set<String>> byGroup = new java.util.TreeMap<>();
            for (JsonNode g : grants) {
                String group = g.path("grantee").isTextual() ? g.path("grantee").asText() : Tf.str(g.path("grantee").path("uri"));
                if (group != null) {
                    String uri = group.startsWith("http") ? group
                            : group.equals("AllUsers") ? "http://acs.amazonaws.com/groups/global/AllUsers"
                            : group.equals("AuthenticatedUsers") ? "http://acs.amazonaws.com/groups/global/AuthenticatedUsers" : null;
                    if (uri != null) {
                        byGroup.computeIfAbsent(uri, k -> new java.util.TreeSet<>()).add(permission(g.path("permission").asText()));
                    }
                }
            }
            S3Api.grants(bucket, byGroup);
        }
        out.add(bucket);
    }

    /**
     * The supplementary configuration of an item, each value as JSON: snapshots hold objects,
     * while history and query results hold each value as a JSON string. A string that is not JSON
     * is kept as it is.
     */
    private static ObjectNode supplementary(JsonNode item) {
        ObjectNode out = Tf.object();
        item.path("supplementaryConfiguration").fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            String text = v.isTextual() ? v.asText().strip() : "";
            if (text.startsWith("{") || text.startsWith("[")) {
                List<String> problems = new ArrayList<>();
                JsonNode parsed = parse(text, e.getKey(), problems);
                out.set(e.getKey(), problems.isEmpty() ? parsed : v);
            } else {
                out.set(e.getKey(), v);
            }
        });
        return out;
    }

    /** Config's ACL permissions ({@code FullControl}) as the API's ({@code FULL_CONTROL}). */
    private static String permission(String p) {
        return p.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    }

    private static BiConsumer<JsonNode, Out> list(String field, BiConsumer<JsonNode, Out> translator) {
        return (c, out) -> translator.accept(wrap(field, Tf.array().add(c)), out);
    }

    private static ObjectNode wrap(String field, JsonNode value) {
        ObjectNode o = Tf.object();
        o.set(field, value);
        return o;
    }

    /**
     * API field names whose case Config does not keep consistently ({@code dbclusterIdentifier},
     * {@code dBInstanceIdentifier}, {@code kmsKeyId}): read without regard to case.
     */
    private static final Map<String, String> FIELDS = java.util.stream.Stream.of(
                    "DBInstanceIdentifier", "DBInstanceArn", "DBClusterIdentifier", "DBClusterArn", "DBSnapshotIdentifier",
                    "DBSnapshotArn", "DBClusterSnapshotIdentifier", "DBClusterSnapshotArn", "DBSnapshotAttributes",
                    "DBClusterSnapshotAttributes", "DbiResourceId", "DBName", "KMSKeyArn", "KmsKeyId", "KMSMasterKeyArn",
                    "SSEDescription", "VpcId", "DNSName", "IpPermissions", "IpPermissionsEgress", "IpRanges",
                    "Ipv6Ranges", "CidrIp", "CidrIpv6", "UserIdGroupPairs", "PublicIpAddress", "PrivateIpAddress",
                    "IamInstanceProfile", "TagList", "InstanceCreateTime", "ClusterCreateTime", "SnapshotCreateTime")
            .collect(java.util.stream.Collectors.toMap(f -> f.toLowerCase(java.util.Locale.ROOT), f -> f));

    /**
     * The tree with every object key's first letter upper-cased ({@code dBInstanceIdentifier} →
     * {@code DBInstanceIdentifier}), except inside maps of user-chosen names (environment variables, tags).
     */
    static JsonNode capitalised(JsonNode n) {
        if (n.isObject()) {
            ObjectNode out = Tf.object();
            n.fields().forEachRemaining(e -> {
                String key = e.getKey();
                String upper = FIELDS.getOrDefault(key.toLowerCase(java.util.Locale.ROOT),
                        key.isEmpty() ? key : Character.toUpperCase(key.charAt(0)) + key.substring(1));
                boolean userKeys = upper.equals("Variables");
                out.set(upper, userKeys ? e.getValue() : capitalised(e.getValue()));
            });
            return out;
        }
        if (n.isArray()) {
            ArrayNode out = Tf.array();
            n.forEach(e -> out.add(capitalised(e)));
            return out;
        }
        return n;
    }
}
