package dev.breachpath.load.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breachpath.resource.AttrPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Resolves the configuration references of a resource instance to the resource instances they
 * mean, in the state after the plan.
 *
 * <p>Design note. The plan's configuration is per module call and its references drop every
 * index that is not a constant ({@code aws_subnet.x[count.index].id} becomes
 * {@code ["aws_subnet.x", "count.index"]}). So a reference is followed: {@code var.x} to the
 * expression the parent module passes, {@code module.m.out} to the output's expression in each
 * instance of {@code m}, {@code each.value} to the {@code for_each} expression. Which instance of
 * a counted or {@code for_each} resource is meant comes from a constant key in the reference,
 * else from the referring instance's own key when the reference uses {@code each.key} or
 * {@code count.index} and the target has an instance with that key, else from there being only
 * one. Otherwise every instance is a candidate and the result is marked ambiguous. Locals are not
 * in the plan's configuration, so references through them lead nowhere: the value, if known,
 * still links.
 */
final class ReferenceResolver {
    private static final int MAX_DEPTH = 64;

    /** What an expression refers to. */
    record Resolution(TreeSet<PlanResource> targets, boolean ambiguous) {
        static Resolution empty() {
            return new Resolution(new TreeSet<>(), false);
        }

        void addAll(Resolution other) {
            targets.addAll(other.targets);
        }

        Resolution ambiguousIf(boolean condition) {
            return condition && !ambiguous ? new Resolution(targets, true) : this;
        }
    }

    /** Where an expression is evaluated: a module instance, and the instance key of the block it sits in. */
    private record Scope(List<Address.ModuleStep> modules, InstanceKey key, JsonNode forEach) {
        String moduleInstance() {
            return Address.moduleInstance(modules);
        }

        String moduleCall() {
            StringBuilder out = new StringBuilder();
            for (Address.ModuleStep step : modules) {
                out.append(out.length() == 0 ? "" : ".").append("module.").append(step.name());
            }
            return out.toString();
        }
    }

    private final Configuration configuration;
    /** References repeat across instances of one configuration block: parse each text once. */
    private final Map<String, Reference> parsed = new HashMap<>();
    private final Map<String, List<PlanResource>> instances = new HashMap<>();
    private final Map<String, List<List<Address.ModuleStep>>> moduleInstances = new HashMap<>();

    /** A resolver over the resources that exist after the plan. */
    ReferenceResolver(Plan plan) {
        this.configuration = plan.configuration();
        Map<String, List<Address.ModuleStep>> seenModules = new LinkedHashMap<>();
        for (PlanResource r : plan.resources()) {
            if (r.after == null) {
                continue;
            }
            instances.computeIfAbsent(key(r.moduleInstance, r.resourceInModule), k -> new ArrayList<>()).add(r);
            List<Address.ModuleStep> steps = r.parsed.modules();
            for (int i = 1; i <= steps.size(); i++) {
                List<Address.ModuleStep> prefix = List.copyOf(steps.subList(0, i));
                seenModules.putIfAbsent(Address.moduleInstance(prefix), prefix);
            }
        }
        for (List<Address.ModuleStep> m : seenModules.values()) {
            List<Address.ModuleStep> parent = m.subList(0, m.size() - 1);
            moduleInstances.computeIfAbsent(key(Address.moduleInstance(parent), m.get(m.size() - 1).name()),
                    k -> new ArrayList<>()).add(m);
        }
    }

    /**
     * The resources the expression at {@code path} of {@code from}'s configuration refers to.
     * {@code after} is the resource's after state, used to match nested blocks of sets (whose
     * order in the values need not be the order in the configuration) by their constant
     * attributes.
     */
    Resolution resolve(PlanResource from, AttrPath path, Snapshot after) {
        Configuration.ResourceConfig config = configuration.resource(from);
        if (config == null) {
            return Resolution.empty();
        }
        Scope scope = new Scope(from.parsed.modules(), from.parsed.key(), config.forEach());
        Resolution result = Resolution.empty();
        boolean ambiguous = false;
        List<JsonNode> expressions = Expressions.locate(config.expressions(), path, after);
        if (expressions.size() > 1) {
            List<TreeSet<PlanResource>> distinct = new ArrayList<>();
            for (JsonNode e : expressions) {
                Resolution r = expression(e, scope, 0);
                distinct.add(r.targets());
                result.addAll(r);
                ambiguous |= r.ambiguous();
            }
            ambiguous |= distinct.stream().distinct().count() > 1;
        } else {
            for (JsonNode e : expressions) {
                Resolution r = expression(e, scope, 0);
                result.addAll(r);
                ambiguous |= r.ambiguous();
            }
        }
        result.targets().remove(from);
        return result.ambiguousIf(ambiguous);
    }

