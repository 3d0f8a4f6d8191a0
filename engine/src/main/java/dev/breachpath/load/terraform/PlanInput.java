package dev.breachpath.load.terraform;

import dev.breachpath.graph.BP;
import dev.breachpath.graph.Iris;
import dev.breachpath.load.Identities;
import dev.breachpath.load.InputReport;
import dev.breachpath.load.Overlay;
import dev.breachpath.load.LinkIndex;
import dev.breachpath.load.ParsedInput;
import dev.breachpath.load.Stage;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.MappingException;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.Value;
import dev.breachpath.resource.aws.AwsIds;
import dev.breachpath.resource.aws.AwsMappings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Node;

/**
 * A plan turned into facts. Every resource instance gets a node named by its address with the
 * core facts (address, type, change, raw attributes, tags, id, ARN, region, account, and in the
 * after stage its configuration references); a resource of a modelled type then gets its
 * mapping's facts.
 */
final class PlanInput implements ParsedInput {
    /** Attributes whose values identify a resource, so that others can refer to it by them. */
    private static final List<String> KEY_ATTRIBUTES = List.of("id", "arn", "name", "bucket", "identifier",
            "function_name", "cluster_identifier", "db_snapshot_identifier", "db_cluster_snapshot_identifier");

    private final Plan plan;
    private final AwsMappings mappings;
    private final InputReport.Builder report;
    private final Map<PlanResource, Node> nodes = new HashMap<>();
    private final Map<String, String> collisions = new HashMap<>();
    private Identities identities = new Identities();

    PlanInput(Plan plan, AwsMappings mappings) {
        this.plan = plan;
        this.mappings = mappings;
        this.report = new InputReport.Builder(plan.path(), TerraformPlanFormat.NAME, plan.formatVersion());
        plan.rejected().forEach(report::rejected);
        plan.warnings().forEach(report::warning);
        for (PlanResource r : plan.resources()) {
            nodes.put(r, Iris.terraform(r.address));
        }
    }

    @Override
    public String path() {
        return plan.path();
    }

    @Override
    public void identify(Identities identities) {
        this.identities = identities;
        for (PlanResource r : plan.resources()) {
            Node kind = kind(r);
            if (kind.equals(BP.Resource) || r.data) {
                continue;
            }
            java.util.Set<String> keys = new java.util.TreeSet<>();
            String account = null;
            for (Stage stage : Stage.values()) {
                Snapshot s = r.in(stage);
                if (s != null) {
                    dev.breachpath.load.NaturalKeys.of(r.type, a -> {
                        Value v = s.value(AttrPath.of(a));
                        return v.isKnown() && !v.isSensitive() ? v.text() : Optional.empty();
                    }).ifPresent(keys::add);
                }
                for (String attribute : List.of("id", "arn")) {
                    Value v = s == null ? Value.absent() : s.value(AttrPath.of(attribute));
                    if (v.isKnown() && !v.isSensitive() && v.json().get().isValueNode()) {
                        keys.add(v.json().get().asText());
                        if (attribute.equals("arn") && account == null) {
                            account = AwsIds.arnAccount(v.json().get().asText()).orElse(null);
                        }
                    }
                }
            }
            if (!keys.isEmpty()) {
                identities.planned(new Identities.Planned(nodes.get(r), kind, r.address, keys, account, r.in(Stage.AFTER) != null));
            }
        }
    }

    /** True if the resource is a deployed one that the inventory describes before the plan. */
    private boolean deployedBefore(PlanResource r, Stage stage) {
        return stage == Stage.BEFORE && identities.deployedFor(nodes.get(r)).isPresent();
    }

    @Override
    public void register(Stage stage, LinkIndex index) {
        index.graph().addSecrets(plan.secrets());
        for (PlanResource r : plan.resources()) {
            Snapshot s = r.in(stage);
            if (s == null || deployedBefore(r, stage)) {
                continue;
            }
            Node node = nodes.get(r);
            if (!index.claim(node, plan.path())) {
                collisions.put(r.address, index.owner(node));
                continue;
            }
            List<String> keys = new ArrayList<>();
            for (String attribute : KEY_ATTRIBUTES) {
                Value v = s.value(AttrPath.of(attribute));
                if (v.isKnown() && !v.isSensitive() && v.json().get().isValueNode()) {
                    keys.add(v.json().get().asText());
                }
            }
            index.register(node, kind(r), keys);
        }
    }

    @Override
    public void write(Stage stage, FactsTarget target) {
        ReferenceResolver resolver = stage == Stage.AFTER ? new ReferenceResolver(plan) : null;
        for (PlanResource r : plan.resources()) {
            Snapshot s = r.in(stage);
            if (s == null) {
                continue;
            }
            if (deployedBefore(r, stage)) {
                // The inventory writes what is deployed, under this resource's node.
                mappings.forTerraform(r.qualifiedType()).ifPresentOrElse(m -> report.modelled(r.address),
                        () -> report.unmodelled(r.address, r.qualifiedType()));
                continue;
            }
            String other = collisions.get(r.address);
            if (other != null) {
                report.rejected(r.address, "the same address is in " + other
                        + "; plans of different workspaces must be read in separate runs");
                continue;
            }
            write(r, s, target, resolver);
        }
    }

