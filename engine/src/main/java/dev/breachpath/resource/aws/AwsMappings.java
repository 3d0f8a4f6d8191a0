package dev.breachpath.resource.aws;

import dev.breachpath.resource.ResourceMapping;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every resource mapping, by the Terraform types it reads. Adding a resource kind is one mapping
 * class and one line in {@link #standard()}; a test fails if a mapping class is not listed.
 */
public final class AwsMappings {
    private final List<ResourceMapping> mappings;
    private final Map<String, ResourceMapping> byTerraformType = new TreeMap<>();

    private AwsMappings(List<ResourceMapping> mappings) {
        this.mappings = List.copyOf(mappings);
        for (ResourceMapping m : mappings) {
            for (String type : m.terraformTypes()) {
                if (byTerraformType.put(type, m) != null) {
                    throw new IllegalStateException("two mappings read " + type);
                }
            }
        }
    }

    /** The built-in mappings. */
    public static AwsMappings standard() {
        return new AwsMappings(List.of(
                // network
                new VpcMapping(),
                new SubnetMapping(),
                new RouteTableMapping(),
                new RouteMapping(),
                new RouteTableAssociationMapping(),
                new MainRouteTableAssociationMapping(),
                new InternetGatewayMapping(),
                new InternetGatewayAttachmentMapping(),
                new NatGatewayMapping(),
                new ElasticIpMapping(),
                new ElasticIpAssociationMapping(),
                new NetworkInterfaceMapping(),
                new NetworkInterfaceAttachmentMapping(),
                new NetworkInterfaceSecurityGroupAttachmentMapping(),
                new SecurityGroupMapping(),
                new SecurityGroupRuleMapping(),
                new VpcSecurityGroupRuleMapping(),
                new LoadBalancerMapping(),
                new ListenerMapping(),
                new ListenerRuleMapping(),
                new TargetGroupMapping(),
                new TargetGroupAttachmentMapping(),
                new ElbAttachmentMapping(),
                new AutoScalingAttachmentMapping(),
                // compute
                new Ec2InstanceMapping(),
                new LaunchTemplateMapping(),
                new LaunchConfigurationMapping(),
                new AutoScalingGroupMapping(),
                new LambdaFunctionMapping(),
                new LambdaFunctionUrlMapping(),
                new LambdaPermissionMapping(),
                new EcsTaskDefinitionMapping(),
                // identity
                new IamUserMapping(),
                new IamGroupMapping(),
                new IamRoleMapping(),
                new InstanceProfileMapping(),
                new AccessKeyMapping(),
                new IamPolicyMapping(),
                new InlinePolicyMapping(),
                new PolicyAttachmentMapping(),
                new GroupMembershipMapping(),
                new PolicyDocumentMapping(),
                new CallerIdentityMapping(),
                new OrganizationsMapping.Unit(),
                new OrganizationsMapping.Account(),
                new OrganizationsMapping.Policy(),
                new OrganizationsMapping.Attachment(),
                // data
                new DbInstanceMapping(),
                new DbClusterMapping(),
                new DbSnapshotMapping(),
                new DbClusterSnapshotMapping(),
                new S3BucketMapping(),
                new S3BucketPolicyMapping(),
                new PublicAccessBlockMapping(),
                new S3BucketAclMapping(),
                new S3BucketEncryptionMapping(),
                new DynamoTableMapping(),
                new SecretMapping(),
                new SecretPolicyMapping(),
                new KmsKeyMapping()));
    }

    /** Every mapping, in registration order. */
    public List<ResourceMapping> all() {
        return mappings;
    }

    /** The mapping of a Terraform type ({@code data.} prefixed for data sources), if it is modelled. */
    public Optional<ResourceMapping> forTerraform(String qualifiedType) {
        return Optional.ofNullable(byTerraformType.get(qualifiedType));
    }

    /** Every Terraform type some mapping reads, sorted. */
    public java.util.Set<String> terraformTypes() {
        return byTerraformType.keySet();
    }
}
