package dev.breachpath.collect;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * What a collection is asked to do. Every time limit and the retry policy are set here, never
 * left to the SDK's defaults or the environment ({@code AWS_MAX_ATTEMPTS}, {@code AWS_RETRY_MODE}).
 *
 * @param out            the snapshot folder (one account), or the folder of a folder per account
 * @param profile        a named profile of the shared AWS files, or null for the default chain
 * @param credentials    credentials to use instead of the profile or chain (tests), or null
 * @param homeRegion     where global services and DescribeRegions are called
 * @param regions        the regions to collect, or null for every region enabled for the account
 * @param targets        the accounts: a role per account, or one target without a role
 * @param endpoint       one endpoint for every client (a stub, an emulator), or null for AWS
 * @param concurrency    calls in flight at once
 * @param keepSecrets    keep user data and environment values as they are
 * @param callTimeout    the longest a call may take, its retries included
 * @param attemptTimeout the longest one attempt may take
 * @param connectTimeout the longest a connection may take to open
 * @param maxAttempts    attempts of a call, the first included
 * @param backoff        the base delay between attempts (doubled each time, with jitter, up to 20 s)
 * @param reportWait     how long to wait for IAM to generate the credential report
 * @param progress       show progress on stderr
 * @param hashKey        the key of the scrubbed texts' hashes (secret.Scrubbed)
 * @param hashKeyNote    where that key came from, for the manifest (never the key)
 */
record Settings(Path out, String profile, AwsCredentialsProvider credentials, String homeRegion, List<String> regions,
                List<Target> targets, URI endpoint, int concurrency, boolean keepSecrets, Duration callTimeout,
                Duration attemptTimeout, Duration connectTimeout, int maxAttempts, Duration backoff, Duration reportWait,
                boolean progress, byte[] hashKey, String hashKeyNote) {

    /**
     * One account to collect.
     *
     * @param roleArn    the role to assume in it, or null to collect with the credentials as they are
     * @param externalId the external id the role's trust policy asks for, or null
     */
    record Target(String roleArn, String externalId) {
        /** The account of the role, from its ARN, or null without a role. */
        String account() {
            if (roleArn == null) {
                return null;
            }
            String[] parts = roleArn.split(":", 6);
            return parts.length == 6 ? parts[4] : null;
        }
    }

    /** The settings of a run with the defaults of {@code breachpath collect}. */
    static Settings defaults(Path out) {
        return new Settings(out, null, null, "us-east-1", null, List.of(new Target(null, null)), null, 8, false,
                Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofSeconds(5), 5, Duration.ofMillis(500),
                Duration.ofSeconds(60), false, randomKey(), RANDOM_KEY);
    }

    /** What the manifest says of a key made for the run. */
    static final String RANDOM_KEY = "made for this run and not kept: hashes compare within this snapshot only";

    /** A key for the hashes of one run. */
    static byte[] randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return key;
    }
}
