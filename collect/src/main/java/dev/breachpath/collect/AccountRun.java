package dev.breachpath.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.breachpath.secret.KeyIds;
import dev.breachpath.secret.Scrubbed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The collection of one account: who the credentials are, which regions are enabled, then every
 * call of {@link Op} on the shared bounded pool, each call's follow-ups (a bucket's policy after
 * the list of buckets) submitted when it ends. Every call ends in the snapshot's manifest, with
 * its item count or how it failed; a failed call never leaves a file that looks like an empty
 * answer.
 */
final class AccountRun {
    /** A paginated call stops here, and says so, whatever the service keeps giving. */
    static final int MAX_PAGES = 100_000;

    /**
     * What came of the run.
     *
     * @param files the responses written, the caller's identity aside: nothing was collected
     *              when there are none, whatever else answered
     */
    record Result(String account, Snapshot snapshot, int ok, int failed, long items, int files, String reason) {
        boolean collected() {
            return files > 0;
        }
    }

    private final Settings settings;
    private final Settings.Target target;
    private final Clients clients;
    private final Snapshot snapshot;
    private final Executor pool;
    private final Progress progress;
    private final Object lock = new Object();
    private int pending;
    private long items;
    private int files;
    private final List<String> notEnabled = new ArrayList<>();

    AccountRun(Settings settings, Settings.Target target, Clients clients, Snapshot snapshot, Executor pool, Progress progress) {
        this.settings = settings;
        this.target = target;
        this.clients = clients;
        this.snapshot = snapshot;
        this.pool = pool;
        this.progress = progress;
    }

    Result run(java.time.Instant now) {
        String home = settings.homeRegion();
        Snapshot.Call failed = credentials();
        if (failed != null) {
            snapshot.record(failed);
            describe(target.account(), List.of());
            snapshot.finish(now);
            return new Result(target.account(), snapshot, 0, 1, 0, 0, failed.detail());
        }
        ObjectNode identity = call(Op.CALLER, home, Map.of(), null, () -> List.of(clients.sts(home).getCallerIdentity()));
        if (identity == null) {
            Snapshot.Call call = snapshot.calls().get(0);
            describe(target.account(), List.of());
            snapshot.finish(now);
            return new Result(target.account(), snapshot, 0, 1, 0, 0,
                    "cannot learn who the credentials are (sts:GetCallerIdentity ended " + call.status().word + ": " + call.detail() + ")");
        }
        String account = identity.path("Account").asText(null);
        List<String> regions = regions(home);
        describe(account, regions);
        global(account);
        for (String region : regions) {
            regional(region);
        }
        await();
        snapshot.finish(now);
        int ok = 0, notOk = 0;
        for (Snapshot.Call c : snapshot.calls()) {
            if (c.status() == Snapshot.Status.OK) {
                ok++;
            } else {
                notOk++;
            }
        }
        synchronized (lock) {
            return new Result(account, snapshot, ok, notOk, items, files,
                    files == 0 ? "every call that describes resources failed, was denied or found nothing" : null);
        }
    }

    private void describe(String account, List<String> regions) {
        snapshot.describe(account, regions, notEnabled, endpoint(), settings.keepSecrets() ? null : settings.hashKeyNote());
    }

    /** Resolves the credentials, the base ones first: null when they are there, else the call that says why not. */
    private Snapshot.Call credentials() {
        try {
            clients.resolveBase();
        } catch (RuntimeException e) {
            Outcome o = Outcome.of(e, Op.CALLER, true);
            boolean local = o.status() == Snapshot.Status.ERROR && o.detail().startsWith("failed: ");
            // the SDK's message is not quoted: a credential process's output could be in it
            String detail = local ? "no usable AWS credentials" + (settings.profile() == null
                    ? " (the default chain: environment, shared files, SSO, container, instance); give --profile, or for an"
                    + " IAM Identity Center profile run aws sso login"
                    : " for profile " + settings.profile() + " (for an IAM Identity Center profile, run aws sso login)")
                    : o.detail();
            return new Snapshot.Call(null, target.roleArn() != null ? Op.ASSUME_ROLE.name() : Op.CALLER.name(), "global", Map.of(),
                    o.status(), null, detail);
        }
        if (target.roleArn() == null) {
            return null;
        }
        try {
            clients.resolve();
            return null;
        } catch (RuntimeException e) {
            Outcome o = Outcome.of(e, Op.ASSUME_ROLE, true);
            return new Snapshot.Call(null, Op.ASSUME_ROLE.name(), "global", Map.of("RoleArn", target.roleArn()), o.status(), null,
                    "cannot assume " + target.roleArn() + ": " + o.detail());
        }
    }

