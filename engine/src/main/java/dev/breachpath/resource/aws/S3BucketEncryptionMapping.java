package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** Default encryption of a bucket: written as the bucket's bp:encrypted. */
final class S3BucketEncryptionMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.Association;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_s3_bucket_server_side_encryption_configuration");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        Targets buckets = r.targetsByName(AttrPath.of("bucket"), BP.S3Bucket, false);
        for (Node bucket : buckets.nodes()) {
            out.on(bucket).bool(BP.encrypted, true);
        }
    }
}
