/**
 * One mapping per AWS resource kind, from every input format to the vocabulary, and the registry
 * of them all.
 */
package dev.breachpath.resource.aws;
