package dev.breachpath.load.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Lambda responses: functions, their URLs and their resource policies. */
final class LambdaApi {
    private LambdaApi() {}

    /** ListFunctions. */
    static void functions(JsonNode response, Out out) {
        for (JsonNode f : response.path("Functions")) {
            function(f, out);
        }
    }

    /** GetFunction: the configuration, with the tags. */
    static void getFunction(JsonNode response, Out out) {
        function(response.path("Configuration"), response.path("Tags"), out);
    }

    /** One function's configuration (ListFunctions' element, GetFunctionConfiguration). */
    static Tf function(JsonNode f, Out out) {
        return function(f, f.path("Tags"), out);
    }

    /** One function's configuration, with its tags (a map, or a list as Config gives them). */
    private static Tf function(JsonNode f, JsonNode tags, Out out) {
        String arn = Tf.str(f.path("FunctionArn"));
        String name = Tf.str(f.path("FunctionName"));
        if (arn == null || name == null) {
            out.rejected(name == null ? "function" : name, "expected FunctionName and FunctionArn");
            return null;
        }
        Tf t = Tf.of("aws_lambda_function", name).text("arn", unqualified(arn)).text("function_name", name)
                .put("role", f.path("Role")).put("runtime", f.path("Runtime")).put("kms_key_arn", f.path("KMSKeyArn"))
                .put("last_modified", f.path("LastModified"));
        JsonNode vpc = f.path("VpcConfig");
        if (vpc.path("SubnetIds").size() > 0 || vpc.path("SecurityGroupIds").size() > 0) {
            ObjectNode v = t.block("vpc_config");
            v.set("subnet_ids", Tf.texts(vpc.path("SubnetIds"), null));
            v.set("security_group_ids", Tf.texts(vpc.path("SecurityGroupIds"), null));
            Tf.put(v, "vpc_id", vpc.path("VpcId"));
        }
        JsonNode variables = f.path("Environment").path("Variables");
        if (variables.isObject()) {
            t.block("environment").set("variables", variables);
        }
        t.tags(tags);
        out.add(t);
        return t;
    }

    /** GetFunctionUrlConfig. */
    static void functionUrl(JsonNode response, Out out) {
        String arn = Tf.str(response.path("FunctionArn"));
        if (arn == null) {
            out.rejected("function URL", "expected FunctionArn");
            return;
        }
        out.add(Tf.of("aws_lambda_function_url", unqualified(arn)).text("function_name", unqualified(arn))
                .put("authorization_type", response.path("AuthType")).put("function_url", response.path("FunctionUrl")));
    }

    /**
     * GetPolicy: each statement of a function's resource policy, as Terraform's
     * {@code aws_lambda_permission}. The function is the statement's resource.
     */
    static void policy(JsonNode document, Out out) {
        int i = 0;
        for (JsonNode s : statements(document)) {
            String function = s.path("Resource").isTextual() ? unqualified(s.path("Resource").asText()) : out.context().parameter("FunctionName");
            String sid = s.path("Sid").asText("statement-" + i);
            i++;
            if (function == null) {
                out.rejected(sid, "the statement does not name its function");
                continue;
            }
            if (!"Allow".equals(s.path("Effect").asText())) {
                out.unmodelled("AWS::Lambda::Permission (Deny)", function + " " + sid);
                continue;
            }
            Tf t = Tf.of("aws_lambda_permission", function + "/" + sid).text("function_name", function)
                    .text("statement_id", sid).put("action", first(s.path("Action")));
            JsonNode principal = s.path("Principal");
            if (principal.isTextual()) {
                t.text("principal", principal.asText());
            } else {
                t.put("principal", first(principal.has("Service") ? principal.get("Service") : principal.path("AWS")));
            }
            JsonNode condition = s.path("Condition");
            t.put("source_arn", conditionValue(condition, "AWS:SourceArn"));
            t.put("source_account", conditionValue(condition, "AWS:SourceAccount"));
            t.put("function_url_auth_type", conditionValue(condition, "lambda:FunctionUrlAuthType"));
            out.add(t);
        }
    }

    static Iterable<JsonNode> statements(JsonNode document) {
        JsonNode s = document.path("Statement");
        return s.isArray() ? s : s.isObject() ? java.util.List.of(s) : java.util.List.of();
    }

    private static JsonNode first(JsonNode value) {
        return value.isArray() ? value.path(0) : value;
    }

    /** The value of a condition key under any operator, matching the key without regard to case. */
    private static JsonNode conditionValue(JsonNode condition, String key) {
        for (JsonNode operator : condition) {
            for (var it = operator.fields(); it.hasNext(); ) {
                var e = it.next();
                if (e.getKey().equalsIgnoreCase(key)) {
                    return first(e.getValue());
                }
            }
        }
        return null;
    }

    /** A function ARN without a version or alias qualifier. */
    static String unqualified(String arn) {
        String[] parts = arn.split(":");
        return parts.length == 8 && parts[5].equals("function") ? String.join(":", java.util.Arrays.copyOf(parts, 7)) : arn;
    }
}
