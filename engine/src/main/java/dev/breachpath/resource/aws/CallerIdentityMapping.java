package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** The identity Terraform runs as, which tells the account. */
final class CallerIdentityMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.CallerIdentity;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("data.aws_caller_identity");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        out.string(BP.accountId, r.value("account_id"));
    }
}
