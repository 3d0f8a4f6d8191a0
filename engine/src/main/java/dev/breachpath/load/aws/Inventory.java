package dev.breachpath.load.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.breachpath.graph.BP;
import dev.breachpath.graph.Iris;
import dev.breachpath.load.Identities;
import dev.breachpath.load.InputReport;
import dev.breachpath.load.LinkIndex;
import dev.breachpath.load.ParsedInput;
import dev.breachpath.load.Stage;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.MappingException;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.aws.AwsIds;
import dev.breachpath.resource.aws.AwsMappings;
import dev.breachpath.secret.Redactor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.graph.Node;

/**
 * Every AWS API response, Config item and manifest of a run, joined: what several calls say of
 * one resource (an instance, then its user data) becomes one resource, read by the one mapping
 * of its kind. A deployed resource is the same before and after a plan, so both stages get the
 * same facts. Each file keeps its own report, in which each of its elements ends modelled,
 * unmodelled by type or rejected.
 */
final class Inventory implements ParsedInput {
    /** Attributes whose values identify a resource, so that others can refer to it by them (as in plans). */
    private static final List<String> KEY_ATTRIBUTES = List.of("id", "arn", "name", "bucket", "identifier",
            "function_name", "cluster_identifier", "db_snapshot_identifier", "db_cluster_snapshot_identifier", "key_id");
    /** Attributes that may hold secrets: scanned by the mappings, never kept in the raw attributes. */
    private static final Set<String> SECRET_ATTRIBUTES = Set.of("user_data", "user_data_base64", "environment",
            "container_definitions", "credential_report_keys");
    /** Kinds named by their AWS id even where an ARN is known, since the EC2 APIs give no ARN. */
    private static final Set<Node> BY_ID = Set.of(BP.Vpc, BP.Subnet, BP.SecurityGroup, BP.RouteTable, BP.InternetGateway,
            BP.NatGateway, BP.ElasticIp, BP.NetworkInterface, BP.Ec2Instance, BP.LaunchTemplate);

    /** A configuration item and where it goes. */
    private record ConfigItem(JsonNode item, FileOut out) {}

    private final List<ConfigItem> configItems = new ArrayList<>();

    /**
     * Config data holds a resource as it was at each capture: only the latest item of each
     * resource says what is deployed (if it says the resource is deleted, it is gone); the older
     * ones are counted as superseded.
     */
    private void readConfigItems() {
        Map<String, ConfigItem> latest = new TreeMap<>();
        for (ConfigItem c : configItems) {
            if ("ResourceNotRecorded".equals(c.item().path("configurationItemStatus").asText())) {
                continue; // Config stopped recording it: that says nothing of its state
            }
            String key = Config.key(c.item());
            ConfigItem known = latest.get(key);
            if (known == null || !captured(c.item()).isBefore(captured(known.item()))) {
                latest.put(key, c);
            }
        }
        for (ConfigItem c : configItems) {
            if (latest.get(Config.key(c.item())) == c || "ResourceNotRecorded".equals(c.item().path("configurationItemStatus").asText())) {
                Config.translate(c.item(), c.out());
            } else {
                c.out().unmodelled(c.item().path("resourceType").asText() + " (superseded by a later item)", Config.element(c.item())
                        + " at " + c.item().path("configurationItemCaptureTime").asText("?"));
            }
        }
    }

    private static java.time.Instant captured(JsonNode item) {
        return dev.breachpath.graph.Times.instant(item.path("configurationItemCaptureTime").asText(""))
                .orElse(java.time.Instant.EPOCH);
    }

    /** Kinds whose ids are names, unique only within an account (the others' ids are ARNs or global ids). */
    private static final Set<String> SCOPED = Set.of("aws_db_instance", "aws_rds_cluster", "aws_db_snapshot",
            "aws_db_cluster_snapshot", "aws_lambda_function", "aws_lambda_permission", "aws_dynamodb_table", "aws_elb");

