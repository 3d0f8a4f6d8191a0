package dev.breachpath.load.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.breachpath.load.InputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the JSON of {@code terraform show -json PLANFILE}, format versions 0.x and 1.x.
 *
 * <p>Design note. An element is a resource instance address (managed or data) found in
 * {@code planned_values}, {@code resource_changes}, {@code prior_state} or
 * {@code deferred_changes}, counted once. What each section says is merged per address: the
 * after state comes from {@code resource_changes} (which marks unknown values) or, failing that,
 * from {@code planned_values}; the before state from {@code prior_state} or the change's
 * {@code before}. Per the plan format's contract, unknown fields are ignored and an unknown major
 * version is refused. A malformed entry is rejected with a reason; only a document that is not a
 * plan at all is refused.
 */
final class PlanReader {
    private static final JsonNode TRUE = JsonNodeFactory.instance.booleanNode(true);
    private static final JsonNode EMPTY = JsonNodeFactory.instance.objectNode();

    private final String path;
    private final Map<String, PlanResource> resources = new HashMap<>();
    private final Map<String, String> rejected = new TreeMap<>();
    private final Map<String, JsonNode> planned = new HashMap<>();
    private final Map<String, JsonNode> changes = new HashMap<>();
    private final Map<String, JsonNode> prior = new HashMap<>();
    private final Map<String, JsonNode> deferred = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();

    private PlanReader(String path) {
        this.path = path;
    }

    /**
     * Why this JSON is not a plan that can be read, in one line, or empty if it is one.
     */
    static Optional<String> refusal(JsonNode root) {
        if (!root.isObject()) {
            return Optional.of("a JSON " + (root.isArray() ? "array" : "value")
                    + ", expected a Terraform plan (the output of terraform show -json PLANFILE)");
        }
        if (root.has("plan_format_version")) {
            return Optional.of("an HCP Terraform redacted plan, which holds no values;"
                    + " use the output of terraform show -json PLANFILE");
        }
        if (root.has("lineage") && root.has("serial") && root.has("resources")) {
            return Optional.of("a Terraform state file (terraform.tfstate), not a plan;"
                    + " use the output of terraform show -json PLANFILE");
        }
        boolean planSections = root.has("planned_values") || root.has("resource_changes") || root.has("configuration");
        if (!planSections) {
            if (root.has("values") && root.has("format_version")) {
                return Optional.of("the JSON of a Terraform state (terraform show -json without a plan file), not a plan;"
                        + " use terraform show -json PLANFILE");
            }
            return Optional.of("JSON that is not a Terraform plan: it has no planned_values, resource_changes"
                    + " or configuration");
        }
        JsonNode version = root.get("format_version");
        if (version != null && !version.isNull()) {
            String v = version.asText();
            if (!version.isTextual() || !(v.startsWith("0.") || v.startsWith("1.") || v.equals("0") || v.equals("1"))) {
                return Optional.of("a plan of format_version " + (version.isTextual() && v.matches("[0-9.]{1,12}") ? v : "(unreadable)")
                        + ", which this version of breachpath does not read (it reads 0.x and 1.x)");
            }
        }
        return Optional.empty();
    }

    /**
     * Reads a plan.
     *
     * @throws InputException if the JSON is not a plan, or a section has the wrong shape
     */
    static Plan read(String path, JsonNode root) {
        refusal(root).ifPresent(reason -> {
            throw new InputException(path, null, reason);
        });
        return new PlanReader(path).readPlan(root);
    }

