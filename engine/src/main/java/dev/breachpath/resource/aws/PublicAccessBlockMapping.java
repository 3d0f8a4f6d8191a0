package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** Block Public Access settings of a bucket. */
final class PublicAccessBlockMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.PublicAccessBlock;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_s3_bucket_public_access_block");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        Targets buckets = r.targetsByName(AttrPath.of("bucket"), BP.S3Bucket, false);
        Links.reverse(buckets, out, BP.publicAccessBlock, out.node());
        out.bool(BP.blockPublicAcls, r.value("block_public_acls"));
        out.bool(BP.ignorePublicAcls, r.value("ignore_public_acls"));
        out.bool(BP.blockPublicPolicy, r.value("block_public_policy"));
        out.bool(BP.restrictPublicBuckets, r.value("restrict_public_buckets"));
    }
}
