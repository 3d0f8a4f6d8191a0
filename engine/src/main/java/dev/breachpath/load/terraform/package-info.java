/**
 * Terraform plans ({@code terraform show -json}): reading every format version, resolving
 * configuration references through modules, and turning resource instances into facts.
 */
package dev.breachpath.load.terraform;
