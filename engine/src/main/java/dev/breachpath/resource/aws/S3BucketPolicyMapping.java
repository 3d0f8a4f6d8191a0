package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** A bucket policy resource. */
final class S3BucketPolicyMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.ResourcePolicy;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_s3_bucket_policy");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        Targets buckets = r.targetsByName(AttrPath.of("bucket"), BP.S3Bucket, false);
        Links.reverse(buckets, out, BP.resourcePolicy, out.node());
        PolicyFacts.document(r, out, "policy");
    }
}
