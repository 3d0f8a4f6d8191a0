/**
 * breachpath: finds attack paths in AWS infrastructure from Terraform plans and AWS inventory
 * snapshots. {@link dev.breachpath.Breachpath} is the entry point.
 */
package dev.breachpath;
