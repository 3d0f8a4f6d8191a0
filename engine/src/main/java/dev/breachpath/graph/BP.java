package dev.breachpath.graph;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The terms of the breachpath vocabulary as Jena nodes, one constant per term of
 * {@code breachpath.ttl}, named exactly as the term. The ontology file is the source of truth;
 * {@code VocabularyTest} keeps the two in agreement.
 */
public final class BP {
    /** The namespace of every breachpath term. */
    public static final String NS = "https://breachpath.dev/ns#";

    /** The namespace of tag predicates: tag {@code Name} is {@code <https://breachpath.dev/tag/Name>}. */
    public static final String TAG_NS = "https://breachpath.dev/tag/";

    private BP() {}

    private static Node term(String localName) {
        return NodeFactory.createURI(NS + localName);
    }

    // Classes
    public static final Node Resource = term("Resource");
    public static final Node AmbiguousLink = term("AmbiguousLink");
    public static final Node Association = term("Association");
    public static final Node Compute = term("Compute");
    public static final Node Ec2Instance = term("Ec2Instance");
    public static final Node LaunchTemplate = term("LaunchTemplate");
    public static final Node AutoScalingGroup = term("AutoScalingGroup");
    public static final Node LambdaFunction = term("LambdaFunction");
    public static final Node LambdaFunctionUrl = term("LambdaFunctionUrl");
    public static final Node LambdaPermission = term("LambdaPermission");
    public static final Node EcsTaskDefinition = term("EcsTaskDefinition");
    public static final Node Network = term("Network");
    public static final Node Vpc = term("Vpc");
    public static final Node Subnet = term("Subnet");
    public static final Node RouteTable = term("RouteTable");
    public static final Node Route = term("Route");
    public static final Node InternetGateway = term("InternetGateway");
    public static final Node NatGateway = term("NatGateway");
    public static final Node ElasticIp = term("ElasticIp");
    public static final Node NetworkInterface = term("NetworkInterface");
    public static final Node SecurityGroup = term("SecurityGroup");
    public static final Node SecurityGroupRule = term("SecurityGroupRule");
    public static final Node LoadBalancer = term("LoadBalancer");
    public static final Node Listener = term("Listener");
    public static final Node TargetGroup = term("TargetGroup");
    public static final Node Principal = term("Principal");
    public static final Node IamUser = term("IamUser");
    public static final Node IamGroup = term("IamGroup");
    public static final Node IamRole = term("IamRole");
    public static final Node InstanceProfile = term("InstanceProfile");
    public static final Node Credential = term("Credential");
    public static final Node AccessKey = term("AccessKey");
    public static final Node CallerIdentity = term("CallerIdentity");
    public static final Node PolicyDocument = term("PolicyDocument");
    public static final Node IamPolicy = term("IamPolicy");
    public static final Node TrustPolicy = term("TrustPolicy");
    public static final Node ResourcePolicy = term("ResourcePolicy");
    public static final Node OrganizationPolicy = term("OrganizationPolicy");
    public static final Node OrganizationUnit = term("OrganizationUnit");
    public static final Node Account = term("Account");
    public static final Node Statement = term("Statement");
    public static final Node DataStore = term("DataStore");
    public static final Node DbInstance = term("DbInstance");
    public static final Node DbCluster = term("DbCluster");
    public static final Node DbSnapshot = term("DbSnapshot");
    public static final Node DbClusterSnapshot = term("DbClusterSnapshot");
    public static final Node S3Bucket = term("S3Bucket");
    public static final Node PublicAccessBlock = term("PublicAccessBlock");
    public static final Node DynamoTable = term("DynamoTable");
    public static final Node Secret = term("Secret");
    public static final Node KmsKey = term("KmsKey");

    // Individuals
    public static final Node Unknown = term("Unknown");
    public static final Node Redacted = term("Redacted");

