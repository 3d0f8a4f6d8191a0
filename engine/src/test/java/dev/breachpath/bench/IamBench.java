package dev.breachpath.bench;

import dev.breachpath.iam.Evaluation;
import dev.breachpath.iam.Evaluator;
import dev.breachpath.iam.IamPolicy;
import dev.breachpath.iam.PolicyException;
import dev.breachpath.iam.PolicyParser;
import dev.breachpath.iam.Policies;
import dev.breachpath.iam.Principal;
import dev.breachpath.iam.Request;
import dev.breachpath.iam.RequestContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The evaluator's throughput on the worst case of a scan: every principal asked about every data
 * store, principals with broad policies (wildcard actions and resources, a conditional Deny, a
 * NotAction statement, a boundary on some), stores with resource policies on some. Reports the
 * decisions per second and the time of the whole cross product, first and warm.
 *
 * <pre>
 * mvn -q -pl engine test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-cp %classpath dev.breachpath.bench.IamBench 1000 1000"
 * </pre>
 */
public final class IamBench {
    private static final String ACCOUNT = "111122223333";
    private static final List<String> ACTIONS = List.of("s3:GetObject", "s3:ListBucket", "s3:PutObject", "s3:DeleteObject",
            "s3:PutBucketPolicy");

    private IamBench() {}

    public static void main(String[] args) throws PolicyException {
        int principals = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int stores = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        List<Principal> who = new ArrayList<>();
        List<Policies> policies = new ArrayList<>();
        for (int p = 0; p < principals; p++) {
            who.add(Principal.of("arn:aws:iam::" + ACCOUNT + ":role/app-" + p));
            IamPolicy identity = IamPolicy.of("identity " + p, PolicyParser.parse("""
                    {"Version": "2012-10-17", "Statement": [
                      {"Sid": "Read", "Effect": "Allow", "Action": ["s3:Get*", "s3:List*"], "Resource": "*"},
                      {"Sid": "Own", "Effect": "Allow", "Action": "s3:*", "Resource": ["arn:aws:s3:::data-%d", "arn:aws:s3:::data-%d/*"]},
                      {"Sid": "NotIam", "Effect": "Allow", "NotAction": ["iam:*", "organizations:*"], "Resource": "arn:aws:s3:::shared-*"},
                      {"Sid": "OnlyFromVpc", "Effect": "Deny", "Action": "s3:*", "Resource": "*",
                       "Condition": {"StringNotEqualsIfExists": {"aws:SourceVpce": "vpce-1a2b3c4d"}}},
                      {"Sid": "NoPolicyChanges", "Effect": "Deny", "Action": "s3:PutBucketPolicy", "Resource": "*"}]}
                    """.formatted(p, p)).statements());
            List<IamPolicy> boundary = p % 4 == 0 ? List.of(IamPolicy.of("boundary", PolicyParser.parse(
                    "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}}")
                    .statements())) : null;
            policies.add(Policies.identity(List.of(identity)).withBoundary(boundary));
        }
        List<String> arns = new ArrayList<>();
        List<IamPolicy> bucketPolicies = new ArrayList<>();
        for (int s = 0; s < stores; s++) {
            arns.add("arn:aws:s3:::data-" + s);
            bucketPolicies.add(s % 3 != 0 ? null : IamPolicy.of("bucket policy " + s, PolicyParser.parse("""
                    {"Version": "2012-10-17", "Statement": [
                      {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": ["arn:aws:s3:::data-%d/*"],
                       "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
                      {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::%s:role/app-%d"}, "Action": "s3:GetObject",
                       "Resource": "arn:aws:s3:::data-%d/*"}]}
                    """.formatted(s, ACCOUNT, s, s)).statements()));
        }
        RequestContext context = RequestContext.open().absent("aws:MultiFactorAuthPresent").build();
        for (int run = 0; run < 4; run++) {
            long start = System.nanoTime();
            long allowed = 0, possible = 0, n = 0;
            for (int p = 0; p < principals; p++) {
                for (int s = 0; s < stores; s++) {
                    Policies ps = policies.get(p).withResource(bucketPolicies.get(s));
                    for (String action : ACTIONS) {
                        String resource = action.endsWith("Object") ? arns.get(s) + "/*" : arns.get(s);
                        Evaluation e = Evaluator.evaluate(new Request(who.get(p), action, resource, ACCOUNT, context), ps);
                        n++;
                        switch (e.decision()) {
                            case ALLOW -> allowed++;
                            case POSSIBLE -> possible++;
                            default -> { }
                        }
                    }
                }
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("%s: %d principals x %d stores x %d actions = %,d decisions in %,d ms (%,d per second; %d allowed, %d possible)%n",
                    run == 0 ? "first" : "warm ", principals, stores, ACTIONS.size(), n, ms, n * 1000 / Math.max(1, ms), allowed, possible);
        }
    }
}