    /** Where an element came from: a file and its name there. */
    private record Source(String file, String element) {}

    /** One resource, joined from everything said of it. */
    private static final class Resource {
        final String type;
        final String id;
        final String scope;
        String name;
        boolean hidesId;
        final ObjectNode attributes = Tf.object();
        final List<Source> sources = new ArrayList<>();
        String account;
        String region;
        Node node;
        Node kind;

        Resource(String type, String id, String scope) {
            this.type = type;
            this.id = id;
            this.scope = scope;
        }
    }

    private final AwsMappings mappings;
    private final Map<String, InputReport.Builder> reports = new TreeMap<>();
    private final Map<String, Resource> resources = new TreeMap<>();
    private boolean reported;
    private Identities identities = new Identities();

    Inventory(List<InventoryFile> files, AwsMappings mappings) {
        this.mappings = mappings;
        List<InventoryFile> sorted = files.stream().sorted(Comparator.comparing(InventoryFile::path)).toList();
        List<Manifest> manifests = new ArrayList<>();
        Map<String, String> callers = new TreeMap<>();
        for (InventoryFile f : sorted) {
            if (Manifest.is(f.root())) {
                manifests.add(new Manifest(f.directory(), f.root()));
            } else if (Api.of(f.root()).filter(a -> a.name().equals("sts:GetCallerIdentity")).isPresent()) {
                callers.putIfAbsent(f.directory(), f.root().path("Account").asText());
            }
        }
        for (InventoryFile f : sorted) {
            read(f, manifests, callers);
        }
        readConfigItems();
        adoptUnscoped();
        joinCredentialReport();
        for (Resource r : resources.values()) {
            complete(r);
        }
    }

    /**
     * The credential report gives each user's key slots without key ids: a slot tells the last
     * use of the user's key created when the slot was last rotated.
     */
    private void joinCredentialReport() {
        Map<String, List<Resource>> keysByUser = new TreeMap<>();
        for (Resource r : resources.values()) {
            if (r.type.equals("aws_iam_access_key") && r.attributes.path("user").isTextual()) {
                keysByUser.computeIfAbsent(r.attributes.get("user").asText(), k -> new ArrayList<>()).add(r);
            }
        }
        for (Resource user : resources.values()) {
            if (!user.type.equals("aws_iam_user")) {
                continue;
            }
            for (JsonNode slot : user.attributes.path("credential_report_keys")) {
                var rotated = dev.breachpath.graph.Times.instant(slot.path("last_rotated").asText(""));
                for (Resource key : keysByUser.getOrDefault(user.attributes.path("name").asText(""), List.of())) {
                    if (key.account != null && user.account != null && !key.account.equals(user.account)) {
                        continue;
                    }
                    var created = dev.breachpath.graph.Times.instant(key.attributes.path("create_date").asText(""));
                    if (rotated.isEmpty() || !rotated.equals(created)) {
                        continue;
                    }
                    if (slot.path("last_used_date").isTextual() && !key.attributes.has("last_used_date")) {
                        key.attributes.set("last_used_date", slot.get("last_used_date"));
                    } else if (slot.path("never_used").asBoolean(false) && !key.attributes.has("last_used_date")) {
                        key.attributes.put("never_used", true);
                    }
                }
            }
        }
    }

