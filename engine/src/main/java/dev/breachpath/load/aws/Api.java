package dev.breachpath.load.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * One AWS API response shape that breachpath reads: how to recognise it from its content alone,
 * and how it translates into resources.
 *
 * @param name      {@code service:Operation}, as reports name it
 * @param signature true for a response of this shape
 * @param translate writes what the response describes
 */
record Api(String name, Predicate<JsonNode> signature, BiConsumer<JsonNode, Out> translate) {

    /** Every response shape read, most specific first. */
    static final List<Api> ALL = List.of(
            // IAM's whole account first: its lists would pass for other responses
            new Api("iam:GetAccountAuthorizationDetails", r -> r.has("UserDetailList") || r.has("RoleDetailList")
                    || r.has("GroupDetailList"), IamApi::authorizationDetails),
            // EC2
            new Api("ec2:DescribeInstances", array("Reservations"), Ec2Api::instances),
            new Api("ec2:DescribeInstanceAttribute", Api::isInstanceAttribute, Ec2Api::instanceAttribute),
            new Api("ec2:DescribeIamInstanceProfileAssociations", array("IamInstanceProfileAssociations"), Ec2Api::profileAssociations),
            new Api("ec2:DescribeLaunchTemplateVersions", array("LaunchTemplateVersions"), Ec2Api::launchTemplateVersions),
            new Api("ec2:DescribeLaunchTemplates", array("LaunchTemplates"), Ec2Api::launchTemplates),
            new Api("ec2:DescribeSecurityGroups", array("SecurityGroups").and(r -> !r.has("LoadBalancerDescriptions")), Ec2Api::securityGroups),
            new Api("ec2:DescribeSubnets", array("Subnets"), Ec2Api::subnets),
            new Api("ec2:DescribeVpcs", array("Vpcs"), Ec2Api::vpcs),
            new Api("ec2:DescribeRouteTables", array("RouteTables"), Ec2Api::routeTables),
            new Api("ec2:DescribeInternetGateways", array("InternetGateways"), Ec2Api::internetGateways),
            new Api("ec2:DescribeNatGateways", array("NatGateways"), Ec2Api::natGateways),
            new Api("ec2:DescribeAddresses", array("Addresses"), Ec2Api::addresses),
            new Api("ec2:DescribeNetworkInterfaces", array("NetworkInterfaces"), Ec2Api::networkInterfaces),
            new Api("ec2:DescribeSnapshots", array("Snapshots").and(r -> r.path("Snapshots").path(0).has("SnapshotId")
                    || r.path("Snapshots").isEmpty()), (r, out) -> each(r, "Snapshots", "SnapshotId", "AWS::EC2::Snapshot", out)),
            new Api("ec2:DescribeVolumes", array("Volumes").and(r -> r.path("Volumes").path(0).has("VolumeId")
                    || r.path("Volumes").isEmpty()), (r, out) -> each(r, "Volumes", "VolumeId", "AWS::EC2::Volume", out)),
            // Elastic Load Balancing
            new Api("elbv2:DescribeLoadBalancers", array("LoadBalancers").and(r -> r.path("LoadBalancers").path(0).has("LoadBalancerArn")
                    || r.path("LoadBalancers").isEmpty()), ElbApi::loadBalancers),
            new Api("elbv2:DescribeListeners", array("Listeners"), ElbApi::listeners),
            new Api("elbv2:DescribeTargetGroups", array("TargetGroups"), ElbApi::targetGroups),
            new Api("elbv2:DescribeTargetHealth", array("TargetHealthDescriptions"), ElbApi::targetHealth),
            new Api("elb:DescribeLoadBalancers", array("LoadBalancerDescriptions"), ElbApi::classic),
            // Lambda
            new Api("lambda:ListFunctions", array("Functions"), LambdaApi::functions),
            new Api("lambda:GetFunction", r -> r.path("Configuration").has("FunctionArn"), LambdaApi::getFunction),
            new Api("lambda:GetFunctionConfiguration", r -> r.path("FunctionArn").isTextual()
                    && (r.has("Runtime") || r.has("Handler") || r.has("Role")), (r, out) -> LambdaApi.function(r, out)),
            new Api("lambda:GetFunctionUrlConfig", r -> r.path("FunctionUrl").isTextual() && r.has("FunctionArn"), LambdaApi::functionUrl),
            // IAM
            new Api("iam:ListAccessKeys", array("AccessKeyMetadata"), IamApi::accessKeys),
            new Api("iam:GetAccessKeyLastUsed", r -> r.path("AccessKeyLastUsed").isObject(), IamApi::accessKeyLastUsed),
            new Api("iam:GetCredentialReport", r -> r.path("Content").isTextual() && r.has("ReportFormat"), IamApi::credentialReport),
            new Api("iam:GetGroup", r -> r.path("Group").has("GroupName") && r.path("Users").isArray(), IamApi::group),
            new Api("iam:ListUsers", array("Users").or(r -> r.path("User").has("UserName")), IamApi::users),
            new Api("iam:ListGroups", array("Groups").and(r -> r.path("Groups").path(0).has("GroupName") || r.path("Groups").isEmpty()),
                    (r, out) -> r.path("Groups").forEach(g -> IamDetails.group(g, out))),
            new Api("iam:ListRoles", array("Roles").or(r -> r.path("Role").has("RoleName")), IamApi::roles),
            new Api("iam:ListInstanceProfiles", array("InstanceProfiles").or(r -> r.path("InstanceProfile").has("InstanceProfileName")),
                    IamApi::instanceProfiles),
            // RDS
            new Api("rds:DescribeDBInstances", array("DBInstances"), RdsApi::instances),
            new Api("rds:DescribeDBClusters", array("DBClusters"), RdsApi::clusters),
            new Api("rds:DescribeDBSnapshots", array("DBSnapshots"), RdsApi::snapshots),
            new Api("rds:DescribeDBClusterSnapshots", array("DBClusterSnapshots"), RdsApi::clusterSnapshots),
            new Api("rds:DescribeDBSnapshotAttributes", r -> r.path("DBSnapshotAttributesResult").isObject(), RdsApi::snapshotAttributes),
            new Api("rds:DescribeDBClusterSnapshotAttributes", r -> r.path("DBClusterSnapshotAttributesResult").isObject(),
                    RdsApi::clusterSnapshotAttributes),
            // S3
            new Api("s3:ListBuckets", array("Buckets"), S3Api::buckets),
            new Api("s3:GetPublicAccessBlock", r -> r.path("PublicAccessBlockConfiguration").isObject(), S3Api::publicAccessBlock),
            new Api("s3:GetBucketTagging", array("TagSet"), S3Api::tagging),
            new Api("s3:GetBucketEncryption", r -> r.path("ServerSideEncryptionConfiguration").isObject(), S3Api::encryption),
            new Api("s3:GetBucketAcl", array("Grants").and(r -> r.has("Owner")), S3Api::acl),
            // A resource policy as text: a bucket's, a function's or a key's
            new Api("resource policy", r -> r.path("Policy").isTextual() || r.path("Policy").path("Statement").isContainerNode(),
                    Api::policy),
            // DynamoDB, Secrets Manager, KMS, ECS
            new Api("dynamodb:DescribeTable", r -> r.path("Table").has("TableName"), DataApi::table),
            new Api("dynamodb:ListTables", array("TableNames"), DataApi::tableNames),
            new Api("secretsmanager:ListSecrets", array("SecretList"), DataApi::secrets),
            new Api("secretsmanager:GetResourcePolicy", r -> r.path("ARN").isTextual() && r.has("ResourcePolicy"), DataApi::secretPolicy),
            new Api("secretsmanager:DescribeSecret", r -> r.path("ARN").asText("").contains(":secretsmanager:") && r.has("Name"),
                    DataApi::secret),
            new Api("kms:ListKeys", array("Keys").and(r -> r.path("Keys").path(0).has("KeyId") || r.path("Keys").isEmpty()), DataApi::keys),
            new Api("kms:DescribeKey", r -> r.path("KeyMetadata").isObject(), DataApi::describeKey),
            new Api("kms:GetKeyRotationStatus", r -> r.has("KeyRotationEnabled"), DataApi::keyRotation),
            new Api("ecs:DescribeTaskDefinition", r -> r.path("taskDefinition").isObject(), DataApi::taskDefinition),
            new Api("ecs:ListTaskDefinitions", array("taskDefinitionArns"), DataApi::taskDefinitionArns),
            // STS, Organizations
            new Api("sts:GetCallerIdentity", r -> r.path("Account").isTextual() && r.has("Arn") && r.has("UserId"), DataApi::callerIdentity),
            new Api("organizations:ListPolicies", array("Policies").and(r -> r.path("Policies").path(0).has("Type")
                    || r.path("Policies").isEmpty()), OrganizationsApi::policies),
            new Api("organizations:DescribePolicy", r -> r.path("Policy").path("PolicySummary").isObject(), OrganizationsApi::describePolicy),
            new Api("organizations:ListTargetsForPolicy", array("Targets").and(r -> r.path("Targets").path(0).has("TargetId")
                    || r.path("Targets").isEmpty()), OrganizationsApi::targets),
            new Api("organizations:ListAccounts", array("Accounts"), OrganizationsApi::accounts),
            new Api("organizations:ListRoots", array("Roots"), OrganizationsApi::roots),
            new Api("organizations:ListOrganizationalUnitsForParent", array("OrganizationalUnits"), OrganizationsApi::units),
            new Api("organizations:ListParents", array("Parents"), OrganizationsApi::parents),
            new Api("organizations:DescribeOrganization", r -> r.path("Organization").has("MasterAccountId"), OrganizationsApi::organization));

