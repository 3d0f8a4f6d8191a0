package dev.breachpath.collect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One AWS operation the collector may call, and everything it needs to know of it: the IAM
 * action that allows it (docs/collect.md lists them as a policy), where its items are, and which
 * error codes mean "nothing there" rather than a failure. The collector calls nothing that is not
 * here.
 *
 * @param name     {@code service:Operation}, as the manifest and {@code scan} name it
 * @param action   the IAM action the call needs
 * @param items    the path of the items the call counts ({@code Reservations[].Instances[]}), or
 *                 null for a call about one resource
 * @param absent   error codes that say the thing asked for is not there (a bucket without a policy)
 * @param scrub    paths of texts that may hold secrets, replaced unless {@code --keep-secrets}
 *                 (the last segment a field name, or {@code *} for every field)
 * @param global   true for a call made once per account, not per region
 * @param present  a member the response has when the thing asked for is there, or null: a
 *                 response without it means "none" (a secret without a resource policy)
 */
record Op(String name, String action, String items, Set<String> absent, List<String> scrub, boolean global, String present) {

    /** Whether its responses are written: the lists of regions and a bucket's region only steer the run. */
    boolean written() {
        return this != REGIONS && this != BUCKET_LOCATION;
    }

    /** The file name stem of its responses: {@code ec2-describe-instances}. */
    String stem() {
        int colon = name.indexOf(':');
        String service = name.substring(0, colon);
        String op = name.substring(colon + 1);
        StringBuilder s = new StringBuilder(service).append('-');
        for (int i = 0; i < op.length(); i++) {
            char c = op.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && !Character.isUpperCase(op.charAt(i - 1))) {
                s.append('-');
            } else if (Character.isUpperCase(c) && i > 0 && i + 1 < op.length() && Character.isLowerCase(op.charAt(i + 1))) {
                s.append('-');
            }
            s.append(Character.toLowerCase(c));
        }
        return s.toString().toLowerCase(Locale.ROOT);
    }

    /** The top-level member that holds the items, if the call has items. */
    String listMember() {
        if (items == null) {
            return null;
        }
        int end = items.indexOf('[');
        int dot = items.indexOf('.');
        int cut = end < 0 ? dot : (dot < 0 ? end : Math.min(end, dot));
        return cut < 0 ? items : items.substring(0, cut);
    }

    /** Every operation, for docs and tests. */
    static final List<Op> ALL = new ArrayList<>();

    private static Op op(String name, String action, String items, boolean global, Set<String> absent, String... scrub) {
        Op op = new Op(name, action, items, absent, List.of(scrub), global, null);
        ALL.add(op);
        return op;
    }

    private static Op withPresent(Op op, String member) {
        Op with = new Op(op.name(), op.action(), op.items(), op.absent(), op.scrub(), op.global(), member);
        ALL.set(ALL.indexOf(op), with);
        return with;
    }

    private static Op regional(String name, String items, String... scrub) {
        return op(name, name.replace("elbv2:", "elasticloadbalancing:").replace("elb:", "elasticloadbalancing:"), items, false,
                Set.of(), scrub);
    }

    private static final Set<String> NOT_FOUND = Set.of("ResourceNotFoundException");

    // STS and the account's regions
    static final Op ASSUME_ROLE = op("sts:AssumeRole", "sts:AssumeRole", null, true, Set.of());
    static final Op CALLER = op("sts:GetCallerIdentity", "sts:GetCallerIdentity", null, true, Set.of());
    static final Op REGIONS = op("ec2:DescribeRegions", "ec2:DescribeRegions", "Regions[]", true, Set.of());

    // IAM
    static final Op AUTHORIZATION = op("iam:GetAccountAuthorizationDetails", "iam:GetAccountAuthorizationDetails",
            "UserDetailList[]", true, Set.of());
    static final Op ACCESS_KEYS = op("iam:ListAccessKeys", "iam:ListAccessKeys", "AccessKeyMetadata[]", true, Set.of("NoSuchEntity"));
    static final Op KEY_LAST_USED = op("iam:GetAccessKeyLastUsed", "iam:GetAccessKeyLastUsed", null, true, Set.of("NoSuchEntity"));
    static final Op GENERATE_REPORT = op("iam:GenerateCredentialReport", "iam:GenerateCredentialReport", null, true, Set.of());
    static final Op CREDENTIAL_REPORT = op("iam:GetCredentialReport", "iam:GetCredentialReport", null, true, Set.of());

    // S3
    static final Op BUCKETS = op("s3:ListBuckets", "s3:ListAllMyBuckets", "Buckets[]", true, Set.of());
    static final Op BUCKET_LOCATION = op("s3:GetBucketLocation", "s3:GetBucketLocation", null, true, Set.of("NoSuchBucket"));
    static final Op BUCKET_POLICY = op("s3:GetBucketPolicy", "s3:GetBucketPolicy", null, true, Set.of("NoSuchBucketPolicy", "NoSuchBucket"));
    static final Op BUCKET_PAB = op("s3:GetPublicAccessBlock", "s3:GetBucketPublicAccessBlock", null, true,
            Set.of("NoSuchPublicAccessBlockConfiguration", "NoSuchBucket"));
    static final Op BUCKET_TAGS = op("s3:GetBucketTagging", "s3:GetBucketTagging", null, true, Set.of("NoSuchTagSet", "NoSuchBucket"));
    static final Op BUCKET_ENCRYPTION = op("s3:GetBucketEncryption", "s3:GetEncryptionConfiguration", null, true,
            Set.of("ServerSideEncryptionConfigurationNotFoundError", "NoSuchBucket"));
    static final Op BUCKET_ACL = op("s3:GetBucketAcl", "s3:GetBucketAcl", null, true, Set.of("NoSuchBucket"));

    // Organizations (from the management account)
    static final Op ORGANIZATION = op("organizations:DescribeOrganization", "organizations:DescribeOrganization", null, true,
            Set.of("AWSOrganizationsNotInUseException"));
    static final Op ROOTS = op("organizations:ListRoots", "organizations:ListRoots", "Roots[]", true, Set.of());
    static final Op UNITS = op("organizations:ListOrganizationalUnitsForParent", "organizations:ListOrganizationalUnitsForParent",
            "OrganizationalUnits[]", true, Set.of("ParentNotFoundException"));
    static final Op ACCOUNTS = op("organizations:ListAccounts", "organizations:ListAccounts", "Accounts[]", true, Set.of());
    static final Op PARENTS = op("organizations:ListParents", "organizations:ListParents", "Parents[]", true, Set.of("ChildNotFoundException"));
    static final Op POLICIES = op("organizations:ListPolicies", "organizations:ListPolicies", "Policies[]", true,
            Set.of("PolicyTypeNotEnabledException"));
    static final Op POLICY = op("organizations:DescribePolicy", "organizations:DescribePolicy", null, true, Set.of("PolicyNotFoundException"));
    static final Op TARGETS = op("organizations:ListTargetsForPolicy", "organizations:ListTargetsForPolicy", "Targets[]", true,
            Set.of("PolicyNotFoundException"));

    // EC2
    static final Op INSTANCES = regional("ec2:DescribeInstances", "Reservations[].Instances[]");
    static final Op USER_DATA = op("ec2:DescribeInstanceAttribute", "ec2:DescribeInstanceAttribute", null, false,
            Set.of("InvalidInstanceID.NotFound"), "UserData.Value");
    static final Op PROFILE_ASSOCIATIONS = regional("ec2:DescribeIamInstanceProfileAssociations", "IamInstanceProfileAssociations[]");
    static final Op LAUNCH_TEMPLATES = regional("ec2:DescribeLaunchTemplates", "LaunchTemplates[]");
    static final Op LAUNCH_TEMPLATE_VERSIONS = op("ec2:DescribeLaunchTemplateVersions", "ec2:DescribeLaunchTemplateVersions",
            "LaunchTemplateVersions[]", false, Set.of("InvalidLaunchTemplateId.NotFound"),
            "LaunchTemplateVersions[].LaunchTemplateData.UserData");
    static final Op SECURITY_GROUPS = regional("ec2:DescribeSecurityGroups", "SecurityGroups[]");
    static final Op SUBNETS = regional("ec2:DescribeSubnets", "Subnets[]");
    static final Op VPCS = regional("ec2:DescribeVpcs", "Vpcs[]");
    static final Op ROUTE_TABLES = regional("ec2:DescribeRouteTables", "RouteTables[]");
    static final Op INTERNET_GATEWAYS = regional("ec2:DescribeInternetGateways", "InternetGateways[]");
    static final Op NAT_GATEWAYS = regional("ec2:DescribeNatGateways", "NatGateways[]");
    static final Op ADDRESSES = regional("ec2:DescribeAddresses", "Addresses[]");
    static final Op NETWORK_INTERFACES = regional("ec2:DescribeNetworkInterfaces", "NetworkInterfaces[]");
    static final Op SNAPSHOTS = regional("ec2:DescribeSnapshots", "Snapshots[]");
    static final Op VOLUMES = regional("ec2:DescribeVolumes", "Volumes[]");

    // Elastic Load Balancing
    static final Op LOAD_BALANCERS = regional("elbv2:DescribeLoadBalancers", "LoadBalancers[]");
    static final Op LISTENERS = op("elbv2:DescribeListeners", "elasticloadbalancing:DescribeListeners", "Listeners[]", false,
            Set.of("LoadBalancerNotFound"));
    static final Op TARGET_GROUPS = regional("elbv2:DescribeTargetGroups", "TargetGroups[]");
    static final Op TARGET_HEALTH = op("elbv2:DescribeTargetHealth", "elasticloadbalancing:DescribeTargetHealth",
            "TargetHealthDescriptions[]", false, Set.of("TargetGroupNotFound"));
    static final Op CLASSIC_LOAD_BALANCERS = regional("elb:DescribeLoadBalancers", "LoadBalancerDescriptions[]");

    // Lambda
    static final Op FUNCTIONS = regional("lambda:ListFunctions", "Functions[]", "Functions[].Environment.Variables.*");
    static final Op FUNCTION_POLICY = op("lambda:GetPolicy", "lambda:GetPolicy", null, false, NOT_FOUND);
    static final Op FUNCTION_URL = op("lambda:GetFunctionUrlConfig", "lambda:GetFunctionUrlConfig", null, false, NOT_FOUND);

    // RDS
    static final Op DB_INSTANCES = regional("rds:DescribeDBInstances", "DBInstances[]");
    static final Op DB_CLUSTERS = regional("rds:DescribeDBClusters", "DBClusters[]");
    static final Op DB_SNAPSHOTS = regional("rds:DescribeDBSnapshots", "DBSnapshots[]");
    static final Op DB_CLUSTER_SNAPSHOTS = regional("rds:DescribeDBClusterSnapshots", "DBClusterSnapshots[]");
    static final Op DB_SNAPSHOT_ATTRIBUTES = op("rds:DescribeDBSnapshotAttributes", "rds:DescribeDBSnapshotAttributes", null, false,
            Set.of("DBSnapshotNotFound"));
    static final Op DB_CLUSTER_SNAPSHOT_ATTRIBUTES = op("rds:DescribeDBClusterSnapshotAttributes",
            "rds:DescribeDBClusterSnapshotAttributes", null, false, Set.of("DBClusterSnapshotNotFoundFault"));

    // DynamoDB, Secrets Manager, KMS, ECS
    static final Op TABLES = regional("dynamodb:ListTables", "TableNames[]");
    static final Op TABLE = op("dynamodb:DescribeTable", "dynamodb:DescribeTable", null, false, NOT_FOUND);
    static final Op SECRETS = regional("secretsmanager:ListSecrets", "SecretList[]");
    static final Op SECRET_POLICY = withPresent(op("secretsmanager:GetResourcePolicy", "secretsmanager:GetResourcePolicy", null, false,
            NOT_FOUND), "ResourcePolicy");
    static final Op KEYS = regional("kms:ListKeys", "Keys[]");
    static final Op KEY = op("kms:DescribeKey", "kms:DescribeKey", null, false, Set.of("NotFoundException"));
    static final Op KEY_POLICY = op("kms:GetKeyPolicy", "kms:GetKeyPolicy", null, false, Set.of("NotFoundException"));
    static final Op KEY_ROTATION = op("kms:GetKeyRotationStatus", "kms:GetKeyRotationStatus", null, false,
            Set.of("NotFoundException", "UnsupportedOperationException"));
    static final Op TASK_DEFINITIONS = regional("ecs:ListTaskDefinitions", "taskDefinitionArns[]");
    // every text of a task definition that can carry a secret: environment values, the command
    // and entry point, health checks, labels, log and FireLens options (tokens), volume driver
    // options (mount passwords), proxy properties
    static final Op TASK_DEFINITION = op("ecs:DescribeTaskDefinition", "ecs:DescribeTaskDefinition", null, false,
            Set.of("ClientException"), "taskDefinition.containerDefinitions[].environment[].value",
            "taskDefinition.containerDefinitions[].command[]", "taskDefinition.containerDefinitions[].entryPoint[]",
            "taskDefinition.containerDefinitions[].healthCheck.command[]", "taskDefinition.containerDefinitions[].dockerLabels.*",
            "taskDefinition.containerDefinitions[].logConfiguration.options.*",
            "taskDefinition.containerDefinitions[].firelensConfiguration.options.*",
            "taskDefinition.volumes[].dockerVolumeConfiguration.driverOpts.*", "taskDefinition.proxyConfiguration.properties[].value");
}