    private void read(InventoryFile f, List<Manifest> manifests, Map<String, String> callers) {
        JsonNode root = f.root();
        if (Manifest.is(root)) {
            InputReport.Builder report = report(f.path(), InventoryFormat.MANIFEST, Integer.toString(Manifest.VERSION));
            Manifest m = new Manifest(f.directory(), root);
            for (Manifest.Call call : m.calls) {
                if (!call.status().equals("ok")) {
                    report.warning("the snapshot lacks " + call.operation() + (call.region() == null ? "" : " in " + call.region())
                            + ": the call ended " + call.status() + (call.detail() == null ? "" : " (" + call.detail() + ")"));
                }
            }
            return;
        }
        Optional<Manifest.Call> call = Optional.empty();
        Manifest nearest = null;
        for (Manifest m : manifests) {
            if (m.covers(f.path()) && (nearest == null || m.directory.length() > nearest.directory.length())) {
                nearest = m;
            }
        }
        if (nearest != null) {
            call = nearest.call(f.path());
        }
        String account = call.map(Manifest.Call::account).orElse(nearest != null ? nearest.account : null);
        if (account == null) {
            account = callerAccount(f, callers);
        }
        Context context = new Context(call.map(Manifest.Call::operation).orElse(null),
                call.map(Manifest.Call::region).filter(r -> !r.equals("global")).orElse(null),
                account, call.map(Manifest.Call::parameters).orElse(Map.of()));
        if (Config.is(root)) {
            InputReport.Builder report = report(f.path(), InventoryFormat.CONFIG, Config.shape(root));
            if (truncated(root)) {
                report.warning("one page of a longer answer (it gives a token for the next): what the other pages hold is missing;"
                        + " collect with pagination (the AWS CLI paginates unless told not to)");
            }
            List<String> problems = new ArrayList<>();
            for (JsonNode item : Config.items(root, problems)) {
                String itemAccount = item.has("awsAccountId") ? item.path("awsAccountId").asText() : item.path("accountId").asText(account);
                String region = Tf.str(item.path("awsRegion"));
                Context own = new Context(null, "global".equals(region) ? null : region, itemAccount, Map.of());
                configItems.add(new ConfigItem(item, new FileOut(f.path(), report, own)));
            }
            problems.forEach(report::warning);
            return;
        }
        Api api = call.map(Manifest.Call::operation).flatMap(Api::named).filter(a -> a.signature().test(root))
                .or(() -> Api.of(root)).orElseThrow();
        InputReport.Builder report = report(f.path(), InventoryFormat.RESPONSE, api.name());
        if (truncated(root)) {
            report.warning("one page of a longer answer (it gives a token for the next): what the other pages hold is missing;"
                    + " collect with pagination (the AWS CLI paginates unless told not to)");
        }
        api.translate().accept(root, new FileOut(f.path(), report, context));
    }

    /** Whether a response says it is one page of several (a token or marker for the next page). */
    private static boolean truncated(JsonNode root) {
        if (root.path("IsTruncated").isBoolean()) {
            return root.get("IsTruncated").asBoolean(); // IAM's own say (it may give a Marker with false)
        }
        for (String token : List.of("NextToken", "NextMarker", "Marker", "nextToken", "ContinuationToken",
                "NextContinuationToken", "LastEvaluatedTableName", "nextPageToken")) {
            if (root.path(token).isTextual() && !root.get(token).asText().isEmpty()) {
                return true;
            }
        }
        return root.path("IsTruncated").asBoolean(false);
    }

    /** The account of the nearest GetCallerIdentity response in the file's directory or above. */
    private static String callerAccount(InventoryFile f, Map<String, String> callers) {
        String best = null;
        int length = -1;
        for (Map.Entry<String, String> e : callers.entrySet()) {
            String dir = e.getKey();
            if ((dir.isEmpty() || f.path().startsWith(dir + "/")) && dir.length() > length) {
                best = e.getValue();
                length = dir.length();
            }
        }
        return best;
    }

    private InputReport.Builder report(String path, String format, String version) {
        return reports.computeIfAbsent(path, p -> new InputReport.Builder(p, format, version));
    }

    /** A translation's context. */
    private record Context(String operation, String region, String account, Map<String, String> parameters) implements Out.Context {
        @Override
        public String parameter(String name) {
            return parameters.get(name);
        }
    }

    /** Collects one file's translation into the inventory. */
    private final class FileOut implements Out {
        private final String file;
        private final InputReport.Builder report;
        private final Context context;

        FileOut(String file, InputReport.Builder report, Context context) {
            this.file = file;
            this.report = report;
            this.context = context;
        }

