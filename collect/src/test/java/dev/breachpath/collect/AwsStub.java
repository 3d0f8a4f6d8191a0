package dev.breachpath.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stub of AWS on loopback (WireMock), answering in each protocol the collector meets: EC2's
 * query XML, the query XML of IAM, STS, RDS and ELB, the JSON of DynamoDB, KMS, Secrets Manager,
 * ECS and Organizations, Lambda's REST JSON and S3's REST XML. Requests are told apart by the
 * service of their signature, as at one {@code --endpoint-url} they all meet. Every list
 * operation of {@link Op} answers empty unless a test says otherwise.
 */
final class AwsStub implements AutoCloseable {
    static final String EC2_NS = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private static final Map<String, String> JSON_TARGETS = Map.of("dynamodb", "DynamoDB_20120810", "kms", "TrentService",
            "secretsmanager", "secretsmanager", "ecs", "AmazonEC2ContainerServiceV20141113", "organizations", "AWSOrganizationsV20161128");
    private static final Map<String, String> SIGNING = Map.of("elbv2", "elasticloadbalancing", "elb", "elasticloadbalancing");
    private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/[0-9]{8}/[^/]+/([^/]+)/aws4_request");

    final WireMockServer server;

    AwsStub() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        for (Op op : Op.ALL) {
            fallback(op);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** A request of a query-protocol service (EC2, IAM, STS, RDS, ELB) for {@code op}, made with any credentials. */
    static MappingBuilder query(Op op) {
        return query(op, null);
    }

    /** A request of a query-protocol service for {@code op}, signed with the access key {@code key} (null: any). */
    static MappingBuilder query(Op op, String key) {
        String service = op.name().substring(0, op.name().indexOf(':'));
        String action = op.name().substring(op.name().indexOf(':') + 1);
        MappingBuilder m = signed(post(urlPathEqualTo("/")), service, key).withRequestBody(containing("Action=" + action + "&"));
        if (service.equals("elbv2")) {
            m = m.withRequestBody(containing("Version=2015-12-01"));
        } else if (service.equals("elb")) {
            m = m.withRequestBody(containing("Version=2012-06-01"));
        }
        return m;
    }

    /** A request of a JSON-protocol service (DynamoDB, KMS, Secrets Manager, ECS, Organizations). */
    static MappingBuilder json(Op op) {
        return json(op, null);
    }

    static MappingBuilder json(Op op, String key) {
        String service = op.name().substring(0, op.name().indexOf(':'));
        return signed(post(urlPathEqualTo("/")), service, key).withHeader("X-Amz-Target",
                equalTo(JSON_TARGETS.get(service) + "." + op.name().substring(op.name().indexOf(':') + 1)));
    }

    /** The request, signed for {@code service} (the manifest's prefix: elbv2, lambda, s3…) with {@code key} (null: any key). */
    static MappingBuilder signed(MappingBuilder m, String service, String key) {
        return m.withHeader("Authorization", matching(".*Credential=" + (key == null ? "[^/]+" : Pattern.quote(key)) + "/[0-9]{8}/[^/]+/"
                + Pattern.quote(SIGNING.getOrDefault(service, service)) + "/aws4_request.*"));
    }

    static ResponseDefinitionBuilder xml(String resource) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(read(resource));
    }