    // Properties
    public static final Node address = term("address");
    public static final Node associates = term("associates");
    public static final Node terraformType = term("terraformType");
    public static final Node terraformMode = term("terraformMode");
    public static final Node module = term("module");
    public static final Node change = term("change");
    public static final Node attributes = term("attributes");
    public static final Node references = term("references");
    public static final Node arn = term("arn");
    public static final Node awsId = term("awsId");
    public static final Node name = term("name");
    public static final Node region = term("region");
    public static final Node accountId = term("accountId");
    public static final Node external = term("external");
    public static final Node ambiguousLink = term("ambiguousLink");
    public static final Node relation = term("relation");
    public static final Node candidate = term("candidate");
    public static final Node attribute = term("attribute");
    public static final Node vpc = term("vpc");
    public static final Node subnet = term("subnet");
    public static final Node securityGroup = term("securityGroup");
    public static final Node routeTable = term("routeTable");
    public static final Node mainRouteTable = term("mainRouteTable");
    public static final Node route = term("route");
    public static final Node destination = term("destination");
    public static final Node routeTarget = term("routeTarget");
    public static final Node cidrBlock = term("cidrBlock");
    public static final Node availabilityZone = term("availabilityZone");
    public static final Node mapPublicIpOnLaunch = term("mapPublicIpOnLaunch");
    public static final Node associatePublicIp = term("associatePublicIp");
    public static final Node publicIp = term("publicIp");
    public static final Node privateIp = term("privateIp");
    public static final Node isDefault = term("isDefault");
    public static final Node instance = term("instance");
    public static final Node networkInterface = term("networkInterface");
    public static final Node rule = term("rule");
    public static final Node direction = term("direction");
    public static final Node protocol = term("protocol");
    public static final Node fromPort = term("fromPort");
    public static final Node toPort = term("toPort");
    public static final Node cidr = term("cidr");
    public static final Node prefixList = term("prefixList");
    public static final Node peerSecurityGroup = term("peerSecurityGroup");
    public static final Node self = term("self");
    public static final Node internetFacing = term("internetFacing");
    public static final Node loadBalancerType = term("loadBalancerType");
    public static final Node loadBalancer = term("loadBalancer");
    public static final Node listener = term("listener");
    public static final Node port = term("port");
    public static final Node targetGroup = term("targetGroup");
    public static final Node target = term("target");
    public static final Node targetType = term("targetType");
    public static final Node natGatewayConnectivity = term("natGatewayConnectivity");
    public static final Node instanceProfile = term("instanceProfile");
    public static final Node launchTemplate = term("launchTemplate");
    public static final Node imdsTokens = term("imdsTokens");
    public static final Node imdsEndpoint = term("imdsEndpoint");
    public static final Node imdsHopLimit = term("imdsHopLimit");
    public static final Node role = term("role");
    public static final Node taskRole = term("taskRole");
    public static final Node executionRole = term("executionRole");
    public static final Node function = term("function");
    public static final Node authType = term("authType");
    public static final Node permissionPrincipal = term("permissionPrincipal");
    public static final Node permissionAction = term("permissionAction");
    public static final Node sourceArn = term("sourceArn");
    public static final Node sourceAccount = term("sourceAccount");
    public static final Node user = term("user");
    public static final Node group = term("group");
    public static final Node policy = term("policy");
    public static final Node permissionsBoundary = term("permissionsBoundary");
    public static final Node trustPolicy = term("trustPolicy");
    public static final Node resourcePolicy = term("resourcePolicy");
    public static final Node documentSource = term("documentSource");
    public static final Node document = term("document");
    public static final Node awsManaged = term("awsManaged");
    public static final Node inline = term("inline");
    public static final Node path = term("path");
    public static final Node status = term("status");
    public static final Node policyType = term("policyType");
    public static final Node attachedTo = term("attachedTo");
    public static final Node parent = term("parent");
    public static final Node managementAccount = term("managementAccount");
    public static final Node keyId = term("keyId");
    public static final Node keyFingerprint = term("keyFingerprint");
    public static final Node statement = term("statement");
    public static final Node sid = term("sid");
    public static final Node index = term("index");
    public static final Node effect = term("effect");
    public static final Node action = term("action");
    public static final Node notAction = term("notAction");
    public static final Node resourcePattern = term("resourcePattern");
    public static final Node notResourcePattern = term("notResourcePattern");
    public static final Node principal = term("principal");
    public static final Node notPrincipal = term("notPrincipal");
    public static final Node condition = term("condition");
    public static final Node resourceRef = term("resourceRef");
    public static final Node engine = term("engine");
    public static final Node publiclyAccessible = term("publiclyAccessible");
    public static final Node encrypted = term("encrypted");
    public static final Node kmsKey = term("kmsKey");
    public static final Node dbInstance = term("dbInstance");
    public static final Node dbCluster = term("dbCluster");
    public static final Node sharedWith = term("sharedWith");
    public static final Node publicAccessBlock = term("publicAccessBlock");
    public static final Node blockPublicAcls = term("blockPublicAcls");
    public static final Node ignorePublicAcls = term("ignorePublicAcls");
    public static final Node blockPublicPolicy = term("blockPublicPolicy");
    public static final Node restrictPublicBuckets = term("restrictPublicBuckets");
    public static final Node acl = term("acl");
    public static final Node aclGrant = term("aclGrant");
    public static final Node keyRotation = term("keyRotation");
    public static final Node snapshotType = term("snapshotType");
    public static final Node createdAt = term("createdAt");
    public static final Node lastUsedAt = term("lastUsedAt");
    public static final Node neverUsed = term("neverUsed");
    public static final Node EmbeddedCredential = term("EmbeddedCredential");
    public static final Node embeds = term("embeds");
    public static final Node refersTo = term("refersTo");
    public static final Node credentialKind = term("credentialKind");
    public static final Node encoding = term("encoding");
    public static final Node line = term("line");
    public static final Node withSecret = term("withSecret");
    public static final Node sensitive = term("sensitive");
    public static final Node sensitivityReason = term("sensitivityReason");

    // Derived relations and their witnesses
    public static final Node Internet = term("Internet");
    public static final Node Administrator = term("Administrator");
    public static final Node Witness = term("Witness");
    public static final Node exposedTo = term("exposedTo");
    public static final Node holdsCredential = term("holdsCredential");
    public static final Node identifies = term("identifies");
    public static final Node runsAs = term("runsAs");
    public static final Node canAssume = term("canAssume");
    public static final Node canAccess = term("canAccess");
    public static final Node canBecome = term("canBecome");
    public static final Node canEmpower = term("canEmpower");
    public static final Node witness = term("witness");
    public static final Node from = term("from");
    public static final Node to = term("to");
    public static final Node via = term("via");
    public static final Node derivedBy = term("derivedBy");
    public static final Node certainty = term("certainty");
    public static final Node evidence = term("evidence");
    public static final Node summary = term("summary");
    public static final Node accessLevel = term("accessLevel");
    public static final Node allows = term("allows");
    public static final Node imdsV1 = term("imdsV1");
}
