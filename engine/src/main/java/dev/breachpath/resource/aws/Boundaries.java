package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;

/** A user's or role's permissions boundary. */
final class Boundaries {
    private Boundaries() {}

    static void write(TerraformResource r, Facts out) {
        var boundary = r.value("permissions_boundary");
        if (boundary.isAbsent() || boundary.text().orElse("x").isEmpty()) {
            return;
        }
        Targets policies = Links.byName(r, out, BP.permissionsBoundary, BP.IamPolicy, "permissions_boundary");
        PolicyFacts.markAwsManaged(policies, out);
    }
}
