package dev.breachpath.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * How fast the collector goes when AWS answers at once: a stub on loopback with an account of
 * {@code instances} instances (each with its user data), {@code buckets} buckets, {@code functions}
 * functions and {@code users} users, collected in one region. Measures the collector's own cost
 * (pages, JSON, scrubbing, files, the manifest) and the stub's, not AWS's latency. docs/performance.md
 * has the numbers and the command.
 *
 * <pre>CollectBench INSTANCES BUCKETS FUNCTIONS USERS CONCURRENCY OUT</pre>
 */
public final class CollectBench {
    private CollectBench() {}

    public static void main(String[] args) throws IOException {
        int instances = Integer.parseInt(args[0]);
        int buckets = Integer.parseInt(args[1]);
        int functions = Integer.parseInt(args[2]);
        int users = Integer.parseInt(args[3]);
        int concurrency = Integer.parseInt(args[4]);
        Path out = Path.of(args[5]);
        try (AwsStub stub = new AwsStub()) {
            account(stub, instances, buckets, functions, users);
            Settings d = Settings.defaults(out);
            Settings settings = new Settings(out, null,
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDSTUBEXAMPLE00001", "stub")), "us-east-1",
                    List.of("us-east-1"), d.targets(), stub.endpoint(), concurrency, false, d.callTimeout(), d.attemptTimeout(),
                    d.connectTimeout(), d.maxAttempts(), d.backoff(), d.reportWait(), false, d.hashKey(), d.hashKeyNote());
            long start = System.nanoTime();
            List<AccountRun.Result> results = Collector.collect(settings, Progress.off(), Instant.now());
            double seconds = (System.nanoTime() - start) / 1e9;
            AccountRun.Result r = results.get(0);
            AtomicLong bytes = new AtomicLong();
            long files;
            try (Stream<Path> all = Files.walk(out)) {
                files = all.filter(Files::isRegularFile).peek(f -> bytes.addAndGet(f.toFile().length())).count();
            }
            Runtime rt = Runtime.getRuntime();
            try (PrintWriter w = new PrintWriter(System.out, true)) {
                w.printf("collect: %d instances, %d buckets, %d functions, %d users, concurrency %d%n", instances, buckets, functions, users,
                        concurrency);
                w.printf("  %.2f s, %d calls ok, %d not ok, %d items, %.0f calls/s, %d files, %.1f MB, heap used %d MB%n", seconds, r.ok(),
                        r.failed(), r.items(), (r.ok() + r.failed()) / seconds, files, bytes.get() / 1e6,
                        (rt.totalMemory() - rt.freeMemory()) >> 20);
            }
        }
    }

