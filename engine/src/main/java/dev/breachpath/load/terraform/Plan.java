package dev.breachpath.load.terraform;

import java.util.List;
import java.util.Map;

/**
 * A plan as read: its resource instances (sorted by address), the elements rejected while
 * reading, and its configuration.
 *
 * @param path             the input as named by the user
 * @param formatVersion    the plan's {@code format_version}, or null if it has none
 * @param terraformVersion the Terraform version that wrote it, or null
 * @param resources        every readable element, sorted by address
 * @param rejected         elements that could not be read, with the reason
 * @param configuration    the configuration expressions
 * @param warnings         things worth telling that lose nothing
 * @param secrets          every string the plan marks sensitive anywhere, and the values of sensitive variables
 */
record Plan(String path, String formatVersion, String terraformVersion, List<PlanResource> resources,
            Map<String, String> rejected, Configuration configuration, List<String> warnings,
            java.util.Set<String> secrets) {}
