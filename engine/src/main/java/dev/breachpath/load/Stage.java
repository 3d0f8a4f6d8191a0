package dev.breachpath.load;

/**
 * Which state of the infrastructure a graph describes. A plan describes two: what exists before
 * it is applied, and what will exist after. An inventory snapshot describes one, which is both.
 */
public enum Stage {
    /** The state before the plan: Terraform's prior state, or the deployed inventory. */
    BEFORE,
    /** The state after the plan is applied; the default. */
    AFTER
}
