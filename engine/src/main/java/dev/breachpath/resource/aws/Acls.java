package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Value;
import org.apache.jena.graph.Node;

/** Bucket ACLs: a canned ACL, and grants to the groups that make a bucket public. */
final class Acls {
    private static final String GROUPS = "http://acs.amazonaws.com/groups/global/";

    private Acls() {}

    static void canned(TerraformResource r, Facts out, Node bucket, AttrPath path) {
        Value acl = r.value(path);
        if (!acl.isAbsent()) {
            out.on(bucket).string(BP.acl, acl);
        }
    }

    /** A grant to AllUsers or AuthenticatedUsers as {@code GROUP:PERMISSION}; grants to accounts are left to the raw attributes. */
    static void grant(Facts out, Node bucket, Value uri, Value permissions) {
        if (uri.isUnknown()) {
            out.on(bucket).link(BP.aclGrant, BP.Unknown);
            return;
        }
        String group = uri.text().filter(u -> u.startsWith(GROUPS)).map(u -> u.substring(GROUPS.length())).orElse(null);
        if (group == null) {
            return;
        }
        for (String permission : permissions.texts()) {
            out.on(bucket).string(BP.aclGrant, group + ":" + permission);
        }
    }
}
