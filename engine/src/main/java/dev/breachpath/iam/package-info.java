/**
 * IAM policy documents: their model, parsing and evaluation (actions, resources, wildcards, Deny);
 * depends on nothing of ours.
 */
package dev.breachpath.iam;
