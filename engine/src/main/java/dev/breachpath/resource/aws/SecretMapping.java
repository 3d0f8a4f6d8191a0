package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** A Secrets Manager secret and its resource policy. */
final class SecretMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.Secret;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_secretsmanager_secret", "data.aws_secretsmanager_secret");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        out.string(BP.name, r.value("name"));
        Keys.link(r, out, "kms_key_id");
        var policy = r.value("policy");
        if (!policy.isAbsent() && !policy.text().orElse("x").isEmpty()) {
            PolicyFacts.document(r, out.part(BP.resourcePolicy, "policy", BP.ResourcePolicy), "policy");
        }
    }
}
