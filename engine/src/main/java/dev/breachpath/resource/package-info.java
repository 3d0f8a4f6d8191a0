/**
 * The contract between loaders and resource mappings: what a mapping reads of a resource and how
 * it writes facts. Mappings themselves live in {@code resource.aws}.
 */
package dev.breachpath.resource;