    private String endpoint() {
        return settings.endpoint() == null ? null : settings.endpoint().toString();
    }

    /** The regions to collect: those asked for, or every region enabled for the account. */
    private List<String> regions(String home) {
        ObjectNode described = call(Op.REGIONS, home, Map.of(), null,
                () -> List.of(clients.ec2(home).describeRegions(r -> r.allRegions(true))));
        Map<String, String> optIn = new java.util.TreeMap<>();
        if (described != null) {
            for (JsonNode r : described.path("Regions")) {
                optIn.put(r.path("RegionName").asText(), r.path("OptInStatus").asText("opt-in-not-required"));
            }
        }
        List<String> asked = settings.regions();
        List<String> out = new ArrayList<>();
        if (asked == null) {
            optIn.forEach((region, status) -> {
                if (!status.equals("not-opted-in")) {
                    out.add(region);
                } else {
                    notEnabled.add(region);
                }
            });
            if (out.isEmpty()) {
                out.add(home); // the regions could not be listed: the home region at least, and the manifest says why
            }
            return out;
        }
        for (String region : asked) {
            String status = optIn.get(region);
            if (described != null && (status == null || status.equals("not-opted-in"))) {
                snapshot.record(new Snapshot.Call(null, Op.REGIONS.name(), region, Map.of(), Snapshot.Status.REGION_DISABLED, null,
                        status == null ? "not a region of the account's partition" : "the region is not enabled for the account (not-opted-in)"));
            } else {
                out.add(region);
            }
        }
        return out;
    }

    private void global(String account) {
        String home = settings.homeRegion();
        // IAM
        submit(Op.AUTHORIZATION, home, Map.of(), null, () -> clients.iam().getAccountAuthorizationDetailsPaginator(r -> {}), gaad -> {
            for (JsonNode user : gaad.path("UserDetailList")) {
                String name = user.path("UserName").asText();
                submit(Op.ACCESS_KEYS, home, Map.of("UserName", name), name,
                        () -> clients.iam().listAccessKeysPaginator(r -> r.userName(name)), keys -> {
                            for (JsonNode key : keys.path("AccessKeyMetadata")) {
                                String id = key.path("AccessKeyId").asText();
                                // named by user and fingerprint: a file name is shown in reports, a key id never whole
                                submit(Op.KEY_LAST_USED, home, Map.of("AccessKeyId", id), name + "-" + KeyIds.fingerprint(id).substring(0, 12),
                                        () -> List.of(clients.iam().getAccessKeyLastUsed(r -> r.accessKeyId(id))), done());
                            }
                        });
            }
        });
        task(this::credentialReport);
        // S3: each bucket in its own region (ListBuckets gives it when asked with max-buckets)
        submit(Op.BUCKETS, home, Map.of(), null, () -> clients.s3(home).listBucketsPaginator(r -> r.maxBuckets(1000)), buckets -> {
            for (JsonNode b : buckets.path("Buckets")) {
                String bucket = b.path("Name").asText();
                if (b.path("BucketRegion").isTextual()) {
                    bucket(bucket, b.path("BucketRegion").asText(home));
                } else {
                    submit(Op.BUCKET_LOCATION, home, Map.of("Bucket", bucket), bucket,
                            () -> List.of(clients.s3(home).getBucketLocation(r -> r.bucket(bucket))),
                            location -> bucket(bucket, regionOf(location.path("LocationConstraint").asText(""))));
                }
            }
        });
        // Organizations: its tree and policies, from the management account only
        submit(Op.ORGANIZATION, home, Map.of(), null, () -> List.of(clients.organizations().describeOrganization(r -> {})), org -> {
            String management = org.path("Organization").path("MasterAccountId").asText(null);
            if (management != null && !management.equals(account)) {
                // not a failure: what the management account's snapshot holds, and only it can read
                none(Op.ROOTS, "global", Map.of(), "a member account: the organization's roots, units and policies are collected"
                        + " from its management account, " + management);
                return;
            }
            organization();
        });
    }