    private Plan readPlan(JsonNode root) {
        String formatVersion = text(root.get("format_version"));
        if (formatVersion == null) {
            warnings.add("the plan has no format_version; read as format 1.x");
        }
        JsonNode plannedValues = section(root, "planned_values", "planned_values", true);
        walkModule(section(plannedValues, "root_module", "planned_values.root_module", true), "planned_values.root_module", planned);
        JsonNode changeList = section(root, "resource_changes", "resource_changes", false);
        for (int i = 0; i < changeList.size(); i++) {
            collectChange(changeList.get(i), "resource_changes[" + i + "]", changes);
        }
        JsonNode deferredList = section(root, "deferred_changes", "deferred_changes", false);
        for (int i = 0; i < deferredList.size(); i++) {
            collectChange(deferredList.get(i).path("resource_change"), "deferred_changes[" + i + "]", deferred);
        }
        JsonNode priorValues = section(section(root, "prior_state", "prior_state", true), "values", "prior_state.values", true);
        walkModule(section(priorValues, "root_module", "prior_state.values.root_module", true), "prior_state.values.root_module", prior);

        for (PlanResource r : resources.values()) {
            merge(r);
        }
        List<PlanResource> sorted = resources.values().stream()
                .filter(r -> !rejected.containsKey(r.address)).sorted().toList();
        return new Plan(path, formatVersion, text(root.get("terraform_version")), sorted,
                Map.copyOf(rejected), Configuration.read(root.get("configuration")), List.copyOf(warnings),
                Secrets.of(root));
    }

