/**
 * IAM policy documents: their model and parsing (and, in later stages, their evaluation);
 * depends on nothing of ours.
 */
package dev.breachpath.iam;