    private void bucket(String bucket, String region) {
        String home = settings.homeRegion();
        Map<String, String> p = Map.of("Bucket", bucket);
        var s3 = clients.s3(settings.endpoint() == null ? region : home);
        submit(Op.BUCKET_POLICY, home, p, bucket, () -> List.of(s3.getBucketPolicy(r -> r.bucket(bucket))), done());
        submit(Op.BUCKET_PAB, home, p, bucket, () -> List.of(s3.getPublicAccessBlock(r -> r.bucket(bucket))), done());
        submit(Op.BUCKET_TAGS, home, p, bucket, () -> List.of(s3.getBucketTagging(r -> r.bucket(bucket))), done());
        submit(Op.BUCKET_ENCRYPTION, home, p, bucket, () -> List.of(s3.getBucketEncryption(r -> r.bucket(bucket))), done());
        submit(Op.BUCKET_ACL, home, p, bucket, () -> List.of(s3.getBucketAcl(r -> r.bucket(bucket))), done());
    }

    /** GetBucketLocation's answer as a region: none for us-east-1, EU for eu-west-1 (the oldest buckets). */
    static String regionOf(String constraint) {
        return switch (constraint) {
            case "", "null" -> "us-east-1";
            case "EU" -> "eu-west-1";
            default -> constraint;
        };
    }

    private void organization() {
        String home = settings.homeRegion();
        var org = clients.organizations();
        submit(Op.ROOTS, home, Map.of(), null, () -> org.listRootsPaginator(r -> {}), roots -> {
            for (JsonNode root : roots.path("Roots")) {
                units(root.path("Id").asText());
            }
        });
        submit(Op.ACCOUNTS, home, Map.of(), null, () -> org.listAccountsPaginator(r -> {}), accounts -> {
            for (JsonNode a : accounts.path("Accounts")) {
                String id = a.path("Id").asText();
                submit(Op.PARENTS, home, Map.of("ChildId", id), id, () -> org.listParentsPaginator(r -> r.childId(id)), done());
            }
        });
        for (String type : List.of("SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY")) {
            submit(Op.POLICIES, home, Map.of("Filter", type), type, () -> org.listPoliciesPaginator(r -> r.filter(type)), policies -> {
                for (JsonNode p : policies.path("Policies")) {
                    String id = p.path("Id").asText();
                    submit(Op.POLICY, home, Map.of("PolicyId", id), id, () -> List.of(org.describePolicy(r -> r.policyId(id))), done());
                    submit(Op.TARGETS, home, Map.of("PolicyId", id), id,
                            () -> org.listTargetsForPolicyPaginator(r -> r.policyId(id)), done());
                }
            });
        }
    }

    private void units(String parent) {
        String home = settings.homeRegion();
        submit(Op.UNITS, home, Map.of("ParentId", parent), parent,
                () -> clients.organizations().listOrganizationalUnitsForParentPaginator(r -> r.parentId(parent)), units -> {
                    for (JsonNode u : units.path("OrganizationalUnits")) {
                        units(u.path("Id").asText());
                    }
                });
    }