        @Override
        public void add(Tf t) {
            // Names are unique within an account only (a snapshot called "nightly" in each of two
            // accounts): a resource is known by its id in its account, from its ARN or the call's.
            String arn = t.attributes.path("arn").asText("");
            String account = AwsIds.arnAccount(arn).orElse(context.account());
            String scope = !SCOPED.contains(t.type) ? "" : account == null ? "?" : account;
            Resource r = resources.computeIfAbsent(t.type + " " + t.id() + " @" + scope, k -> new Resource(t.type, t.id(), scope));
            if (t.hidesId()) {
                r.name = t.name();
                r.hidesId = true;
            }
            merge(r, t.attributes);
            Source source = new Source(file, t.name());
            if (!r.sources.contains(source)) {
                r.sources.add(source);
            }
            if (r.account == null) {
                r.account = account;
            }
            if (r.region == null) {
                r.region = context.region();
            }
        }

        @Override
        public void unmodelled(String awsType, String element) {
            report.unmodelled(distinct(element), awsType);
        }

        @Override
        public void rejected(String element, String reason) {
            report.rejected(distinct(element), reason);
        }

        /**
         * The element's name, numbered when another element of the file has it already: two
         * entries a response does not name ("bucket") are two elements, not one.
         */
        private String distinct(String element) {
            if (!report.has(element)) {
                return element;
            }
            for (int n = 2; ; n++) {
                String numbered = element + " (" + n + ")";
                if (!report.has(numbered)) {
                    return numbered;
                }
            }
        }

        @Override
        public Out.Context context() {
            return context;
        }
    }

    /** Adds what {@code attributes} say that {@code r} does not say yet (first said wins; tags join). */
    private static void merge(Resource r, ObjectNode attributes) {
        attributes.fields().forEachRemaining(e -> {
            if (!r.attributes.has(e.getKey())) {
                r.attributes.set(e.getKey(), e.getValue());
            } else if (e.getKey().equals("tags") && e.getValue().isObject() && r.attributes.get("tags").isObject()) {
                ObjectNode tags = (ObjectNode) r.attributes.get("tags");
                e.getValue().fields().forEachRemaining(tag -> {
                    if (!tags.has(tag.getKey())) {
                        tags.set(tag.getKey(), tag.getValue());
                    }
                });
            }
        });
    }

    /**
     * What a call of no known account says of a resource (an attributes response in a folder
     * with no manifest or caller identity) joins the one resource of that id whose account is
     * known, when there is exactly one.
     */
    private void adoptUnscoped() {
        Map<String, List<Resource>> scoped = new TreeMap<>();
        for (Resource r : resources.values()) {
            if (!r.scope.equals("?")) {
                scoped.computeIfAbsent(r.type + " " + r.id, k -> new ArrayList<>()).add(r);
            }
        }
        for (var it = resources.entrySet().iterator(); it.hasNext(); ) {
            Resource r = it.next().getValue();
            List<Resource> candidates = scoped.getOrDefault(r.type + " " + r.id, List.of());
            if (r.scope.equals("?") && candidates.size() > 1) {
                // Several accounts have a resource of that id: which one the call meant is unknown.
                for (Source s : r.sources) {
                    reports.get(s.file()).rejected(s.element(), "the call's account is not known (no manifest or caller identity"
                            + " beside it) and several accounts have a " + r.type + " of that name; give the account in the"
                            + " snapshot manifest");
                }
                it.remove();
            } else if (r.scope.equals("?") && candidates.size() == 1) {
                Resource into = candidates.get(0);
                merge(into, r.attributes);
                r.sources.stream().filter(s -> !into.sources.contains(s)).forEach(into.sources::add);
                if (into.region == null) {
                    into.region = r.region;
                }
                it.remove();
            }
        }
    }

