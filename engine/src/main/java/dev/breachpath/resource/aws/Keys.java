package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.TerraformResource;

/** The KMS key of a data store. */
final class Keys {
    private Keys() {}

    /** Links {@code bp:kmsKey} from a key id or ARN attribute, if one is set. */
    static void link(TerraformResource r, Facts out, Object... path) {
        var key = r.value(path);
        if (key.isAbsent() || key.text().orElse("x").isEmpty()) {
            return;
        }
        Links.byName(r, out, BP.kmsKey, BP.KmsKey, path);
    }
}