    /** IAM makes the report on request; it is read once IAM says it is complete, or the wait is over. */
    private void credentialReport() {
        String home = settings.homeRegion();
        long until = System.nanoTime() + settings.reportWait().toNanos();
        long pause = Math.min(2000, Math.max(50, settings.reportWait().toMillis() / 20));
        String state = "";
        int polls = 0;
        while (!"COMPLETE".equals(state)) {
            if (polls > 0 && System.nanoTime() > until) {
                snapshot.record(new Snapshot.Call(null, Op.GENERATE_REPORT.name(), "global", Map.of(), Snapshot.Status.TIMEOUT, null,
                        "IAM had not finished the credential report after " + settings.reportWait().toSeconds() + " s (state " + state + ")"));
                progress.done(Op.GENERATE_REPORT, "global", 0, false);
                return;
            }
            if (polls++ > 0) {
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            try {
                state = clients.iam().generateCredentialReport().stateAsString();
            } catch (RuntimeException e) {
                Outcome outcome = Outcome.of(e, Op.GENERATE_REPORT, true);
                snapshot.record(new Snapshot.Call(null, Op.GENERATE_REPORT.name(), "global", Map.of(), outcome.status(), null, outcome.detail()));
                progress.done(Op.GENERATE_REPORT, "global", 0, false);
                return;
            }
        }
        snapshot.record(new Snapshot.Call(null, Op.GENERATE_REPORT.name(), "global", Map.of(), Snapshot.Status.OK, null,
                "the report is complete"));
        call(Op.CREDENTIAL_REPORT, home, Map.of(), null, () -> List.of(clients.iam().getCredentialReport()));
    }

    private void regional(String region) {
        var ec2 = clients.ec2(region);
        submit(Op.INSTANCES, region, Map.of(), null, () -> ec2.describeInstancesPaginator(r -> {}), instances -> {
            for (JsonNode reservation : instances.path("Reservations")) {
                for (JsonNode i : reservation.path("Instances")) {
                    String id = i.path("InstanceId").asText();
                    if (i.path("State").path("Name").asText("").equals("terminated")) {
                        continue;
                    }
                    submit(Op.USER_DATA, region, Map.of("InstanceId", id, "Attribute", "userData"), id,
                            () -> List.of(ec2.describeInstanceAttribute(r -> r.instanceId(id).attribute("userData"))), done());
                }
            }
        });
        submit(Op.PROFILE_ASSOCIATIONS, region, Map.of(), null, () -> ec2.describeIamInstanceProfileAssociationsPaginator(r -> {}), done());
        submit(Op.LAUNCH_TEMPLATES, region, Map.of(), null, () -> ec2.describeLaunchTemplatesPaginator(r -> {}), templates -> {
            for (JsonNode t : templates.path("LaunchTemplates")) {
                String id = t.path("LaunchTemplateId").asText();
                submit(Op.LAUNCH_TEMPLATE_VERSIONS, region, Map.of("LaunchTemplateId", id), id,
                        () -> ec2.describeLaunchTemplateVersionsPaginator(r -> r.launchTemplateId(id).versions("$Default", "$Latest")), done());
            }
        });
        submit(Op.SECURITY_GROUPS, region, Map.of(), null, () -> ec2.describeSecurityGroupsPaginator(r -> {}), done());
        submit(Op.SUBNETS, region, Map.of(), null, () -> ec2.describeSubnetsPaginator(r -> {}), done());
        submit(Op.VPCS, region, Map.of(), null, () -> ec2.describeVpcsPaginator(r -> {}), done());
        submit(Op.ROUTE_TABLES, region, Map.of(), null, () -> ec2.describeRouteTablesPaginator(r -> {}), done());
        submit(Op.INTERNET_GATEWAYS, region, Map.of(), null, () -> ec2.describeInternetGatewaysPaginator(r -> {}), done());
        submit(Op.NAT_GATEWAYS, region, Map.of(), null, () -> ec2.describeNatGatewaysPaginator(r -> {}), done());
        submit(Op.ADDRESSES, region, Map.of(), null, () -> List.of(ec2.describeAddresses(r -> {})), done());
        submit(Op.NETWORK_INTERFACES, region, Map.of(), null, () -> ec2.describeNetworkInterfacesPaginator(r -> {}), done());
        submit(Op.SNAPSHOTS, region, Map.of("OwnerIds", "self"), null, () -> ec2.describeSnapshotsPaginator(r -> r.ownerIds("self")), done());
        submit(Op.VOLUMES, region, Map.of(), null, () -> ec2.describeVolumesPaginator(r -> {}), done());

        var elbv2 = clients.elbv2(region);
        submit(Op.LOAD_BALANCERS, region, Map.of(), null, () -> elbv2.describeLoadBalancersPaginator(r -> {}), lbs -> {
            for (JsonNode lb : lbs.path("LoadBalancers")) {
                String arn = lb.path("LoadBalancerArn").asText();
                submit(Op.LISTENERS, region, Map.of("LoadBalancerArn", arn), arn,
                        () -> elbv2.describeListenersPaginator(r -> r.loadBalancerArn(arn)), done());
            }
        });
        submit(Op.TARGET_GROUPS, region, Map.of(), null, () -> elbv2.describeTargetGroupsPaginator(r -> {}), groups -> {
            for (JsonNode g : groups.path("TargetGroups")) {
                String arn = g.path("TargetGroupArn").asText();
                submit(Op.TARGET_HEALTH, region, Map.of("TargetGroupArn", arn), arn,
                        () -> List.of(elbv2.describeTargetHealth(r -> r.targetGroupArn(arn))), done());
            }
        });
        submit(Op.CLASSIC_LOAD_BALANCERS, region, Map.of(), null, () -> clients.elb(region).describeLoadBalancersPaginator(r -> {}), done());

        var lambda = clients.lambda(region);
        submit(Op.FUNCTIONS, region, Map.of(), null, () -> lambda.listFunctionsPaginator(r -> {}), functions -> {
            for (JsonNode f : functions.path("Functions")) {
                String name = f.path("FunctionName").asText();
                Map<String, String> p = Map.of("FunctionName", name);
                submit(Op.FUNCTION_POLICY, region, p, name, () -> List.of(lambda.getPolicy(r -> r.functionName(name))), done());
                submit(Op.FUNCTION_URL, region, p, name, () -> List.of(lambda.getFunctionUrlConfig(r -> r.functionName(name))), done());
            }
        });

        var rds = clients.rds(region);
        submit(Op.DB_INSTANCES, region, Map.of(), null, () -> rds.describeDBInstancesPaginator(r -> {}), done());
        submit(Op.DB_CLUSTERS, region, Map.of(), null, () -> rds.describeDBClustersPaginator(r -> {}), done());
        submit(Op.DB_SNAPSHOTS, region, Map.of(), null, () -> rds.describeDBSnapshotsPaginator(r -> {}), snapshots -> {
            for (JsonNode s : snapshots.path("DBSnapshots")) {
                if (s.path("SnapshotType").asText("").equals("manual")) {
                    String id = s.path("DBSnapshotIdentifier").asText();
                    submit(Op.DB_SNAPSHOT_ATTRIBUTES, region, Map.of("DBSnapshotIdentifier", id), id,
                            () -> List.of(rds.describeDBSnapshotAttributes(r -> r.dbSnapshotIdentifier(id))), done());
                }
            }
        });
        submit(Op.DB_CLUSTER_SNAPSHOTS, region, Map.of(), null, () -> rds.describeDBClusterSnapshotsPaginator(r -> {}), snapshots -> {
            for (JsonNode s : snapshots.path("DBClusterSnapshots")) {
                if (s.path("SnapshotType").asText("").equals("manual")) {
                    String id = s.path("DBClusterSnapshotIdentifier").asText();
                    submit(Op.DB_CLUSTER_SNAPSHOT_ATTRIBUTES, region, Map.of("DBClusterSnapshotIdentifier", id), id,
                            () -> List.of(rds.describeDBClusterSnapshotAttributes(r -> r.dbClusterSnapshotIdentifier(id))), done());
                }
            }
        });

        var dynamodb = clients.dynamodb(region);
        submit(Op.TABLES, region, Map.of(), null, () -> dynamodb.listTablesPaginator(r -> {}), tables -> {
            for (JsonNode t : tables.path("TableNames")) {
                String name = t.asText();
                submit(Op.TABLE, region, Map.of("TableName", name), name, () -> List.of(dynamodb.describeTable(r -> r.tableName(name))), done());
            }
        });

        var secrets = clients.secretsmanager(region);
        submit(Op.SECRETS, region, Map.of(), null, () -> secrets.listSecretsPaginator(r -> {}), list -> {
            for (JsonNode s : list.path("SecretList")) {
                String arn = s.path("ARN").asText();
                submit(Op.SECRET_POLICY, region, Map.of("SecretId", arn), s.path("Name").asText(arn),
                        () -> List.of(secrets.getResourcePolicy(r -> r.secretId(arn))), done());
            }
        });

        var kms = clients.kms(region);
        submit(Op.KEYS, region, Map.of(), null, () -> kms.listKeysPaginator(r -> {}), keys -> {
            for (JsonNode k : keys.path("Keys")) {
                String id = k.path("KeyId").asText();
                Map<String, String> p = Map.of("KeyId", id);
                submit(Op.KEY_POLICY, region, p, id, () -> List.of(kms.getKeyPolicy(r -> r.keyId(id).policyName("default"))), done());
                submit(Op.KEY, region, p, id, () -> List.of(kms.describeKey(r -> r.keyId(id))), key -> {
                    JsonNode meta = key.path("KeyMetadata");
                    if (meta.path("KeyManager").asText("").equals("CUSTOMER") && meta.path("KeySpec").asText("SYMMETRIC_DEFAULT")
                            .equals("SYMMETRIC_DEFAULT")) {
                        submit(Op.KEY_ROTATION, region, p, id, () -> List.of(kms.getKeyRotationStatus(r -> r.keyId(id))), done());
                    }
                });
            }
        });

        var ecs = clients.ecs(region);
        submit(Op.TASK_DEFINITIONS, region, Map.of("Status", "ACTIVE"), null, () -> ecs.listTaskDefinitionsPaginator(r -> r.status("ACTIVE")),
                arns -> {
                    for (JsonNode a : arns.path("taskDefinitionArns")) {
                        String arn = a.asText();
                        String name = arn.substring(arn.lastIndexOf('/') + 1);
                        submit(Op.TASK_DEFINITION, region, Map.of("TaskDefinition", arn), name,
                                () -> List.of(ecs.describeTaskDefinition(r -> r.taskDefinition(arn))), done());
                    }
                });
    }

    private static Consumer<ObjectNode> done() {
        return r -> {};
    }

    // ---- the calls

    private void task(Runnable work) {
        synchronized (lock) {
            pending++;
        }
        try {
            pool.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException | Error e) {
                    // a fault of ours (or the disk's): recorded, never lost on a pool thread's stderr
                    snapshot.record(new Snapshot.Call(null, "breachpath:collect", "global", Map.of(), Snapshot.Status.ERROR, null,
                            "internal error (" + e.getClass().getSimpleName() + "); the calls that would have followed were not made;"
                                    + " please report it"));
                } finally {
                    synchronized (lock) {
                        if (--pending == 0) {
                            lock.notifyAll();
                        }
                    }
                }
            });
        } catch (RuntimeException e) {
            synchronized (lock) {
                pending--;
            }
            throw e;
        }
    }

    /** Makes the call on the pool; {@code then} gets its response when it ended with one. */
    private void submit(Op op, String region, Map<String, String> params, String name,
                        Supplier<? extends Iterable<? extends SdkPojo>> pages, Consumer<ObjectNode> then) {
        task(() -> {
            ObjectNode response = call(op, region, params, name, pages);
            if (response != null) {
                then.accept(response);
            }
        });
    }

    private void await() {
        synchronized (lock) {
            while (pending > 0) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Makes one call, all its pages, and records how it ended. Returns the response (the pages
     * joined) when there is one to follow up on, else null. The list of regions is recorded, not
     * written: scan does not read it.
     */
    private ObjectNode call(Op op, String region, Map<String, String> params, String name,
                            Supplier<? extends Iterable<? extends SdkPojo>> pages) {
        String where = op.global() ? "global" : region;
        ObjectNode joined = JsonNodeFactory.instance.objectNode();
        int read = 0;
        Set<String> tokens = new HashSet<>();
        Snapshot.Status status = Snapshot.Status.OK;
        String detail = null;
        try {
            Iterator<? extends SdkPojo> it = pages.get().iterator();
            while (it.hasNext()) {
                ObjectNode page = Responses.json(it.next());
                read++;
                String token = Responses.nextToken(page);
                Responses.append(joined, page);
                if (token != null && !tokens.add(token)) {
                    status = Snapshot.Status.TRUNCATED;
                    detail = "the service gave the same pagination token twice; stopped after " + read + " pages";
                    break;
                }
                if (read >= MAX_PAGES && token != null) {
                    status = Snapshot.Status.TRUNCATED;
                    detail = "stopped after " + read + " pages";
                    break;
                }
            }
        } catch (RuntimeException e) {
            Outcome outcome = Outcome.of(e, op, region.equals(settings.homeRegion()));
            if (outcome.absent()) {
                return none(op, where, params, outcome.detail());
            }
            if (read == 0) {
                snapshot.record(new Snapshot.Call(null, op.name(), where, params, outcome.status(), null, outcome.detail()));
                progress.done(op, where, 0, false);
                return null;
            }
            // pages were read before a later one failed: keep them, and say the rest is missing
            status = Snapshot.Status.TRUNCATED;
            detail = "page " + (read + 1) + " ended " + outcome.status().word + " (" + outcome.detail() + "); the file holds the "
                    + read + " pages before it";
        }
        if (op.present() != null && !joined.has(op.present())) {
            return none(op, where, params, "no " + op.present());
        }
        if (op.listMember() != null && !joined.has(op.listMember())) {
            joined.putArray(op.listMember());
        }
        if (!settings.keepSecrets()) {
            op.scrub().forEach(path -> scrub(joined, path, settings.hashKey()));
        }
        int count = op.items() == null ? 1 : count(joined, op.items());
        Integer counted = op.items() == null ? null : count;
        Snapshot.Status ended = status;
        String said = detail;
        String file = null;
        if (op.written()) {
            try {
                file = snapshot.keep(op, region, name, joined, f -> new Snapshot.Call(f, op.name(), where, params, ended, counted, said));
            } catch (IOException | UncheckedIOException e) {
                snapshot.record(new Snapshot.Call(null, op.name(), where, params, Snapshot.Status.ERROR, null,
                        "the response could not be written to " + snapshot.dir + " (" + e.getClass().getSimpleName() + ")"));
                progress.done(op, where, 0, false);
                return null;
            }
            if (file == null) {
                return null; // the run was cut short and its manifest written
            }
        } else {
            snapshot.record(new Snapshot.Call(null, op.name(), where, params, status, counted, detail));
        }
        synchronized (lock) {
            items += op.items() == null ? 0 : count;
            files += file != null && op != Op.CALLER ? 1 : 0;
        }
        progress.done(op, where, count, status == Snapshot.Status.OK);
        return joined;
    }

    /** The thing asked for is not there: ok, no file, and what said so. */
    private ObjectNode none(Op op, String where, Map<String, String> params, String why) {
        snapshot.record(new Snapshot.Call(null, op.name(), where, params, Snapshot.Status.OK, 0, "none (" + why + ")"));
        progress.done(op, where, 0, true);
        return null;
    }

    /** The nodes at a path: {@code a.b[].c} (a {@code []} steps into every element, a {@code *} into every field). */
    static List<JsonNode> select(JsonNode root, String path) {
        List<JsonNode> at = List.of(root);
        for (String segment : path.split("\\.")) {
            boolean each = segment.endsWith("[]");
            String field = each ? segment.substring(0, segment.length() - 2) : segment;
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode n : at) {
                if (field.equals("*")) {
                    n.forEach(next::add);
                } else if (n.has(field)) {
                    next.add(n.get(field));
                }
            }
            if (each) {
                List<JsonNode> elements = new ArrayList<>();
                next.forEach(n -> n.forEach(elements::add));
                next = elements;
            }
            at = next;
        }
        return at;
    }

    static int count(JsonNode root, String path) {
        return select(root, path).size();
    }

    /**
     * Replaces the texts at {@code path} by what the analysis needs of them (secret.Scrubbed):
     * the last segment is a field, {@code *} for every field, or {@code name[]} for every text
     * in a list.
     */
    static void scrub(JsonNode root, String path, byte[] key) {
        int dot = path.lastIndexOf('.');
        String field = path.substring(dot + 1);
        List<JsonNode> parents = dot < 0 ? List.of(root) : select(root, path.substring(0, dot));
        for (JsonNode parent : parents) {
            if (!(parent instanceof ObjectNode o)) {
                continue;
            }
            if (field.endsWith("[]")) {
                if (o.get(field.substring(0, field.length() - 2)) instanceof com.fasterxml.jackson.databind.node.ArrayNode list) {
                    for (int i = 0; i < list.size(); i++) {
                        if (list.get(i).isTextual()) {
                            list.set(i, JsonNodeFactory.instance.textNode(Scrubbed.of(list.get(i).asText(), key)));
                        }
                    }
                }
                continue;
            }
            List<String> names = new ArrayList<>();
            if (field.equals("*")) {
                o.fieldNames().forEachRemaining(names::add);
            } else {
                names.add(field);
            }
            for (String n : names) {
                JsonNode v = o.get(n);
                if (v != null && v.isTextual()) {
                    o.put(n, Scrubbed.of(v.asText(), key));
                }
            }
        }
    }
}
