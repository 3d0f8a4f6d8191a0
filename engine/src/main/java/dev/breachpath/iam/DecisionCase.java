package dev.breachpath.iam;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One decision case in the format of the IAM decision vectors: a request, the policies in force,
 * and optionally the expected answer. A context key the case does not give is absent from the
 * request ({@code "mode": "strict"}, the default) or unknown ({@code "mode": "possible"}, where
 * Allow means that some context allows it).
 *
 * @param id       the case's id
 * @param request  the request
 * @param policies the policies in force
 * @param possible whether absent context keys are unknown rather than absent
 * @param expected the expected decision (Allow or Deny), or null
 * @param detail   the expected detail, or null
 * @param disputed why sources disagree on the answer, or null
 */
public record DecisionCase(String id, Request request, Policies policies, boolean possible, String expected, String detail,
                           String disputed) {

    /** Evaluates the case. */
    public Evaluation evaluate() {
        return Evaluator.evaluate(request, policies);
    }

    /**
     * Whether an evaluation agrees with the expected answer; in possible mode a Possible counts
     * as an Allow.
     */
    public boolean agrees(Evaluation e) {
        String decision = e.decision() == Evaluation.Decision.POSSIBLE && possible ? "Allow" : e.decision().toString();
        return decision.equals(expected) && (detail == null || e.detail().toString().equals(detail));
    }

    /**
     * Reads a JSON list of cases.
     *
     * @throws PolicyException naming the case (by position and id) and the field that is wrong;
     *                         never quoting a value
     */
    public static List<DecisionCase> readAll(JsonNode root) throws PolicyException {
        if (root == null || !root.isArray()) {
            throw new PolicyException("expected a JSON list of decision cases");
        }
        List<DecisionCase> out = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            out.add(read(root.get(i), i));
        }
        return out;
    }

    private static DecisionCase read(JsonNode c, int index) throws PolicyException {
        String where = "case " + index;
        if (!c.isObject()) {
            throw new PolicyException(where + ": expected an object");
        }
        String id = text(c, "id", where);
        where = "case " + index + " (" + id + ")";
        JsonNode r = c.get("request");
        if (r == null || !r.isObject()) {
            throw new PolicyException(where + ": expected a \"request\" object");
        }
        boolean possible = c.has("mode") && "possible".equals(c.get("mode").asText());
        RequestContext.Builder context = possible ? RequestContext.open() : RequestContext.strict();
        JsonNode ctx = r.get("context");
        if (ctx != null && !ctx.isNull()) {
            if (!ctx.isObject()) {
                throw new PolicyException(where + ": request.context is not an object");
            }
            for (Map.Entry<String, JsonNode> e : ctx.properties()) {
                List<String> values = new ArrayList<>();
                if (e.getValue().isArray()) {
                    e.getValue().forEach(v -> values.add(v.asText()));
                } else {
                    values.add(e.getValue().asText());
                }
                context.put(e.getKey(), values);
            }
        }
        Principal principal;
        JsonNode p = r.get("principal");
        try {
            if (p != null && p.isObject() && "Anonymous".equalsIgnoreCase(p.path("type").asText())) {
                principal = Principal.ANONYMOUS;
            } else if (p != null && p.isTextual()) {
                principal = Principal.of(p.asText());
            } else {
                throw new PolicyException(where + ": request.principal is neither an ARN, a service name nor {\"type\": \"Anonymous\"}");
            }
        } catch (IllegalArgumentException e) {
            throw new PolicyException(where + ": request.principal: " + e.getMessage());
        }
        String action = text(r, "action", where + ": request");
        String resource = text(r, "resource", where + ": request");
        String account = r.hasNonNull("resourceAccount") ? r.get("resourceAccount").asText() : null;
        Request request = Request.of(principal, action, resource, account, context.build());

        JsonNode ps = c.get("policies");
        if (ps == null || !ps.isObject()) {
            throw new PolicyException(where + ": expected a \"policies\" object");
        }
        Policies policies = new Policies(list(ps.get("identity"), "identity policy", where),
                ps.hasNonNull("permissionBoundary") ? list(ps.get("permissionBoundary"), "permissions boundary", where) : null,
                ps.hasNonNull("session") ? one(ps.get("session"), "session policy", where) : null,
                ps.hasNonNull("resource") ? one(ps.get("resource"), "resource policy", where) : null,
                ps.hasNonNull("scp") ? levels(ps.get("scp"), "SCP", where) : null,
                ps.hasNonNull("rcp") ? levels(ps.get("rcp"), "RCP", where) : null,
                ps.hasNonNull("vpcEndpoint") ? list(ps.get("vpcEndpoint"), "VPC endpoint policy", where) : null);
        JsonNode expected = c.path("expected");
        return new DecisionCase(id, request, policies, possible,
                expected.hasNonNull("decision") ? expected.get("decision").asText() : null,
                expected.hasNonNull("detail") ? expected.get("detail").asText() : null,
                c.hasNonNull("disputed") ? c.get("disputed").asText() : null);
    }

    private static String text(JsonNode node, String field, String where) throws PolicyException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new PolicyException(where + ": expected a string \"" + field + "\"");
        }
        return v.asText();
    }

    private static IamPolicy one(JsonNode doc, String name, String where) throws PolicyException {
        try {
            return IamPolicy.of(name, PolicyParser.parse(doc).statements());
        } catch (PolicyException e) {
            throw new PolicyException(where + ": " + name + ": " + e.getMessage());
        }
    }

    private static List<IamPolicy> list(JsonNode docs, String name, String where) throws PolicyException {
        List<IamPolicy> out = new ArrayList<>();
        if (docs == null || docs.isNull()) {
            return out;
        }
        if (!docs.isArray()) {
            throw new PolicyException(where + ": expected a list of " + name + " documents");
        }
        for (int i = 0; i < docs.size(); i++) {
            out.add(one(docs.get(i), docs.size() == 1 ? name : name + " " + i, where));
        }
        return out;
    }

    private static List<Policies.Level> levels(JsonNode levels, String name, String where) throws PolicyException {
        if (!levels.isArray()) {
            throw new PolicyException(where + ": expected a list of " + name + " levels");
        }
        List<Policies.Level> out = new ArrayList<>();
        for (JsonNode level : levels) {
            String at = level.path("level").asText("?");
            out.add(new Policies.Level(at, list(level.get("policies"), name + " at " + at, where)));
        }
        return out;
    }
}
