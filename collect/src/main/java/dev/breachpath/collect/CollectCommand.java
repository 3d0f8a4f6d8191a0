package dev.breachpath.collect;

import dev.breachpath.cli.Main;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.profiles.ProfileFile;

/** {@code breachpath collect}: a read-only snapshot of live AWS accounts (docs/collect.md). */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"Snapshots live AWS accounts, read-only, with the AWS SDK: every call scan reads, in every enabled",
                "region, into a folder scan takes as it is (docs/collect.md). Every call ends in the snapshot's",
                "manifest.json, with its item count or how it failed (denied, throttled, timeout, region-disabled,",
                "error); user data and environment values are kept only as what the analysis needs of them."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  a snapshot was written (the manifest lists any call that failed)",
                "  2  nothing could be collected, or the options are wrong: one line says why"})
public final class CollectCommand implements Callable<Integer> {
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::[0-9]{12}:role/[\\w+=,.@/-]{1,512}");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "A new or empty folder for the snapshot.")
    Path out;

    @Option(names = "--profile", paramLabel = "NAME", description = "A profile of the shared AWS files (default: the default credential chain).")
    String profile;

    @Option(names = "--regions", paramLabel = "LIST", split = ",",
            description = "Regions to collect, comma-separated, or all (default: every region enabled for the account).")
    List<String> regions;

    @Option(names = "--home-region", paramLabel = "REGION",
            description = "Where global services (IAM, S3's list, Organizations, STS) are called (default: AWS_REGION, the profile's region, else us-east-1).")
    String homeRegion;

    @Option(names = "--role-arn", paramLabel = "ARN", description = "A role to assume, one account each; repeatable.")
    List<String> roleArns = new ArrayList<>();

    @Option(names = "--accounts-file", paramLabel = "FILE",
            description = "Accounts to collect, one a line: a role ARN, or an account id with --role-name (# starts a comment).")
    Path accountsFile;

    @Option(names = "--role-name", paramLabel = "NAME", description = "The role to assume in each account id of --accounts-file.")
    String roleName;

