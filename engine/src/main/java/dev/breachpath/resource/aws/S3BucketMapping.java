package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** An S3 bucket, with the ACL, policy and encryption that older providers keep inline. */
final class S3BucketMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.S3Bucket;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_s3_bucket", "data.aws_s3_bucket");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        var bucket = r.value("bucket");
        out.string(BP.name, bucket.isAbsent() ? r.value("id") : bucket);
        Acls.canned(r, out, out.node(), AttrPath.of("acl"));
        int grants = r.blocks(AttrPath.of("grant"));
        for (int i = 0; i < grants; i++) {
            Acls.grant(out, out.node(), r.value("grant", i, "uri"), r.value("grant", i, "permissions"));
        }
        var policy = r.value("policy");
        if (!policy.isAbsent() && !policy.text().orElse("x").isEmpty()) {
            PolicyFacts.document(r, out.part(BP.resourcePolicy, "policy", BP.ResourcePolicy), "policy");
        }
        if (r.size(AttrPath.of("server_side_encryption_configuration")) > 0) {
            out.bool(BP.encrypted, true);
        }
    }
}