    /** An object or array section; missing or null gives an empty one; any other shape is refused. */
    private JsonNode section(JsonNode parent, String name, String where, boolean object) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return object ? EMPTY : JsonNodeFactory.instance.arrayNode();
        }
        if (object ? !node.isObject() : !node.isArray()) {
            throw new InputException(path, where, "expected " + (object ? "an object" : "a list"));
        }
        return node;
    }

    private void walkModule(JsonNode module, String where, Map<String, JsonNode> into) {
        if (!module.isObject()) {
            reject(where, "expected a module object");
            return;
        }
        JsonNode list = list(module, "resources", where);
        for (int i = 0; i < list.size(); i++) {
            JsonNode r = list.get(i);
            String element = element(r, where + ".resources[" + i + "]");
            if (element != null && !r.has("deposed")) {
                into.putIfAbsent(element, r);
            }
        }
        JsonNode children = list(module, "child_modules", where);
        for (int i = 0; i < children.size(); i++) {
            walkModule(children.get(i), where + ".child_modules[" + i + "]", into);
        }
    }

    /** A list inside a module; another shape is rejected, named by its place, and read as empty. */
    private JsonNode list(JsonNode module, String name, String where) {
        JsonNode node = module.path(name);
        if (node.isMissingNode() || node.isNull()) {
            return JsonNodeFactory.instance.arrayNode();
        }
        if (!node.isArray()) {
            reject(where + "." + name, "expected a list");
            return JsonNodeFactory.instance.arrayNode();
        }
        return node;
    }

    private void collectChange(JsonNode change, String where, Map<String, JsonNode> into) {
        String element = element(change, where);
        if (element == null) {
            return;
        }
        if (!change.path("change").isObject()) {
            reject(element, "its change has no before/after object");
            return;
        }
        if (change.hasNonNull("deposed")) {
            // A deposed object is an older copy being destroyed; the current object has its own entry.
            return;
        }
        into.putIfAbsent(element, change);
    }

    /** Registers the element an entry names; returns its address, or null if it has none. */
    private String element(JsonNode entry, String where) {
        if (entry == null || !entry.isObject()) {
            reject(where, "expected a resource object");
            return null;
        }
        JsonNode addressNode = entry.get("address");
        if (addressNode == null || !addressNode.isTextual()) {
            reject(where, "the resource has no address");
            return null;
        }
        String address = addressNode.asText();
        Address parsed;
        try {
            parsed = Address.parse(address);
        } catch (IllegalArgumentException e) {
            reject(where, "the address is not a resource instance address");
            return null;
        }
        PlanResource existing = resources.get(address);
        String type = entry.path("type").asText(parsed.type());
        boolean data = "data".equals(entry.path("mode").asText(parsed.data() ? "data" : "managed"));
        if (!type.equals(parsed.type()) || data != parsed.data()) {
            reject(address, "its type or mode does not match its address");
        } else if (existing == null) {
            resources.put(address, new PlanResource(address, parsed));
        }
        return address;
    }

    private void reject(String element, String reason) {
        rejected.putIfAbsent(element, reason);
    }

    private void merge(PlanResource r) {
        JsonNode change = changes.get(r.address);
        if (change == null) {
            // Terraform may defer a change to a later plan; what it knows of it reads the same way.
            change = deferred.get(r.address);
        }
        JsonNode plannedEntry = planned.get(r.address);
        JsonNode priorEntry = prior.get(r.address);
        if (change != null) {
            JsonNode c = change.path("change");
            r.change = action(c.path("actions"));
            if (r.change == null) {
                reject(r.address, "its plan action is not one this version of breachpath knows");
                return;
            }
            JsonNode after = c.get("after");
            if (after != null && after.isObject()) {
                JsonNode sensitive = union(c.get("after_sensitive"), plannedEntry == null ? null : plannedEntry.get("sensitive_values"));
                r.after = new Snapshot(after, c.get("after_unknown"), sensitive, true);
            } else if (!"delete".equals(r.change) && !"forget".equals(r.change) && isTrueOrMissing(c.get("after_unknown"))) {
                r.after = new Snapshot(EMPTY, TRUE, null, true);
            } else if (!"delete".equals(r.change) && !"forget".equals(r.change) && plannedEntry != null) {
                r.after = planned(plannedEntry, priorEntry != null);
            }
            JsonNode before = c.get("before");
            if (priorEntry != null) {
                Snapshot prior = priorSnapshot(priorEntry);
                r.before = new Snapshot(prior.values(), null, union(prior.sensitive(), c.get("before_sensitive")), true);
            } else if (before != null && before.isObject()) {
                r.before = new Snapshot(before, null, c.get("before_sensitive"), true);
            }
            if ("forget".equals(r.change) && r.before != null) {
                // Terraform stops managing a forgotten resource, but it still exists.
                r.after = r.before;
            }
        } else {
            if (plannedEntry != null) {
                r.after = planned(plannedEntry, priorEntry != null);
            }
            if (priorEntry != null) {
                r.before = priorSnapshot(priorEntry);
                if (plannedEntry == null && r.data) {
                    // A data source read during refresh is in the prior state only in some versions.
                    r.after = r.before;
                }
            }
        }
        if (r.before == null && r.after == null && !rejected.containsKey(r.address)) {
            reject(r.address, "neither a before nor an after state is given");
        }
    }

    private static Snapshot planned(JsonNode entry, boolean alsoInPriorState) {
        JsonNode values = entry.get("values");
        if (values == null || !values.isObject()) {
            return new Snapshot(EMPTY, TRUE, entry.get("sensitive_values"), true);
        }
        return new Snapshot(values, null, entry.get("sensitive_values"), alsoInPriorState);
    }

    private static Snapshot priorSnapshot(JsonNode entry) {
        JsonNode values = entry.get("values");
        return new Snapshot(values != null && values.isObject() ? values : EMPTY, null, entry.get("sensitive_values"), true);
    }

    /**
     * The union of two sensitivity masks: a value is sensitive if either marks it. Older plans
     * mark in one place what newer ones mark in another, and a miss would leak the value.
     */
    static JsonNode union(JsonNode a, JsonNode b) {
        if (a == null || a.isNull() || a.isMissingNode()) {
            return b;
        }
        if (b == null || b.isNull() || b.isMissingNode() || Snapshot.isTrue(a)) {
            return a;
        }
        if (Snapshot.isTrue(b)) {
            return b;
        }
        if (a.isObject() && b.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode out = a.deepCopy();
            b.fields().forEachRemaining(e -> out.set(e.getKey(), union(a.get(e.getKey()), e.getValue())));
            return out;
        }
        if (a.isArray() && b.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                out.add(union(a.get(i), b.get(i)) == null ? JsonNodeFactory.instance.booleanNode(false) : union(a.get(i), b.get(i)));
            }
            return out;
        }
        return a;
    }

    private static boolean isTrueOrMissing(JsonNode unknown) {
        return unknown == null || Snapshot.isTrue(unknown);
    }

    /** The change's actions as one word, or null for a combination not known. */
    static String action(JsonNode actions) {
        List<String> list = new ArrayList<>();
        actions.forEach(a -> list.add(a.asText()));
        if (list.size() == 1) {
            return switch (list.get(0)) {
                case "no-op", "create", "read", "update", "delete", "forget" -> list.get(0);
                default -> null;
            };
        }
        if (list.size() == 2 && list.contains("create") && list.contains("delete")) {
            return "replace";
        }
        if (list.size() == 2 && list.contains("create") && list.contains("forget")) {
            return "replace";
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
