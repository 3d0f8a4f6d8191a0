package dev.breachpath.derive;

import dev.breachpath.graph.BP;
import dev.breachpath.graph.FactGraph;
import dev.breachpath.iam.Actions;
import dev.breachpath.iam.Arns;
import dev.breachpath.iam.Evaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Node;

/**
 * Questions to the IAM evaluator about a loaded graph: may this principal perform this action
 * on this resource, and which statements decide it. Answers with the same policies and context
 * as the derivations use.
 */
public final class Permissions {
    private final View v;
    private final Iam iam;

    public Permissions(FactGraph graph) {
        this.v = new View(graph.graph());
        this.iam = new Iam(v);
    }

    /**
     * The answer to one question, with the principal and resource as the graph names them.
     *
     * @param notes what the answer could not take into account
     */
    public record Explanation(String principal, String action, String resource, Evaluation evaluation, List<String> notes) {}

    /**
     * Explains whether {@code principal} (an ARN or Terraform address of a user or role) may
     * perform {@code action} on {@code resource} (an ARN or address, or {@code *}).
     *
     * @throws IllegalArgumentException naming what was not found
     */
    public Explanation explain(String principal, String action, String resource) {
        if (!action.matches("[A-Za-z0-9-]+:[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("--action: expected service:Action, e.g. rds:CopyDBSnapshot");
        }
        List<Node> candidates = new ArrayList<>(v.ofType(BP.IamUser));
        candidates.addAll(v.ofType(BP.IamRole));
        Node who = find(candidates, principal).orElseThrow(() -> new IllegalArgumentException(
                "--principal: no IAM user or role with that ARN or address in the inputs"));
        List<String> notes = new ArrayList<>();
        Node what = null;
        String arn = resource;
        if (!resource.equals("*")) {
            List<Node> all = new ArrayList<>();
            v.graph().find(Node.ANY, BP.address, Node.ANY).forEachRemaining(t -> all.add(t.getSubject()));
            v.graph().find(Node.ANY, BP.arn, Node.ANY).forEachRemaining(t -> all.add(t.getSubject()));
            all.addAll(v.ofType(BP.DataStore));
            what = find(all.stream().distinct().sorted(View.ORDER).toList(), resource).orElse(null);
            if (what == null && !resource.startsWith("arn:")) {
                throw new IllegalArgumentException("--resource: no resource with that address or ARN in the inputs (give an ARN or *)");
            }
            if (what != null) {
                arn = iam.arn(what);
            } else {
                notes.add("the resource is not in the inputs: only the principal's policies are known");
            }
        }
        if (Actions.get(action).isEmpty()) {
            notes.add(action + " is not in the action catalogue; it is evaluated by pattern matching alone");
        } else if (!resource.equals("*") && Actions.get(action).get().wildcardOnly()) {
            notes.add(action + " takes no resource: it is authorized against Resource \"*\"");
        }
        if (what != null && v.is(what, BP.S3Bucket) && Actions.misfit(action, arn).isPresent() && Actions.misfit(action, arn + "/*").isEmpty()) {
            arn = arn + "/*";
            notes.add(action + " acts on objects: asked for every object of the bucket (" + arn + ")");
        }
        String asked = arn;
        Actions.misfit(action, arn).ifPresent(formats -> notes.add(action + " does not act on a resource like " + asked + "; it takes "
                + String.join(" or ", formats)));
        if (arn.contains(Arns.UNKNOWN)) {
            notes.add("part of the resource's ARN is not known before apply");
        }
        Evaluation e = iam.evaluate(who, action, what, Actions.authorizedResource(action, arn));
        if (iam.controls(iam.accountOf(who), Iam.SCP) == null) {
            notes.add("no service control policy applies that the inputs know of (they hold no Organizations data for the"
                    + " principal's account, or not all of it, or it is the management account)");
        }
        notes.add("session policies are not taken into account (a session's are not in the inputs)");
        return new Explanation(v.label(who), Actions.get(action).map(Actions.Action::action).orElse(action),
                what == null ? arn : v.label(what), e, notes);
    }

    private Optional<Node> find(List<Node> nodes, String name) {
        for (Node n : nodes) {
            if (v.string(n, BP.address).filter(name::equals).isPresent() || v.string(n, BP.arn).filter(name::equals).isPresent()) {
                return Optional.of(n);
            }
        }
        if (!name.startsWith("arn:")) {
            return Optional.empty();
        }
        for (Node n : nodes) {
            String built = iam.arn(n);
            if (built.equals(Arns.UNKNOWN)) {
                continue;
            }
            if (built.equals(name) || (built.contains(Arns.UNKNOWN) && dev.breachpath.iam.Arns.matches(built.replace(Arns.UNKNOWN, "*"), name)
                    == dev.breachpath.iam.Match.YES)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }
}
