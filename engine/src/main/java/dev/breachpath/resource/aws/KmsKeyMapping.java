package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** A KMS key and its key policy. */
final class KmsKeyMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.KmsKey;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_kms_key", "data.aws_kms_key");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        out.bool(BP.keyRotation, r.value("enable_key_rotation"));
        var policy = r.value("policy");
        if (!policy.isAbsent() && !policy.text().orElse("x").isEmpty()) {
            PolicyFacts.document(r, out.part(BP.resourcePolicy, "policy", BP.ResourcePolicy), "policy");
        }
    }
}
