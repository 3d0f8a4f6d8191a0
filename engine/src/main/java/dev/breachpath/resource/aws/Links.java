package dev.breachpath.resource.aws;

import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import org.apache.jena.graph.Node;

/** The common ways mappings write relations. */
final class Links {
    private Links() {}

    /** Links {@code out} by {@code prop} to what the id or ARN attribute at {@code path} refers to. */
    static Targets byId(TerraformResource r, Facts out, Node prop, Node cls, Object... path) {
        return write(r.targets(AttrPath.of(path), cls, false), out, prop, path);
    }

    /** Like {@link #byId}, for a list attribute: a reference to every instance is meant, not ambiguous. */
    static Targets allById(TerraformResource r, Facts out, Node prop, Node cls, Object... path) {
        return write(r.targets(AttrPath.of(path), cls, true), out, prop, path);
    }

    /** Links to what the name (or ARN) attribute at {@code path} refers to. */
    static Targets byName(TerraformResource r, Facts out, Node prop, Node cls, Object... path) {
        return write(r.targetsByName(AttrPath.of(path), cls, false), out, prop, path);
    }

    /** Like {@link #byName}, for a list attribute. */
    static Targets allByName(TerraformResource r, Facts out, Node prop, Node cls, Object... path) {
        return write(r.targetsByName(AttrPath.of(path), cls, true), out, prop, path);
    }

    /**
     * Links to what the first of {@code paths} that refers to something refers to: for blocks
     * that name a thing either by id (or ARN) or by name. A path whose last name ends in
     * {@code id} holds an id; any other, a name.
     */
    static Targets first(TerraformResource r, Facts out, Node prop, Node cls, AttrPath... paths) {
        for (AttrPath path : paths) {
            Object last = path.segments().get(path.segments().size() - 1);
            boolean byId = last instanceof String name && name.endsWith("id");
            Targets t = byId ? r.targets(path, cls, false) : r.targetsByName(path, cls, false);
            if (!t.isEmpty()) {
                out.link(prop, t, path);
                return t;
            }
        }
        return Targets.none();
    }

    /** Writes {@code <target> prop <subject>} for every target: a relation stated on the other end. */
    static void reverse(Targets targets, Facts out, Node prop, Node subject) {
        for (Node target : targets.nodes()) {
            out.on(target).link(prop, subject);
        }
    }

    /** Writes {@code <from> prop <to>} for every pair. */
    static void pairs(Targets from, Targets to, Facts out, Node prop) {
        for (Node f : from.nodes()) {
            for (Node t : to.nodes()) {
                out.on(f).link(prop, t);
            }
        }
    }

    private static Targets write(Targets targets, Facts out, Node prop, Object... path) {
        out.link(prop, targets, AttrPath.of(path));
        return targets;
    }
}