    /** Names a joined resource and settles its kind, account and region. */
    private void complete(Resource r) {
        if (r.name == null) {
            r.name = r.id;
        }
        r.kind = mappings.forTerraform(r.type).map(ResourceMapping::kind).orElse(BP.Resource);
        String arn = Tf.str(r.attributes.path("arn"));
        if (arn != null && !AwsIds.isArn(arn)) {
            arn = null;
        }
        if (r.type.equals("data.aws_caller_identity")) {
            r.node = Iris.aws(r.kind, r.id);
        } else if (r.hidesId) {
            r.node = Iris.aws(r.kind, dev.breachpath.secret.KeyIds.fingerprint(r.id));
        } else if (arn != null && !BY_ID.contains(r.kind)) {
            r.node = Iris.arn(arn);
        } else if (SCOPED.contains(r.type) && !r.scope.isEmpty() && !r.scope.equals("?")) {
            r.node = Iris.aws(r.kind, r.scope + "/" + r.id); // a name, unique in its account only
        } else {
            r.node = Iris.aws(r.kind, r.id);
        }
        String owner = Tf.str(r.attributes.path("owner_id"));
        if (r.type.equals("aws_organizations_account")) {
            r.account = r.id; // its ARN names the management account
        } else if (arn != null && AwsIds.arnAccount(arn).isPresent()) {
            r.account = AwsIds.arnAccount(arn).get();
        } else if (owner != null && owner.matches("\\d{12}")) {
            r.account = owner;
        } else if (r.type.equals("data.aws_caller_identity") || r.type.equals("aws_organizations_account")) {
            r.account = r.id;
        } else if (r.account == null) {
            // A relation (an attachment, a membership, an inline policy) is in the account of what it relates.
            for (var it = r.attributes.fields(); it.hasNext() && r.account == null; ) {
                JsonNode v = it.next().getValue();
                if (v.isTextual()) {
                    r.account = AwsIds.arnAccount(v.asText()).orElse(null);
                }
            }
        }
        if (arn != null && AwsIds.arnRegion(arn).isPresent()) {
            r.region = AwsIds.arnRegion(arn).get();
        } else if (r.attributes.path("region").isTextual()) {
            r.region = r.attributes.get("region").asText(); // a bucket's own region (ListBuckets' BucketRegion)
        } else if (r.region == null) {
            String zone = r.attributes.path("availability_zone").asText("");
            if (zone.matches("[a-z]{2}(-[a-z]+)+-\\d+[a-z]")) {
                r.region = zone.substring(0, zone.length() - 1);
            }
        }
    }

    @Override
    public String path() {
        return reports.isEmpty() ? "" : reports.keySet().iterator().next();
    }

    @Override
    public void identify(Identities identities) {
        this.identities = identities;
        for (Resource r : resources.values()) {
            if (r.kind.equals(BP.Resource) || r.type.startsWith("data.")) {
                continue;
            }
            java.util.Set<String> keys = new java.util.TreeSet<>();
            dev.breachpath.load.NaturalKeys.of(r.type, a -> Optional.ofNullable(r.attributes.get(a))
                    .filter(JsonNode::isValueNode).map(JsonNode::asText)).ifPresent(keys::add);
            for (String attribute : List.of("arn", "id", "resource_id", "unique_id")) {
                JsonNode v = r.attributes.get(attribute);
                if (v != null && v.isValueNode() && !v.isNull() && !(attribute.equals("id") && r.hidesId)) {
                    keys.add(v.asText());
                }
            }
            identities.deployed(new Identities.Deployed(r.node, r.kind, keys, r.account, (node, index) -> new InventoryView(r.type, r.name,
                    r.attributes, node, r.account, index, message -> each(r, (report, element) -> report.warning(message)))));
        }
    }

    /**
     * The node a resource is written under in a stage: its own; before a plan that manages it,
     * the plan's; after that plan, none (the plan writes it, changed or deleted).
     */
    private Optional<Identities.Planned> planned(Resource r) {
        return identities.plannedFor(r.node);
    }

