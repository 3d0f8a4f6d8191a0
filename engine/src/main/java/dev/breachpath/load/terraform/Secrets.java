package dev.breachpath.load.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breachpath.secret.Redactor;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every string (of at least {@link Redactor#MIN_KNOWN_SECRET} characters) a plan marks sensitive anywhere: in a change's before or after, in planned
 * values, in the prior state, and the values of variables declared sensitive. Terraform marks
 * a value where it flows, not always where it comes from (a data source in the prior state of an
 * older plan has no marks), so a value marked anywhere is treated as secret everywhere.
 */
final class Secrets {
    private Secrets() {}

    static Set<String> of(JsonNode plan) {
        Set<String> out = new TreeSet<>();
        for (JsonNode rc : plan.path("resource_changes")) {
            JsonNode change = rc.path("change");
            collect(change.path("after"), change.path("after_sensitive"), false, out);
            collect(change.path("before"), change.path("before_sensitive"), false, out);
        }
        module(plan.path("planned_values").path("root_module"), out);
        module(plan.path("prior_state").path("values").path("root_module"), out);
        variables(plan, plan.path("configuration").path("root_module").path("variables"), out);
        plan.path("planned_values").path("outputs").forEach(o -> collect(o.path("value"), o.path("sensitive"), false, out));
        out.removeIf(s -> s.length() < Redactor.MIN_KNOWN_SECRET);
        return out;
    }

    private static void module(JsonNode module, Set<String> out) {
        for (JsonNode r : module.path("resources")) {
            collect(r.path("values"), r.path("sensitive_values"), false, out);
        }
        module.path("child_modules").forEach(c -> module(c, out));
    }

    private static void variables(JsonNode plan, JsonNode declared, Set<String> out) {
        declared.fields().forEachRemaining(v -> {
            if (v.getValue().path("sensitive").asBoolean(false)) {
                collect(plan.path("variables").path(v.getKey()).path("value"), null, true, out);
            }
        });
    }

    private static void collect(JsonNode value, JsonNode mask, boolean sensitive, Set<String> out) {
        boolean here = sensitive || Snapshot.isTrue(mask);
        if (value.isTextual() && here) {
            out.add(value.asText());
        } else if (value.isObject()) {
            value.fields().forEachRemaining(e -> collect(e.getValue(), child(mask, e.getKey()), here, out));
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                collect(value.get(i), mask != null && mask.isArray() ? mask.get(i) : null, here, out);
            }
        }
    }

    private static JsonNode child(JsonNode mask, String name) {
        return mask != null && mask.isObject() ? mask.get(name) : null;
    }
}