    /** The number of blocks the configuration writes at {@code path}: the size of a list of blocks there. */
    int blocks(PlanResource from, AttrPath path) {
        Configuration.ResourceConfig config = configuration.resource(from);
        if (config == null) {
            return 0;
        }
        List<JsonNode> found = Expressions.locate(config.expressions(), path, null);
        return found.size() == 1 && found.get(0).isArray() ? found.get(0).size() : 0;
    }

    /** The constant the configuration gives at {@code path}, if it is one. */
    Optional<JsonNode> constant(PlanResource from, AttrPath path, Snapshot after) {
        Configuration.ResourceConfig config = configuration.resource(from);
        if (config == null) {
            return Optional.empty();
        }
        List<JsonNode> found = Expressions.locate(config.expressions(), path, after);
        if (found.size() != 1 || !Expressions.isLeaf(found.get(0)) || !found.get(0).has("constant_value")) {
            return Optional.empty();
        }
        return Optional.of(found.get(0).get("constant_value"));
    }

    /** Every resource an expression (a leaf, or every leaf of a block) refers to. */
    private Resolution expression(JsonNode expr, Scope scope, int depth) {
        Resolution result = Resolution.empty();
        if (expr == null || depth > MAX_DEPTH) {
            return result;
        }
        if (Expressions.isLeaf(expr)) {
            return references(expr.path("references"), scope, depth, false);
        }
        boolean ambiguous = false;
        for (JsonNode child : expr) {
            Resolution r = expression(child, scope, depth);
            result.addAll(r);
            ambiguous |= r.ambiguous();
        }
        return result.ambiguousIf(ambiguous);
    }

    private Resolution references(JsonNode list, Scope scope, int depth, boolean forceCorrelate) {
        List<Reference> refs = new ArrayList<>();
        boolean correlate = forceCorrelate;
        for (JsonNode text : list) {
            Reference ref = parsed.computeIfAbsent(text.asText(), Reference::parse);
            correlate |= ref.kind() == Reference.Kind.EACH_KEY || ref.kind() == Reference.Kind.COUNT_INDEX;
            refs.add(ref);
        }
        Resolution result = Resolution.empty();
        boolean ambiguous = false;
        for (Reference ref : mostSpecific(refs)) {
            Resolution r = switch (ref.kind()) {
                case RESOURCE -> resource(ref, scope, correlate);
                case MODULE -> module(ref, scope, correlate, depth);
                case VARIABLE -> variable(ref.target(), scope, depth);
                case EACH_VALUE -> scope.forEach() == null ? Resolution.empty()
                        : references(scope.forEach().path("references"), scope, depth + 1, true);
                default -> Resolution.empty();
            };
            result.addAll(r);
            ambiguous |= r.ambiguous();
        }
        return result.ambiguousIf(ambiguous);
    }

    /**
     * Drops references that a more specific one of the same object already covers: of
     * {@code ["aws_vpc.a.id", "aws_vpc.a"]} only the first; keyed ones over unkeyed ones.
     */
    private static List<Reference> mostSpecific(List<Reference> refs) {
        Map<String, Reference> best = new LinkedHashMap<>();
        List<Reference> keyed = new ArrayList<>();
        for (Reference ref : refs) {
            if (ref.kind() != Reference.Kind.RESOURCE && ref.kind() != Reference.Kind.MODULE) {
                best.putIfAbsent(ref.kind() + " " + ref.target(), ref);
                continue;
            }
            String object = ref.kind() + " " + ref.target();
            if (ref.key() != null) {
                keyed.add(ref);
                continue;
            }
            Reference previous = best.get(object);
            if (previous == null || previous.rest() == null && ref.rest() != null) {
                best.put(object, ref);
            }
        }
        List<Reference> result = new ArrayList<>();
        for (Reference ref : keyed) {
            if (result.stream().noneMatch(r -> r.kind() == ref.kind() && r.target().equals(ref.target())
                    && Objects.equals(r.key(), ref.key()) && (r.rest() != null || ref.rest() == null))) {
                result.removeIf(r -> r.kind() == ref.kind() && r.target().equals(ref.target())
                        && Objects.equals(r.key(), ref.key()));
                result.add(ref);
            }
        }
        for (Reference ref : best.values()) {
            boolean coveredByKeyed = keyed.stream().anyMatch(k -> k.kind() == ref.kind() && k.target().equals(ref.target()));
            if (!coveredByKeyed) {
                result.add(ref);
            }
        }
        return result;
    }