    @Option(names = "--external-id", paramLabel = "ID", description = "The external id the roles' trust policies ask for.")
    String externalId;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "One endpoint for every service: a local stub or emulator (default: AWS's endpoints).")
    String endpointUrl;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8", description = "Calls in flight at once, 1 to 64 (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "5",
            description = "Attempts of a throttled or failed call, the first included, 1 to 20 (default: ${DEFAULT-VALUE}).")
    int maxAttempts;

    @Option(names = "--call-timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "The longest one call may take, its retries included (default: ${DEFAULT-VALUE}).")
    int callTimeout;

    @Option(names = "--attempt-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "The longest one attempt may take (default: ${DEFAULT-VALUE}).")
    int attemptTimeout;

    @Option(names = "--keep-secrets", description = "Keep user data and environment values as the APIs return them (default: kept only as"
            + " the credentials found in them, masked, and a hash).")
    boolean keepSecrets;

    @Option(names = "--hash-key-file", paramLabel = "FILE",
            description = "A key, kept apart from snapshots, for the hashes of scrubbed texts, so that they compare between snapshots"
                    + " (default: a key made for the run and not kept).")
    Path hashKeyFile;

    @Option(names = {"-q", "--quiet"}, description = "No progress and no summary on stderr; failures only.")
    boolean quiet;

    /** Set by the launcher when stderr is a terminal (System.console() tells of stdin and stdout, not stderr). */
    static final String TERMINAL = "breachpath.stderr.terminal";

    @Override
    public Integer call() {
        Settings settings = settings();
        String problem = Collector.problemWithOut(out);
        if (problem != null) {
            throw new Main.Failure(problem);
        }
        try {
            Files.createDirectories(out);
            if (!Files.isWritable(out)) {
                throw new IOException("not writable");
            }
        } catch (IOException e) {
            throw new Main.Failure(out + ": cannot be written (" + e.getMessage() + "): give a folder you may write to");
        }
        var err = spec.commandLine().getErr();
        Progress progress = new Progress(err, !quiet && Boolean.getBoolean(TERMINAL));
        List<AccountRun.Result> results = Collector.collect(settings, progress, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        boolean any = false;
        for (AccountRun.Result r : results) {
            Path manifest = r.snapshot().dir.resolve("manifest.json");
            if (r.collected()) {
                any = true;
                if (!quiet) {
                    err.println("breachpath: collected " + (r.account() == null ? "" : "account " + r.account() + ": ") + summary(r)
                            + " → " + manifest);
                }
            } else {
                err.println("breachpath: nothing collected" + (r.account() == null ? "" : " from account " + r.account()) + ": "
                        + (r.reason() != null ? r.reason() : "every call failed") + " (the manifest says what failed: " + manifest + ")");
            }
        }
        err.flush();
        return any ? 0 : Main.INCOMPLETE;
    }

    private static String summary(AccountRun.Result r) {
        Map<String, Integer> failed = new TreeMap<>();
        for (Snapshot.Call c : r.snapshot().calls()) {
            if (c.status() != Snapshot.Status.OK) {
                failed.merge(c.status().word, 1, Integer::sum);
            }
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%,d calls ok, %,d items", r.ok(), r.items()));
        if (!failed.isEmpty()) {
            s.append("; not ok: ");
            failed.forEach((k, v) -> s.append(v).append(' ').append(k).append(", "));
            s.setLength(s.length() - 2);
        }
        return s.toString();
    }

    private Settings settings() {
        if (concurrency < 1 || concurrency > 64) {
            throw new Main.Failure("--concurrency must be from 1 to 64, not " + concurrency);
        }
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new Main.Failure("--max-attempts must be from 1 to 20, not " + maxAttempts);
        }
        if (callTimeout < 1 || attemptTimeout < 1) {
            throw new Main.Failure("--call-timeout and --attempt-timeout must be at least 1 second");
        }
        List<String> asked = null;
        if (regions != null && !(regions.size() == 1 && regions.get(0).equals("all"))) {
            asked = new ArrayList<>(new LinkedHashSet<>(regions));
            for (String r : asked) {
                if (!REGION.matcher(r).matches()) {
                    throw new Main.Failure("--regions: " + r + " is not a region name (expected names like eu-west-1, or all)");
                }
            }
            asked.sort(null);
        }
        String home = homeRegion != null ? homeRegion : defaultRegion();
        if (!REGION.matcher(home).matches()) {
            throw new Main.Failure("--home-region: " + home + " is not a region name (expected a name like us-east-1)");
        }
        URI endpoint = null;
        if (endpointUrl != null) {
            try {
                endpoint = new URI(endpointUrl);
            } catch (URISyntaxException e) {
                endpoint = null;
            }
            if (endpoint == null || endpoint.getHost() == null || !Set.of("http", "https").contains(String.valueOf(endpoint.getScheme()))) {
                throw new Main.Failure("--endpoint-url: expected an http or https URL with a host, like http://127.0.0.1:4566");
            }
        }
        if (endpoint == null) {
            refuseConfiguredEndpoints();
        }
        byte[] key = Settings.randomKey();
        String keyNote = Settings.RANDOM_KEY;
        if (hashKeyFile != null) {
            try {
                key = Files.readAllBytes(hashKeyFile);
            } catch (IOException e) {
                throw new Main.Failure(hashKeyFile + ": cannot be read (" + e.getClass().getSimpleName() + ")");
            }
            if (key.length < 16) {
                throw new Main.Failure("--hash-key-file: the key must be 16 bytes or more (random bytes, kept apart from snapshots)");
            }
            keyNote = "from --hash-key-file: hashes compare between snapshots made with the same key";
        }
        Settings s = Settings.defaults(out);
        return new Settings(out, profile, null, home, asked, targets(), endpoint, concurrency, keepSecrets,
                Duration.ofSeconds(callTimeout), Duration.ofSeconds(attemptTimeout), s.connectTimeout(), maxAttempts, s.backoff(),
                s.reportWait(), !quiet, key, keyNote);
    }

    private List<Settings.Target> targets() {
        List<String> roles = new ArrayList<>(roleArns);
        if (accountsFile != null) {
            List<String> lines;
            try {
                lines = Files.readAllLines(accountsFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new Main.Failure(accountsFile + ": cannot be read (" + e.getClass().getSimpleName() + ")");
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).replaceFirst("#.*", "").strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (ACCOUNT.matcher(line).matches()) {
                    if (roleName == null) {
                        throw new Main.Failure(accountsFile + ":" + (i + 1) + ": an account id needs --role-name, the role to assume in it");
                    }
                    roles.add("arn:aws:iam::" + line + ":role/" + roleName);
                } else if (ROLE_ARN.matcher(line).matches()) {
                    roles.add(line);
                } else {
                    throw new Main.Failure(accountsFile + ":" + (i + 1) + ": expected a 12-digit account id or a role ARN");
                }
            }
        }
        if (roles.isEmpty()) {
            return List.of(new Settings.Target(null, null));
        }
        List<Settings.Target> targets = new ArrayList<>();
        Set<String> accounts = new HashSet<>();
        for (String arn : roles) {
            if (!ROLE_ARN.matcher(arn).matches()) {
                throw new Main.Failure("--role-arn: expected a role ARN like arn:aws:iam::123456789012:role/Audit");
            }
            Settings.Target t = new Settings.Target(arn, externalId);
            if (!accounts.add(t.account())) {
                throw new Main.Failure("account " + t.account() + " is named twice: one role per account");
            }
            targets.add(t);
        }
        return targets;
    }

    /**
     * The SDK would send every call to an endpoint set in the environment (AWS_ENDPOINT_URL…,
     * aws.endpointUrl, a profile's endpoint_url) without a word: a shell set up for an emulator
     * would snapshot the emulator. Only --endpoint-url chooses another endpoint.
     */
    private void refuseConfiguredEndpoints() {
        for (var e : new TreeMap<>(System.getenv()).entrySet()) {
            if (e.getKey().equals("AWS_ENDPOINT_URL") || e.getKey().startsWith("AWS_ENDPOINT_URL_")) {
                throw new Main.Failure(e.getKey() + " is set: collect would call it instead of AWS; unset it, or give it as --endpoint-url");
            }
        }
        for (String property : new TreeMap<>(System.getProperties()).keySet().stream().map(String::valueOf).toList()) {
            if (property.startsWith("aws.endpointUrl")) {
                throw new Main.Failure("the system property " + property + " is set: collect would call it instead of AWS; give it as --endpoint-url");
            }
        }
        try {
            // the profile the clients read their settings from (Clients: defaultProfileName)
            String name = profile != null ? profile : System.getenv().getOrDefault("AWS_PROFILE", System.getProperty("aws.profile", "default"));
            var settings = ProfileFile.defaultProfileFile().profile(name);
            if (settings.flatMap(p -> p.property("endpoint_url")).isPresent() || settings.flatMap(p -> p.property("services")).isPresent()) {
                throw new Main.Failure("profile " + name + " sets endpoint_url or services: collect would call those endpoints instead of"
                        + " AWS; give one as --endpoint-url");
            }
        } catch (RuntimeException e) {
            if (e instanceof Main.Failure f) {
                throw f;
            }
            // a damaged or missing shared config file: the credentials say so
        }
    }

    /** AWS_REGION, AWS_DEFAULT_REGION, the profile's region, else us-east-1: never instance metadata, which can hang off EC2. */
    private String defaultRegion() {
        for (String name : List.of("AWS_REGION", "AWS_DEFAULT_REGION")) {
            String v = System.getenv(name);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        try {
            String name = profile != null ? profile : System.getenv().getOrDefault("AWS_PROFILE", "default");
            return ProfileFile.defaultProfileFile().profile(name).flatMap(p -> p.property("region")).orElse("us-east-1");
        } catch (RuntimeException e) {
            return "us-east-1"; // a damaged or missing shared config file: the profile's own failure comes with the credentials
        }
    }
}
