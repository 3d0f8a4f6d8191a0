package dev.breachpath.collect;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The SDK clients of one account, one per service and region, made on first use and all alike:
 * the same credentials, HTTP client, retry strategy and timeouts, and the same endpoint when one
 * is given.
 */
final class Clients implements AutoCloseable {
    private static final java.time.Duration MAX_BACKOFF = java.time.Duration.ofSeconds(20);

    private final Settings settings;
    private final SdkHttpClient http;
    private final java.util.concurrent.ScheduledExecutorService timers;
    private final AwsCredentialsProvider base;
    private final AwsCredentialsProvider credentials;
    private final Map<String, SdkClient> made = new ConcurrentHashMap<>();
    private final StsClient roleSts;

    /**
     * The clients of the account the base credentials reach, or of {@code target}'s role. They
     * share the run's HTTP client and the threads that time calls out ({@code timers}), instead
     * of five threads a client.
     */
    Clients(Settings settings, SdkHttpClient http, java.util.concurrent.ScheduledExecutorService timers, Settings.Target target) {
        this.settings = settings;
        this.http = http;
        this.timers = timers;
        AwsCredentialsProvider base = base(settings);
        this.base = base;
        if (target.roleArn() == null) {
            this.credentials = base;
            this.roleSts = null;
        } else {
            this.roleSts = configure(StsClient.builder(), settings.homeRegion(), base);
            this.credentials = StsAssumeRoleCredentialsProvider.builder().stsClient(roleSts)
                    .refreshRequest(r -> {
                        r.roleArn(target.roleArn()).roleSessionName("breachpath-collect");
                        if (target.externalId() != null) {
                            r.externalId(target.externalId());
                        }
                    }).build();
        }
    }

    /** The HTTP client every client of a run shares: the connection and socket timeouts set. */
    static SdkHttpClient http(Settings settings) {
        return UrlConnectionHttpClient.builder().connectionTimeout(settings.connectTimeout())
                .socketTimeout(settings.attemptTimeout()).build();
    }

    private static AwsCredentialsProvider base(Settings settings) {
        if (settings.credentials() != null) {
            return settings.credentials();
        }
        if (settings.profile() != null) {
            return ProfileCredentialsProvider.builder().profileName(settings.profile()).build();
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /** Resolves the base credentials now, so that their failure is the run's first and says so. */
    void resolveBase() {
        base.resolveCredentials();
    }

    /** Resolves the credentials of the account (assuming its role, if any). */
    void resolve() {
        credentials.resolveCredentials();
    }

    StsClient sts(String region) {
        return get("sts", region, () -> configure(StsClient.builder(), region, credentials));
    }

    IamClient iam() {
        return get("iam", settings.homeRegion(), () -> configure(IamClient.builder(), settings.homeRegion(), credentials));
    }

    OrganizationsClient organizations() {
        return get("organizations", settings.homeRegion(),
                () -> configure(OrganizationsClient.builder(), settings.homeRegion(), credentials));
    }

    S3Client s3(String region) {
        return get("s3", region, () -> configure(S3Client.builder()
                // a stub or emulator at one address cannot serve bucket names as host names
                .forcePathStyle(settings.endpoint() != null)
                // each bucket is called in its own region (ListBuckets' BucketRegion, else
                // GetBucketLocation): no redirects, and no HeadBucket, which needs s3:ListBucket
                .crossRegionAccessEnabled(false), region, credentials));
    }

    Ec2Client ec2(String region) {
        return get("ec2", region, () -> configure(Ec2Client.builder(), region, credentials));
    }

    ElasticLoadBalancingV2Client elbv2(String region) {
        return get("elbv2", region, () -> configure(ElasticLoadBalancingV2Client.builder(), region, credentials));
    }

    ElasticLoadBalancingClient elb(String region) {
        return get("elb", region, () -> configure(ElasticLoadBalancingClient.builder(), region, credentials));
    }

    LambdaClient lambda(String region) {
        return get("lambda", region, () -> configure(LambdaClient.builder(), region, credentials));
    }

    RdsClient rds(String region) {
        return get("rds", region, () -> configure(RdsClient.builder(), region, credentials));
    }

    DynamoDbClient dynamodb(String region) {
        return get("dynamodb", region, () -> configure(DynamoDbClient.builder(), region, credentials));
    }

    SecretsManagerClient secretsmanager(String region) {
        return get("secretsmanager", region, () -> configure(SecretsManagerClient.builder(), region, credentials));
    }

    KmsClient kms(String region) {
        return get("kms", region, () -> configure(KmsClient.builder(), region, credentials));
    }

    EcsClient ecs(String region) {
        return get("ecs", region, () -> configure(EcsClient.builder(), region, credentials));
    }

    @SuppressWarnings("unchecked")
    private <C extends SdkClient> C get(String service, String region, Supplier<C> make) {
        return (C) made.computeIfAbsent(service + " " + region, k -> make.get());
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configure(B builder, String region,
                                                                                           AwsCredentialsProvider creds) {
        BackoffStrategy backoff = BackoffStrategy.exponentialDelay(settings.backoff(), MAX_BACKOFF);
        builder.region(Region.of(region))
                .credentialsProvider(creds)
                .httpClient(http)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(settings.maxAttempts())
                                .backoffStrategy(backoff)
                                .throttlingBackoffStrategy(backoff)
                                // completeness over speed: every call gets all its attempts, even
                                // when many calls at once are throttled
                                .circuitBreakerEnabled(false)
                                .build())
                        .scheduledExecutorService(timers)
                        // the profile of --profile decides the clients' settings too, not AWS_PROFILE
                        .defaultProfileName(settings.profile())
                        .apiCallTimeout(settings.callTimeout())
                        .apiCallAttemptTimeout(settings.attemptTimeout())
                        .build());
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }

    @Override
    public void close() {
        made.values().forEach(SdkClient::close);
        if (roleSts != null) {
            roleSts.close();
        }
        if (credentials instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // closing credentials frees threads only; nothing to report
            }
        }
    }
}