    /** The shape of a response, if it is one breachpath reads. */
    static Optional<Api> of(JsonNode response) {
        if (!response.isObject()) {
            return Optional.empty();
        }
        for (Api api : ALL) {
            if (api.signature().test(response)) {
                return Optional.of(api);
            }
        }
        return Optional.empty();
    }

    /** The Api of this name (the manifest names the operation of each file). */
    static Optional<Api> named(String name) {
        return ALL.stream().filter(a -> a.name().equalsIgnoreCase(name)).findFirst();
    }

    /** {@code {"InstanceId": ..., "<Attribute>": {"Value": ...} or [...]}}. */
    private static boolean isInstanceAttribute(JsonNode r) {
        if (!r.path("InstanceId").isTextual() || r.size() != 2) {
            return false;
        }
        for (var it = r.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getKey().equals("InstanceId")) {
                return e.getValue().isArray() || e.getValue().isObject();
            }
        }
        return false;
    }

    private static Predicate<JsonNode> array(String field) {
        return r -> r.path(field).isArray();
    }

    private static void each(JsonNode r, String list, String idField, String awsType, Out out) {
        for (JsonNode e : r.path(list)) {
            out.unmodelled(awsType, e.path(idField).asText(awsType));
        }
    }

    /**
     * {@code {"Policy": "..."}}: S3 GetBucketPolicy, Lambda GetPolicy or KMS GetKeyPolicy, told
     * apart by the manifest's operation, else by Lambda's RevisionId, else by what the statements
     * name.
     */
    private static void policy(JsonNode response, Out out) {
        JsonNode policy = response.path("Policy");
        String text = policy.isTextual() ? policy.asText() : policy.toString();
        JsonNode document;
        try {
            document = policy.isTextual() ? dev.breachpath.load.JsonInput.mapper().readTree(text) : policy;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            out.rejected("resource policy", "Policy is not a JSON document");
            return;
        }
        String operation = out.context().operation();
        String kind = operation != null ? operation.toLowerCase(java.util.Locale.ROOT) : "";
        if (kind.contains("getkeypolicy") || (kind.isEmpty() && response.has("PolicyName"))) {
            DataApi.keyPolicy(text, out);
        } else if (kind.contains("getpolicy") || (kind.isEmpty() && (response.has("RevisionId") || namesLambda(document)))) {
            LambdaApi.policy(document, out);
        } else {
            S3Api.policy(text, document, out);
        }
    }

    private static boolean namesLambda(JsonNode document) {
        for (JsonNode s : LambdaApi.statements(document)) {
            if (s.path("Resource").asText("").contains(":lambda:")) {
                return true;
            }
        }
        return false;
    }
}