    private static void account(AwsStub stub, int instances, int buckets, int functions, int users) {
        stub.stub(AwsStub.query(Op.CALLER), AwsStub.xml("sts/GetCallerIdentity.xml"));
        stub.stub(AwsStub.query(Op.REGIONS), AwsStub.xml("ec2/DescribeRegions.xml"));
        int pages = Math.max(1, (instances + 999) / 1000);
        for (int p = 0; p < pages; p++) {
            StringBuilder xml = new StringBuilder("<DescribeInstancesResponse xmlns=\"" + AwsStub.EC2_NS + "\"><requestId>b</requestId><reservationSet>");
            for (int i = p * 1000; i < Math.min(instances, (p + 1) * 1000); i++) {
                xml.append("<item><reservationId>r-").append(String.format("%017x", i)).append("</reservationId><ownerId>123456789012</ownerId>")
                        .append("<instancesSet><item><instanceId>i-").append(String.format("%017x", i)).append("</instanceId>")
                        .append("<instanceState><code>16</code><name>running</name></instanceState><instanceType>t3.micro</instanceType>")
                        .append("<launchTime>2019-01-01T00:00:00.000Z</launchTime><subnetId>subnet-0a1b2c3d4e5f60719</subnetId>")
                        .append("<vpcId>vpc-0a1b2c3d4e5f60718</vpcId><ipAddress>54.0.").append(i / 250 % 250).append('.').append(i % 250)
                        .append("</ipAddress><groupSet><item><groupId>sg-0a1b2c3d4e5f60722</groupId><groupName>web</groupName></item></groupSet>")
                        .append("<tagSet><item><key>Name</key><value>web-").append(i).append("</value></item></tagSet></item></instancesSet></item>");
            }
            xml.append("</reservationSet>").append(p + 1 < pages ? "<nextToken>page-" + (p + 1) + "</nextToken>" : "")
                    .append("</DescribeInstancesResponse>");
            var request = AwsStub.query(Op.INSTANCES);
            request = p == 0 ? request.withRequestBody(notContaining("NextToken=")) : request.withRequestBody(matching(".*NextToken=page-" + p + "(&.*)?"));
            stub.stub(request, aResponse().withHeader("Content-Type", "text/xml").withBody(xml.toString()));
        }
        String userData = java.util.Base64.getEncoder().encodeToString(("#!/bin/bash\nyum -y install nginx\n".repeat(40)
                + "export AWS_ACCESS_KEY_ID=AKIA2JQ7ZK4IMPERVAQZ\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        stub.stub(AwsStub.query(Op.USER_DATA), aResponse().withHeader("Content-Type", "text/xml").withTransformers("response-template").withBody(
                "<DescribeInstanceAttributeResponse xmlns=\"" + AwsStub.EC2_NS + "\"><requestId>b</requestId>"
                        + "{{formData request.body 'form' urlDecode=true}}<instanceId>{{form.InstanceId}}</instanceId>"
                        + "<userData><value>" + userData + "</value></userData></DescribeInstanceAttributeResponse>"));
        stub.stub(AwsStub.query(Op.SECURITY_GROUPS), AwsStub.xml("ec2/DescribeSecurityGroups.xml"));
        stub.stub(AwsStub.query(Op.SUBNETS), AwsStub.xml("ec2/DescribeSubnets.xml"));
        stub.stub(AwsStub.query(Op.ROUTE_TABLES), AwsStub.xml("ec2/DescribeRouteTables.xml"));
        stub.stub(AwsStub.query(Op.INTERNET_GATEWAYS), AwsStub.xml("ec2/DescribeInternetGateways.xml"));

        StringBuilder gaad = new StringBuilder("<GetAccountAuthorizationDetailsResponse><GetAccountAuthorizationDetailsResult>"
                + "<IsTruncated>false</IsTruncated><UserDetailList>");
        for (int u = 0; u < users; u++) {
            gaad.append("<member><Path>/</Path><UserName>user-").append(u).append("</UserName><UserId>AIDASTUB").append(u)
                    .append("</UserId><Arn>arn:aws:iam::123456789012:user/user-").append(u)
                    .append("</Arn><CreateDate>2018-01-01T00:00:00Z</CreateDate></member>");
        }
        gaad.append("</UserDetailList></GetAccountAuthorizationDetailsResult></GetAccountAuthorizationDetailsResponse>");
        stub.stub(AwsStub.query(Op.AUTHORIZATION), aResponse().withHeader("Content-Type", "text/xml").withBody(gaad.toString()));
        stub.stub(AwsStub.query(Op.ACCESS_KEYS), aResponse().withHeader("Content-Type", "text/xml").withTransformers("response-template").withBody(
                "<ListAccessKeysResponse><ListAccessKeysResult>{{formData request.body 'form' urlDecode=true}}<AccessKeyMetadata><member>"
                        + "<UserName>{{form.UserName}}</UserName><AccessKeyId>AKIA2JQ7ZK4IMPERVAQZ</AccessKeyId><Status>Active</Status>"
                        + "<CreateDate>2018-01-01T00:00:00Z</CreateDate></member></AccessKeyMetadata><IsTruncated>false</IsTruncated>"
                        + "</ListAccessKeysResult></ListAccessKeysResponse>"));
        stub.stub(AwsStub.query(Op.KEY_LAST_USED), AwsStub.xml("iam/GetAccessKeyLastUsed.xml"));

        StringBuilder list = new StringBuilder("<ListAllMyBucketsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Buckets>");
        for (int b = 0; b < buckets; b++) {
            list.append("<Bucket><Name>bucket-").append(b).append("</Name><CreationDate>2018-02-01T10:00:00.000Z</CreationDate></Bucket>");
        }
        list.append("</Buckets></ListAllMyBucketsResult>");
        stub.stub(AwsStub.signed(get(urlPathMatching("/")), "s3", null), aResponse().withHeader("Content-Type", "application/xml").withBody(list.toString()));
        var bucket = AwsStub.signed(get(urlPathMatching("/bucket-[0-9]+")), "s3", null);
        stub.stub(AwsStub.param(bucket, "policy", null), aResponse().withHeader("Content-Type", "application/json").withBody(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\","
                        + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}"));
        var bucket2 = AwsStub.signed(get(urlPathMatching("/bucket-[0-9]+")), "s3", null);
        stub.stub(AwsStub.param(bucket2, "tagging", null), AwsStub.error(404, "s3/NoSuchTagSet.xml"));
        stub.stub(AwsStub.param(AwsStub.signed(get(urlPathMatching("/bucket-[0-9]+")), "s3", null), "publicAccessBlock", null),
                AwsStub.xml("s3/GetPublicAccessBlock.xml"));
        stub.stub(AwsStub.param(AwsStub.signed(get(urlPathMatching("/bucket-[0-9]+")), "s3", null), "encryption", null),
                AwsStub.xml("s3/GetBucketEncryption.xml"));
        stub.stub(AwsStub.param(AwsStub.signed(get(urlPathMatching("/bucket-[0-9]+")), "s3", null), "acl", null), AwsStub.xml("s3/GetBucketAcl.xml"));
        stub.stub(AwsStub.param(AwsStub.signed(get(urlPathMatching("/bucket-[0-9]+")), "s3", null), "location", null),
                AwsStub.xml("s3/GetBucketLocation-EU.xml"));

        int fpages = Math.max(1, (functions + 49) / 50);
        for (int p = 0; p < fpages; p++) {
            StringBuilder json = new StringBuilder("{\"Functions\":[");
            for (int f = p * 50; f < Math.min(functions, (p + 1) * 50); f++) {
                json.append(f > p * 50 ? "," : "").append("{\"FunctionName\":\"fn-").append(f)
                        .append("\",\"FunctionArn\":\"arn:aws:lambda:us-east-1:123456789012:function:fn-").append(f)
                        .append("\",\"Runtime\":\"python3.12\",\"Role\":\"arn:aws:iam::123456789012:role/fn\",\"Handler\":\"app.handler\",")
                        .append("\"Environment\":{\"Variables\":{\"STAGE\":\"prod\",\"DB_PASSWORD\":\"not-a-real-password-").append(f).append("\"}}}");
            }
            json.append("]").append(p + 1 < fpages ? ",\"NextMarker\":\"page-" + (p + 1) + "\"" : "").append("}");
            var request = AwsStub.signed(get(urlPathMatching("/2015-03-31/functions/?")), "lambda", null);
            request = p == 0 ? AwsStub.absentParam(request, "Marker") : AwsStub.param(request, "Marker", "page-" + p);
            stub.stub(request, aResponse().withHeader("Content-Type", "application/json").withBody(json.toString()));
        }
        stub.stub(AwsStub.signed(get(urlPathMatching("/20[0-9-]+/functions/fn-[0-9]+/(policy|url)")), "lambda", null),
                AwsStub.error(404, "lambda/ResourceNotFound.json").withHeader("x-amzn-ErrorType", "ResourceNotFoundException"));
        stub.server.stubFor(AwsStub.query(Op.DB_INSTANCES).atPriority(5).withRequestBody(matching(".*")).willReturn(
                AwsStub.xml("rds/DescribeDBInstances.xml")));
    }
}