    private Resolution resource(Reference ref, Scope scope, boolean correlate) {
        List<PlanResource> all = instances.getOrDefault(key(scope.moduleInstance(), ref.target()), List.of());
        return pick(all, r -> r.parsed.key(), ref.key(), scope.key(), correlate);
    }

    private Resolution module(Reference ref, Scope scope, boolean correlate, int depth) {
        List<List<Address.ModuleStep>> children = moduleInstances.getOrDefault(
                key(scope.moduleInstance(), ref.target()), List.of());
        Resolution chosen = Resolution.empty();
        List<List<Address.ModuleStep>> picked = pickModules(children, ref.key(), scope.key(), correlate);
        boolean ambiguous = picked.size() > 1 && ref.key() == null;
        for (List<Address.ModuleStep> child : picked) {
            Scope childScope = new Scope(child, null, null);
            Configuration.Module config = configuration.module(childScope.moduleCall());
            if (ref.rest() != null) {
                Resolution r = expression(config.outputs().get(ref.rest()), childScope, depth + 1);
                chosen.addAll(r);
                ambiguous |= r.ambiguous();
            } else {
                for (JsonNode output : config.outputs().values()) {
                    chosen.addAll(expression(output, childScope, depth + 1));
                }
            }
        }
        return chosen.ambiguousIf(ambiguous);
    }

    private Resolution variable(String name, Scope scope, int depth) {
        if (scope.modules().isEmpty()) {
            return Resolution.empty();
        }
        List<Address.ModuleStep> parent = scope.modules().subList(0, scope.modules().size() - 1);
        Address.ModuleStep call = scope.modules().get(scope.modules().size() - 1);
        Scope parentScope = new Scope(List.copyOf(parent), null, null);
        Configuration.ModuleCall moduleCall = configuration.module(parentScope.moduleCall()).calls().get(call.name());
        if (moduleCall == null) {
            return Resolution.empty();
        }
        Scope callScope = new Scope(List.copyOf(parent), call.key(), moduleCall.forEach());
        return expression(moduleCall.expressions().get(name), callScope, depth + 1);
    }

    private static Resolution pick(List<PlanResource> all, java.util.function.Function<PlanResource, InstanceKey> keyOf,
                                   InstanceKey wanted, InstanceKey current, boolean correlate) {
        Resolution result = Resolution.empty();
        if (wanted != null) {
            all.stream().filter(r -> wanted.equals(keyOf.apply(r))).forEach(result.targets()::add);
            return result;
        }
        if (all.size() <= 1) {
            result.targets().addAll(all);
            return result;
        }
        if (correlate && current != null) {
            for (PlanResource r : all) {
                if (current.equals(keyOf.apply(r))) {
                    result.targets().add(r);
                    return result;
                }
            }
        }
        result.targets().addAll(all);
        return result.ambiguousIf(true);
    }

    private static List<List<Address.ModuleStep>> pickModules(List<List<Address.ModuleStep>> all, InstanceKey wanted,
                                                              InstanceKey current, boolean correlate) {
        java.util.function.Function<List<Address.ModuleStep>, InstanceKey> keyOf = m -> m.get(m.size() - 1).key();
        if (wanted != null) {
            return all.stream().filter(m -> wanted.equals(keyOf.apply(m))).toList();
        }
        if (all.size() > 1 && correlate && current != null) {
            List<List<Address.ModuleStep>> same = all.stream().filter(m -> current.equals(keyOf.apply(m))).toList();
            if (!same.isEmpty()) {
                return same;
            }
        }
        return all;
    }

    private static String key(String module, String object) {
        return module + "\u0000" + object;
    }
}
