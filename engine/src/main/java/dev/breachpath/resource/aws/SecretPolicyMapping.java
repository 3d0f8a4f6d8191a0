package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** A secret's resource policy as a resource of its own. */
final class SecretPolicyMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.ResourcePolicy;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_secretsmanager_secret_policy");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        Targets secrets = r.targetsByName(AttrPath.of("secret_arn"), BP.Secret, false);
        Links.reverse(secrets, out, BP.resourcePolicy, out.node());
        PolicyFacts.document(r, out, "policy");
    }
}
