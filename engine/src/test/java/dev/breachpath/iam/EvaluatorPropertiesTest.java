package dev.breachpath.iam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The evaluator against {@link ReferenceEvaluator} on generated decision cases: identity
 * policies, an optional boundary, resource policy and SCP levels, with wildcards in actions and
 * ARNs, NotAction and NotResource, and conditions on keys that are present or absent. A
 * disagreement prints the case in the decision-vector format, ready to become a corpus case.
 */
class EvaluatorPropertiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String A = "111122223333";
    private static final String B = "444455556666";
    private static final List<String> PRINCIPALS = List.of("arn:aws:iam::" + A + ":user/alice", "arn:aws:iam::" + A + ":role/app",
            "arn:aws:sts::" + A + ":assumed-role/app/s1", "arn:aws:iam::" + B + ":user/mallory");
    private static final List<String> ACTIONS = List.of("s3:GetObject", "s3:PutObject", "s3:ListBucket", "iam:PassRole", "ec2:RunInstances");
    private static final List<String> ACTION_PATTERNS = List.of("*", "s3:*", "s3:Get*", "S3:getobject", "iam:*", "ec2:Run?nstances",
            "s3express:*", "s3:Put*", "*:*");
    private static final List<String> RESOURCES = List.of("arn:aws:s3:::data/report.csv", "arn:aws:s3:::Data/report.csv",
            "arn:aws:s3:::data", "*", "arn:aws:iam::" + A + ":role/app");
    private static final List<String> RESOURCE_PATTERNS = List.of("*", "arn:aws:s3:::data/*", "arn:aws:s3:::data", "arn:aws:s3:::DATA/*",
            "arn:aws:s3:::*", "arn:aws:s3:::d?ta/*", "ARN:AWS:S3:::data/*", "arn:aws:iam::" + A + ":role/*", "arn:aws:s3:::*/report.csv");
    private static final List<String[]> CONDITIONS = List.of(
            new String[] {"StringEquals", "s3:prefix", "home/"}, new String[] {"StringNotEquals", "s3:prefix", "home/"},
            new String[] {"StringLike", "s3:prefix", "home/*"}, new String[] {"StringNotLike", "s3:prefix", "home/*"},
            new String[] {"StringEqualsIfExists", "s3:prefix", "home/"}, new String[] {"Bool", "aws:MultiFactorAuthPresent", "true"},
            new String[] {"BoolIfExists", "aws:MultiFactorAuthPresent", "true"}, new String[] {"IpAddress", "aws:SourceIp", "10.0.0.0/8"},
            new String[] {"NotIpAddress", "aws:SourceIp", "10.0.0.0/8"}, new String[] {"Null", "aws:SourceIp", "true"},
            new String[] {"Null", "s3:prefix", "false"});
    private static final List<ObjectNode> CONTEXTS = List.of(context(), context("s3:prefix", "home/"), context("s3:prefix", "home/x"),
            context("aws:MultiFactorAuthPresent", "true"), context("aws:SourceIp", "10.1.2.3"), context("aws:SourceIp", "192.0.2.7"),
            context("aws:multifactorauthpresent", "false", "S3:Prefix", "other"));

    @Property(tries = 1000)
    void agreesWithTheReference(@ForAll("cases") ObjectNode c) {
        String reference = ReferenceEvaluator.decide(c);
        Evaluation e;
        try {
            e = DecisionCase.readAll(JSON.createArrayNode().add(c)).get(0).evaluate();
        } catch (PolicyException ex) {
            throw new AssertionError(ex.getMessage());
        }
        assertThat(e.decision() + "/" + e.detail()).as("%s", c).isEqualTo(reference);
        Statistics.label("decision").collect(reference);
        Statistics.label("decision").coverage(check -> {
            check.check("Allow/Allowed").percentage(pct -> pct > 4);
            check.check("Deny/ExplicitlyDenied").percentage(pct -> pct > 10);
            check.check("Deny/ImplicitlyDenied").percentage(pct -> pct > 10);
        });
    }

    @Provide
    Arbitrary<ObjectNode> cases() {
        Arbitrary<ObjectNode> request = Combinators.combine(Arbitraries.of(PRINCIPALS), Arbitraries.of(ACTIONS), Arbitraries.of(RESOURCES),
                Arbitraries.of(A, B), Arbitraries.of(CONTEXTS)).as((p, a, r, owner, ctx) -> {
                    ObjectNode q = JSON.createObjectNode().put("principal", p).put("action", a).put("resource", r).put("resourceAccount", owner);
                    q.set("context", ctx);
                    return q;
                });
        Arbitrary<ArrayNode> identity = document(false).list().ofMinSize(1).ofMaxSize(2).map(EvaluatorPropertiesTest::array);
        Arbitrary<ArrayNode> boundary = document(false).list().ofMaxSize(1).map(EvaluatorPropertiesTest::array);
        Arbitrary<ArrayNode> scps = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.just(List.<ObjectNode>of())),
                net.jqwik.api.Tuple.of(1, document(false).list().ofMinSize(1).ofMaxSize(2))).map(docs -> {
            ArrayNode levels = JSON.createArrayNode();
            for (int i = 0; i < docs.size(); i++) {
                ObjectNode level = levels.addObject().put("level", "level-" + i);
                level.putArray("policies").add(docs.get(i));
            }
            return levels;
        });
        return Combinators.combine(request, identity, boundary, document(true).injectNull(0.4), scps).as((q, id, b, rp, scp) -> {
            ObjectNode c = JSON.createObjectNode().put("id", "generated").put("mode", "strict");
            c.set("request", q);
            ObjectNode policies = c.putObject("policies");
            policies.set("identity", id);
            if (!b.isEmpty()) {
                policies.set("permissionBoundary", b);
            }
            if (rp != null) {
                policies.set("resource", rp);
            }
            if (!scp.isEmpty()) {
                policies.set("scp", scp);
            }
            return c;
        });
    }

    private Arbitrary<ObjectNode> document(boolean resourcePolicy) {
        Arbitrary<ObjectNode> statement = Combinators.combine(Arbitraries.of("Allow", "Allow", "Allow", "Allow", "Deny"),
                Arbitraries.of(ACTION_PATTERNS).list().ofMinSize(1).ofMaxSize(2), Arbitraries.of(true, false, false, false),
                Arbitraries.of(RESOURCE_PATTERNS).list().ofMinSize(1).ofMaxSize(2), Arbitraries.of(true, false, false, false),
                Arbitraries.of(CONDITIONS).injectNull(0.7),
                Arbitraries.of("*", "arn:aws:iam::" + A + ":user/alice", "arn:aws:iam::" + A + ":role/app", A,
                        "arn:aws:sts::" + A + ":assumed-role/app/s1", "arn:aws:sts::" + A + ":assumed-role/app/other",
                        "arn:aws:iam::" + B + ":root", "arn:aws:iam::" + B + ":user/mallory"))
                .as((effect, actions, notAction, resources, notResource, condition, principal) -> {
                    ObjectNode s = JSON.createObjectNode().put("Effect", effect);
                    s.set(notAction ? "NotAction" : "Action", array(actions));
                    if (!resourcePolicy || !notResource) {
                        s.set(notResource ? "NotResource" : "Resource", array(resources));
                    }
                    if (condition != null) {
                        s.putObject("Condition").putObject(condition[0]).put(condition[1], condition[2]);
                    }
                    if (resourcePolicy) {
                        s.putObject("Principal").put("AWS", principal);
                    }
                    return s;
                });
        return statement.list().ofMinSize(1).ofMaxSize(3).map(list -> {
            ObjectNode doc = JSON.createObjectNode().put("Version", "2012-10-17");
            doc.set("Statement", array(list));
            return doc;
        });
    }

    private static ArrayNode array(List<?> items) {
        ArrayNode out = JSON.createArrayNode();
        for (Object o : items) {
            if (o instanceof JsonNode n) {
                out.add(n);
            } else {
                out.add(String.valueOf(o));
            }
        }
        return out;
    }

    private static ObjectNode context(String... kv) {
        ObjectNode o = JSON.createObjectNode();
        for (int i = 0; i < kv.length; i += 2) {
            o.put(kv[i], kv[i + 1]);
        }
        return o;
    }
}
