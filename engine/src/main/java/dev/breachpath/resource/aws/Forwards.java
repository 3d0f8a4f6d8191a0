package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.ArrayList;
import java.util.List;

/** The target groups a listener's or rule's actions forward to, simple or weighted. */
final class Forwards {
    private Forwards() {}

    /** Links {@code out} by {@code bp:targetGroup} to every group the actions at {@code actions} forward to. */
    static Targets write(TerraformResource r, Facts out, String actions) {
        List<org.apache.jena.graph.Node> all = new ArrayList<>();
        boolean ambiguous = false;
        int count = r.blocks(AttrPath.of(actions));
        for (int i = 0; i < count; i++) {
            ambiguous |= add(r, out, AttrPath.of(actions, i, "target_group_arn"), all);
            int forwards = r.blocks(AttrPath.of(actions, i, "forward"));
            for (int f = 0; f < forwards; f++) {
                int groups = r.blocks(AttrPath.of(actions, i, "forward", f, "target_group"));
                for (int g = 0; g < groups; g++) {
                    ambiguous |= add(r, out, AttrPath.of(actions, i, "forward", f, "target_group", g, "arn"), all);
                }
            }
        }
        return new Targets(all, ambiguous, false);
    }

    private static boolean add(TerraformResource r, Facts out, AttrPath path, List<org.apache.jena.graph.Node> all) {
        Targets t = r.targets(path, BP.TargetGroup, false);
        if (!t.isEmpty()) {
            out.link(BP.targetGroup, t, path);
            all.addAll(t.nodes());
        }
        return t.ambiguous();
    }
}