    static ResponseDefinitionBuilder json(String resource) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(read(resource));
    }

    static ResponseDefinitionBuilder error(int status, String resource) {
        return aResponse().withStatus(status)
                .withHeader("Content-Type", resource.endsWith(".json") ? "application/x-amz-json-1.1" : "text/xml")
                .withBody(read(resource));
    }

    void stub(MappingBuilder request, ResponseDefinitionBuilder response) {
        server.stubFor(request.atPriority(1).willReturn(response));
    }

    static String read(String resource) {
        try (InputStream in = AwsStub.class.getResourceAsStream("/stub/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no stub response " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An empty answer to every list operation, and the answers that say "nothing there". */
    private void fallback(Op op) {
        String service = op.name().substring(0, op.name().indexOf(':'));
        String action = op.name().substring(op.name().indexOf(':') + 1);
        ResponseDefinitionBuilder empty;
        MappingBuilder request;
        switch (service) {
            case "ec2" -> {
                request = query(op);
                empty = aResponse().withHeader("Content-Type", "text/xml").withBody(
                        "<" + action + "Response xmlns=\"" + EC2_NS + "\"><requestId>fallback</requestId></" + action + "Response>");
            }
            case "iam", "sts", "rds", "elbv2", "elb" -> {
                request = query(op);
                String inner = switch (action) {
                    case "GenerateCredentialReport" -> "<State>COMPLETE</State>";
                    case "GetCredentialReport" -> "<Content>" + java.util.Base64.getEncoder().encodeToString(read("iam/credential-report.csv")
                            .getBytes(StandardCharsets.UTF_8)) + "</Content><ReportFormat>text/csv</ReportFormat>"
                            + "<GeneratedTime>2019-09-30T00:00:00Z</GeneratedTime>";
                    default -> "";
                };
                empty = aResponse().withHeader("Content-Type", "text/xml").withBody("<" + action + "Response><" + action + "Result>" + inner
                        + "</" + action + "Result><ResponseMetadata><RequestId>fallback</RequestId></ResponseMetadata></" + action + "Response>");
            }
            case "dynamodb", "kms", "secretsmanager", "ecs", "organizations" -> {
                request = json(op);
                empty = op == Op.ORGANIZATION ? error(400, "json/OrganizationsNotInUse.json")
                        : aResponse().withHeader("Content-Type", "application/x-amz-json-1.1").withBody("{}");
            }
            case "lambda" -> {
                if (op != Op.FUNCTIONS) {
                    return;
                }
                request = signed(get(urlPathMatching("/2015-03-31/functions/?")), "lambda", null);
                empty = aResponse().withHeader("Content-Type", "application/json").withBody("{\"Functions\":[]}");
            }
            case "s3" -> {
                if (op != Op.BUCKETS) {
                    return;
                }
                request = signed(get(urlPathEqualTo("/")), "s3", null);
                empty = aResponse().withHeader("Content-Type", "application/xml").withBody(
                        "<ListAllMyBucketsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Buckets/></ListAllMyBucketsResult>");
            }
            default -> throw new IllegalStateException("no protocol known for " + op.name());
        }
        server.stubFor(request.atPriority(10).willReturn(empty));
    }

    /** The IAM action each request the stub received asks for, as AWS would authorize it. */
    List<String> actionsCalled() {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl())).stream().map(AwsStub::action).toList();
    }

    static String action(LoggedRequest r) {
        Matcher scope = SCOPE.matcher(r.getHeader("Authorization") == null ? "" : r.getHeader("Authorization"));
        String service = scope.find() ? scope.group(1) : "unsigned";
        String target = r.getHeader("X-Amz-Target");
        if (target != null && target.contains(".")) {
            return service + ":" + target.substring(target.indexOf('.') + 1);
        }
        String body = r.getBodyAsString();
        Matcher action = Pattern.compile("(?:^|&)Action=([A-Za-z]+)").matcher(body);
        if (r.getMethod().getName().equals("POST") && action.find()) {
            return service + ":" + URLDecoder.decode(action.group(1), StandardCharsets.UTF_8);
        }
        String path = URI.create(r.getUrl()).getPath();
        String query = URI.create(r.getUrl()).getRawQuery() == null ? "" : URI.create(r.getUrl()).getRawQuery();
        if (service.equals("lambda")) {
            if (path.matches("/2015-03-31/functions/?")) {
                return "lambda:ListFunctions";
            }
            if (path.matches("/2015-03-31/functions/[^/]+/policy")) {
                return "lambda:GetPolicy";
            }
            if (path.matches("/2021-10-31/functions/[^/]+/url")) {
                return "lambda:GetFunctionUrlConfig";
            }
        }
        if (service.equals("s3") && r.getMethod().getName().equals("GET")) {
            if (path.equals("/")) {
                return "s3:ListAllMyBuckets";
            }
            for (String[] sub : new String[][] {{"policy", "GetBucketPolicy"}, {"publicAccessBlock", "GetBucketPublicAccessBlock"},
                    {"tagging", "GetBucketTagging"}, {"encryption", "GetEncryptionConfiguration"}, {"acl", "GetBucketAcl"},
                    {"location", "GetBucketLocation"}}) {
                if (query.matches("(.*&)?" + sub[0] + "(=.*)?")) {
                    return "s3:" + sub[1];
                }
            }
        }
        return service + ":" + r.getMethod() + " " + path + "?" + query;
    }

    static MappingBuilder absentParam(MappingBuilder m, String name) {
        return m.withQueryParam(name, absent());
    }

    static MappingBuilder param(MappingBuilder m, String name, String value) {
        return m.withQueryParam(name, value == null ? matching(".*") : equalTo(value));
    }

    @Override
    public void close() {
        server.stop();
    }
}