    @Override
    public void register(Stage stage, LinkIndex index) {
        for (Resource r : resources.values()) {
            Optional<Identities.Planned> planned = planned(r);
            if (planned.isPresent() && stage == Stage.AFTER) {
                continue;
            }
            Node node = planned.map(Identities.Planned::node).orElse(r.node);
            List<String> keys = new ArrayList<>();
            for (String attribute : KEY_ATTRIBUTES) {
                if (attribute.equals("id") && r.hidesId) {
                    continue;
                }
                JsonNode v = r.attributes.get(attribute);
                if (v != null && v.isValueNode() && !v.isNull()) {
                    keys.add(v.asText());
                }
            }
            index.register(node, r.kind, keys, r.account);
        }
    }

    @Override
    public void write(Stage stage, FactsTarget target) {
        for (Resource r : resources.values()) {
            Optional<Identities.Planned> planned = planned(r);
            if (planned.isPresent() && stage == Stage.AFTER) {
                continue;
            }
            write(r, target, planned.orElse(null));
        }
        reported = true;
    }

    /** Writes a resource, under the node of the planned resource it is, if any. */
    private void write(Resource r, FactsTarget target, Identities.Planned planned) {
        Optional<ResourceMapping> mapping = mappings.forTerraform(r.type);
        Node node = planned == null ? r.node : planned.node();
        Facts f = new Facts(target.graph(), node);
        InventoryView view = new InventoryView(r.type, r.name, r.attributes, node, r.account, target.index(),
                message -> each(r, (report, element) -> report.warning(message)));
        target.graph().begin();
        try {
            core(r, f);
            if (planned != null) {
                f.string(BP.address, planned.address());
            }
            if (mapping.isPresent()) {
                mapping.get().terraform(view, f);
                each(r, (report, element) -> report.modelled(element));
            } else {
                each(r, (report, element) -> report.unmodelled(element, r.type));
            }
            target.graph().commit();
        } catch (MappingException e) {
            target.graph().rollback();
            each(r, (report, element) -> report.rejected(element, e.getMessage()));
        } catch (RuntimeException e) {
            target.graph().rollback();
            each(r, (report, element) -> report.rejected(element, "breachpath could not read this " + r.type
                    + " (an internal error; please report it)"));
        }
    }

    private void each(Resource r, java.util.function.BiConsumer<InputReport.Builder, String> action) {
        if (!reported) {
            for (Source s : r.sources) {
                action.accept(reports.get(s.file()), s.element());
            }
        }
    }

    private void core(Resource r, Facts f) {
        f.type(r.kind);
        // IAM's own ids (AIDA…, AROA…) where known; else what the resource is known by.
        JsonNode unique = r.attributes.get("unique_id");
        f.string(BP.awsId, unique != null && unique.isTextual() ? unique.asText() : r.name);
        JsonNode arn = r.attributes.get("arn");
        if (arn != null && arn.isTextual() && AwsIds.isArn(arn.asText())) {
            f.string(BP.arn, arn.asText());
        }
        if (r.account != null) {
            f.string(BP.accountId, r.account);
        }
        if (r.region != null) {
            f.string(BP.region, r.region);
        }
        JsonNode tags = r.attributes.get("tags");
        if (tags != null && tags.isObject()) {
            new TreeMap<String, JsonNode>(toMap(tags)).forEach((key, value) -> f.string(Iris.tag(key), value.asText()));
        }
        ObjectNode raw = r.attributes.deepCopy();
        for (String secret : SECRET_ATTRIBUTES) {
            if (raw.has(secret)) {
                raw.put(secret, Redactor.SENSITIVE);
            }
        }
        if (r.hidesId) {
            raw.remove("id");
        }
        f.json(BP.attributes, raw);
    }

    private static Map<String, JsonNode> toMap(JsonNode object) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    @Override
    public List<InputReport> reports() {
        return reports.values().stream().map(InputReport.Builder::build).toList();
    }
}
