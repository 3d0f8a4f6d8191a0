/**
 * Policies over the fact graph: safe SPARQL execution now; the policy model, its YAML, path
 * evaluation and findings in later stages.
 */
package dev.breachpath.policy;