    private void write(PlanResource r, Snapshot s, FactsTarget target, ReferenceResolver resolver) {
        Node node = nodes.get(r);
        Optional<ResourceMapping> mapping = mappings.forTerraform(r.qualifiedType());
        Facts facts = new Facts(target.graph(), node);
        dev.breachpath.resource.TerraformResource view = new PlanResourceView(r, s, node, target.index(), resolver, nodes::get,
                report::warning);
        Optional<Identities.Deployed> deployed = identities.deployedFor(node);
        if (deployed.isPresent()) {
            view = new Overlay(view, deployed.get().view().apply(node, target.index()), changed(r));
        }
        target.graph().begin();
        try {
            core(r, s, facts, resolver);
            if (mapping.isPresent()) {
                mapping.get().terraform(view, facts);
                report.modelled(r.address);
            } else {
                report.unmodelled(r.address, r.qualifiedType());
            }
            target.graph().commit();
        } catch (MappingException e) {
            target.graph().rollback();
            report.rejected(r.address, e.getMessage());
        } catch (RuntimeException e) {
            target.graph().rollback();
            report.rejected(r.address, "breachpath could not read this " + r.qualifiedType()
                    + " (an internal error; please report it)");
        }
    }

    private void core(PlanResource r, Snapshot s, Facts f, ReferenceResolver resolver) {
        f.type(kind(r));
        f.string(BP.address, r.address);
        f.string(BP.terraformType, r.type);
        f.string(BP.terraformMode, r.data ? "data" : "managed");
        String module = r.moduleInstance;
        if (!module.isEmpty()) {
            f.string(BP.module, module);
        }
        f.string(BP.change, r.change);
        f.json(BP.attributes, RawAttributes.render(s));
        Value arn = s.value(AttrPath.of("arn"));
        f.string(BP.arn, arn);
        f.string(BP.awsId, s.value(AttrPath.of("id")));
        Optional<String> arnText = arn.text().filter(AwsIds::isArn);
        Optional<String> region = arnText.flatMap(AwsIds::arnRegion)
                .or(() -> s.value(AttrPath.of("region")).text())
                .or(() -> Optional.ofNullable(providerRegion(r)));
        region.ifPresent(v -> f.string(BP.region, v));
        arnText.flatMap(AwsIds::arnAccount).ifPresent(v -> f.string(BP.accountId, v));
        tags(s, f);
        if (resolver != null) {
            for (PlanResource target : resolver.resolve(r, AttrPath.root(), s).targets()) {
                f.link(BP.references, nodes.get(target));
            }
        }
    }

    /** The top-level attributes whose values the plan changes (all of them for a resource it creates). */
    private static java.util.Set<String> changed(PlanResource r) {
        Snapshot before = r.in(Stage.BEFORE);
        Snapshot after = r.in(Stage.AFTER);
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (Snapshot s : new Snapshot[] {before, after}) {
            if (s != null && s.values() != null) {
                s.values().fieldNames().forEachRemaining(names::add);
            }
        }
        if (after != null && after.unknown() != null && after.unknown().isObject()) {
            after.unknown().fieldNames().forEachRemaining(names::add);
        }
        if (before == null || after == null) {
            return names;
        }
        java.util.Set<String> changed = new java.util.TreeSet<>();
        for (String name : names) {
            com.fasterxml.jackson.databind.JsonNode b = before.values().get(name);
            com.fasterxml.jackson.databind.JsonNode a = after.values().get(name);
            boolean unknown = after.unknown() != null && Snapshot.containsTrue(after.unknown().get(name));
            if (unknown || !java.util.Objects.equals(b, a)) {
                changed.add(name);
            }
        }
        return changed;
    }

    private String providerRegion(PlanResource r) {
        Configuration.ResourceConfig config = plan.configuration().resource(r);
        return config == null ? null : plan.configuration().region(config.providerKey());
    }

    private static void tags(Snapshot s, Facts f) {
        Map<String, Value> tags = new java.util.TreeMap<>();
        for (String attribute : List.of("tags_all", "tags")) {
            Value v = s.value(AttrPath.of(attribute));
            v.json().filter(j -> j.isObject()).ifPresent(j -> j.fieldNames().forEachRemaining(
                    key -> tags.put(key, s.value(AttrPath.of(attribute, key)))));
        }
        tags.forEach((key, value) -> f.string(Iris.tag(key), value));
    }

    private Node kind(PlanResource r) {
        return mappings.forTerraform(r.qualifiedType()).map(ResourceMapping::kind).orElse(BP.Resource);
    }

    @Override
    public List<InputReport> reports() {
        return List.of(report.build());
    }
}
