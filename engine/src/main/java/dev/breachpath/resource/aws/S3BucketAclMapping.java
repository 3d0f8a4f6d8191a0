package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** A bucket ACL resource: written as the bucket's bp:acl and bp:aclGrant. */
final class S3BucketAclMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.Association;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_s3_bucket_acl");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        Targets buckets = r.targetsByName(AttrPath.of("bucket"), BP.S3Bucket, false);
        for (Node bucket : buckets.nodes()) {
            Acls.canned(r, out, bucket, AttrPath.of("acl"));
            AttrPath policy = AttrPath.of("access_control_policy", 0);
            int grants = r.blocks(policy.then("grant"));
            for (int i = 0; i < grants; i++) {
                Acls.grant(out, bucket, r.value(policy.then("grant", i, "grantee", 0, "uri")),
                        r.value(policy.then("grant", i, "permission")));
            }
        }
    }
}
