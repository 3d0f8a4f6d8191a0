/**
 * Policies over the fact graph: safe SPARQL execution, the policy model and its YAML, path
 * policies over the path index, findings with stable ids, and policy packs' own test cases.
 */
package dev.breachpath.policy;
