package dev.breachpath.load.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * The plan's {@code configuration}: per module call path (keys stripped, {@code ""} for the root)
 * its resources' expressions, its module calls and its outputs. Configuration is per module
 * call, not per instance: every instance of a counted module shares it.
 */
final class Configuration {
    /** A resource block's expressions. */
    record ResourceConfig(JsonNode expressions, JsonNode count, JsonNode forEach, String providerKey) {}

    /** A module call's input expressions. */
    record ModuleCall(JsonNode expressions, JsonNode count, JsonNode forEach) {}

    /** One module's configuration. */
    record Module(Map<String, ResourceConfig> resources, Map<String, ModuleCall> calls, Map<String, JsonNode> outputs) {}

    private static final Module EMPTY = new Module(Map.of(), Map.of(), Map.of());

    private final Map<String, Module> modules = new HashMap<>();
    private final Map<String, String> providerRegions = new HashMap<>();

    /** Reads {@code configuration}; tolerates anything missing, since old plans omit parts. */
    static Configuration read(JsonNode configuration) {
        Configuration c = new Configuration();
        if (configuration == null || !configuration.isObject()) {
            return c;
        }
        c.readModule("", configuration.path("root_module"));
        configuration.path("provider_config").fields().forEachRemaining(e -> {
            JsonNode region = e.getValue().path("expressions").path("region").path("constant_value");
            if (region.isTextual()) {
                c.providerRegions.put(e.getKey(), region.asText());
            }
        });
        return c;
    }

    private void readModule(String call, JsonNode module) {
        Map<String, ResourceConfig> resources = new HashMap<>();
        for (JsonNode r : module.path("resources")) {
            String type = r.path("type").asText();
            String name = r.path("name").asText();
            String key = ("data".equals(r.path("mode").asText()) ? "data." : "") + type + "." + name;
            resources.put(key, new ResourceConfig(r.path("expressions"), r.get("count_expression"),
                    r.get("for_each_expression"), r.path("provider_config_key").asText(null)));
        }
        Map<String, ModuleCall> calls = new HashMap<>();
        module.path("module_calls").fields().forEachRemaining(e -> {
            JsonNode callNode = e.getValue();
            calls.put(e.getKey(), new ModuleCall(callNode.path("expressions"), callNode.get("count_expression"),
                    callNode.get("for_each_expression")));
            String childCall = (call.isEmpty() ? "" : call + ".") + "module." + e.getKey();
            readModule(childCall, callNode.path("module"));
        });
        Map<String, JsonNode> outputs = new HashMap<>();
        module.path("outputs").fields().forEachRemaining(e -> outputs.put(e.getKey(), e.getValue().path("expression")));
        modules.put(call, new Module(Map.copyOf(resources), Map.copyOf(calls), Map.copyOf(outputs)));
    }

    /** The module at a call path; an empty one if the configuration does not have it. */
    Module module(String call) {
        return modules.getOrDefault(call, EMPTY);
    }

    /** The configuration of a resource instance's block, or null. */
    ResourceConfig resource(PlanResource r) {
        return module(r.moduleCall).resources().get(r.resourceInModule);
    }

    /** The region a provider configuration sets as a constant, or null. */
    String region(String providerKey) {
        return providerKey == null ? null : providerRegions.get(providerKey);
    }
}
