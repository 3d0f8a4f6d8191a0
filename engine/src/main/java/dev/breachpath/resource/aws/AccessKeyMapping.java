package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** An access key of a user. The key id is written only masked and as a fingerprint; the secret never. */
final class AccessKeyMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.AccessKey;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_iam_access_key");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        Links.byName(r, out, BP.user, BP.IamUser, "user");
        var status = r.value("status");
        if (status.isAbsent()) {
            out.string(BP.status, "Active"); // AWS's default
        } else {
            out.string(BP.status, status);
        }
        out.dateTime(BP.createdAt, r.value("create_date"));
        out.dateTime(BP.lastUsedAt, r.value("last_used_date"));
        if (r.value("never_used").bool().orElse(false)) {
            out.bool(BP.neverUsed, true);
        }
        var id = r.value("id");
        if (id.isUnknown()) {
            out.link(BP.keyId, BP.Unknown);
        }
        id.text().filter(dev.breachpath.secret.KeyIds::isKeyId).ifPresent(keyId -> {
            out.string(BP.keyId, dev.breachpath.secret.KeyIds.mask(keyId));
            out.string(BP.keyFingerprint, dev.breachpath.secret.KeyIds.fingerprint(keyId));
        });
    }
}
