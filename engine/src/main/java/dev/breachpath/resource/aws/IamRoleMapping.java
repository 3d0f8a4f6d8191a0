package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** An IAM role: its trust policy, managed and inline policies and boundary. */
final class IamRoleMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.IamRole;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_iam_role", "data.aws_iam_role");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        out.string(BP.name, r.value("name"));
        out.string(BP.path, r.value("path"));
        Boundaries.write(r, out);
        Facts trust = out.part(BP.trustPolicy, "trust-policy", BP.TrustPolicy);
        PolicyFacts.document(r, trust, "assume_role_policy");
        var managed = r.value("managed_policy_arns");
        if (!managed.isAbsent() && !(managed.isKnown() && managed.texts().isEmpty())) {
            Targets policies = Links.allByName(r, out, BP.policy, BP.IamPolicy, "managed_policy_arns");
            PolicyFacts.markAwsManaged(policies, out);
        }
        int inline = r.blocks(AttrPath.of("inline_policy"));
        for (int i = 0; i < inline; i++) {
            var name = r.value("inline_policy", i, "name");
            var policy = r.value("inline_policy", i, "policy");
            if (name.text().orElse("").isEmpty() && policy.text().orElse("").isEmpty() && !policy.isUnknown()) {
                continue; // the provider prints one empty block when there are none
            }
            Facts p = out.part(BP.policy, "inline-policy-" + name.text().orElse(Integer.toString(i)), BP.IamPolicy);
            p.bool(BP.inline, true).string(BP.name, name).link(BP.role, out.node());
            PolicyFacts.document(r, p, "inline_policy", i, "policy");
        }
    }
}
