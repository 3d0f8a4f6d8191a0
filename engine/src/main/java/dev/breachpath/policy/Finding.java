package dev.breachpath.policy;

import java.util.List;

/**
 * One finding: what a policy found, with its path.
 *
 * @param id        a stable fingerprint: policy, source, target and the relations of the path
 * @param policy    the policy
 * @param certainty {@code definite}, or {@code possible} when a hop (or the exposure) is only possible
 * @param message   one sentence
 * @param path      the source first and the target last; a query policy's finding has one step
 * @param exposure  how the internet reaches the source, for a source exposed to it; else null
 */
public record Finding(String id, Policy policy, String certainty, String message, List<Step> path, Hop exposure) {
    /**
     * One node of a path.
     *
     * @param id       the Terraform address (the ARN, else the AWS id, for inventory resources; an id
     *                 of its own for a found credential)
     * @param type     the node's class, e.g. {@code Ec2Instance}
     * @param relation the relation to the next step, or null on the last
     * @param hop      the witness of that relation, or null on the last
     */
    public record Step(String id, String type, String relation, Hop hop) {}

    /**
     * The witness of one hop.
     *
     * @param certainty {@code definite} or {@code possible}
     * @param summary   one line
     * @param evidence  the facts it used
     */
    public record Hop(String certainty, String summary, List<String> evidence) {}

    public Step source() {
        return path.get(0);
    }

    public Step target() {
        return path.get(path.size() - 1);
    }
}
