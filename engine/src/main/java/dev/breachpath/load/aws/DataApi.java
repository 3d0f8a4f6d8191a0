package dev.breachpath.load.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The other stores and what guards them: DynamoDB tables, Secrets Manager secrets, KMS keys;
 * ECS task definitions; the caller identity.
 */
final class DataApi {
    private DataApi() {}

    /** DynamoDB DescribeTable. */
    static void table(JsonNode response, Out out) {
        Tf.each(java.util.List.of(response.path("Table")), "TableName", "table", out, (t, name) -> table(t, name, out));
    }

    private static void table(JsonNode t, String name, Out out) {
        Tf table = Tf.of("aws_dynamodb_table", name).text("name", name).put("arn", t.path("TableArn"))
                .put("creation_date_time", t.path("CreationDateTime")).tags(t.path("Tags"));
        JsonNode sse = t.path("SSEDescription");
        if (sse.isObject()) {
            ObjectNode s = table.block("server_side_encryption");
            s.put("enabled", "ENABLED".equals(sse.path("Status").asText()) || "ENABLING".equals(sse.path("Status").asText()));
            Tf.put(s, "kms_key_arn", sse.path("KMSMasterKeyArn"));
        }
        out.add(table);
    }

    /** DynamoDB ListTables: the names alone. */
    static void tableNames(JsonNode response, Out out) {
        for (JsonNode name : response.path("TableNames")) {
            String table = Tf.str(name);
            if (table == null || table.isEmpty()) {
                out.rejected("table", "expected a table name");
                continue;
            }
            out.add(Tf.of("aws_dynamodb_table", table).text("name", table));
        }
    }

    /** Secrets Manager ListSecrets. */
    static void secrets(JsonNode response, Out out) {
        for (JsonNode s : response.path("SecretList")) {
            secret(s, out);
        }
    }

    /** Secrets Manager DescribeSecret, or one element of ListSecrets. */
    static void secret(JsonNode s, Out out) {
        String arn = Tf.str(s.path("ARN"));
        if (arn == null) {
            out.rejected(s.path("Name").asText("secret"), "expected ARN");
            return;
        }
        out.add(Tf.of("aws_secretsmanager_secret", arn).text("arn", arn).put("name", s.path("Name"))
                .put("kms_key_id", s.path("KmsKeyId")).put("last_accessed_date", s.path("LastAccessedDate"))
                .put("last_changed_date", s.path("LastChangedDate")).put("created_date", s.path("CreatedDate"))
                .tags(s.path("Tags")));
    }

    /** Secrets Manager GetResourcePolicy. */
    static void secretPolicy(JsonNode response, Out out) {
        String arn = Tf.str(response.path("ARN"));
        if (arn == null) {
            out.rejected("secret policy", "expected ARN");
            return;
        }
        Tf t = Tf.of("aws_secretsmanager_secret", arn).text("arn", arn).put("name", response.path("Name"));
        t.text("policy", IamApi.policyText(response.path("ResourcePolicy")));
        out.add(t);
    }

    /** KMS ListKeys. */
    static void keys(JsonNode response, Out out) {
        Tf.each(response.path("Keys"), "KeyId", "key", out, (k, id) -> {
            out.add(Tf.of("aws_kms_key", id).text("key_id", id).put("arn", k.path("KeyArn")));
        });
    }

    /** KMS DescribeKey. */
    static void describeKey(JsonNode response, Out out) {
        Tf.each(java.util.List.of(response.path("KeyMetadata")), "KeyId", "key", out, (k, id) -> key(k, id, out));
    }

    private static void key(JsonNode k, String id, Out out) {
        out.add(Tf.of("aws_kms_key", id).text("key_id", id).put("arn", k.path("Arn")).put("key_manager", k.path("KeyManager"))
                .put("key_state", k.path("KeyState")).put("creation_date", k.path("CreationDate")).tags(k.path("Tags")));
    }

    /** KMS GetKeyPolicy: the key is the request's KeyId, from the manifest. */
    static void keyPolicy(String text, Out out) {
        String id = keyId(out.context().parameter("KeyId"));
        if (id == null) {
            out.rejected("key policy", "the response does not say which key it belongs to;"
                    + " give KeyId in the snapshot manifest (docs/inventory.md)");
            return;
        }
        out.add(Tf.of("aws_kms_key", id).text("key_id", id).text("policy", text));
    }

    /** KMS GetKeyRotationStatus. */
    static void keyRotation(JsonNode response, Out out) {
        String id = keyId(response.has("KeyId") ? response.path("KeyId").asText() : out.context().parameter("KeyId"));
        if (id == null) {
            out.rejected("key rotation status", "the response does not say which key it belongs to;"
                    + " give KeyId in the snapshot manifest (docs/inventory.md)");
            return;
        }
        out.add(Tf.of("aws_kms_key", id).text("key_id", id).put("enable_key_rotation", response.path("KeyRotationEnabled")));
    }

    /** A key id from a key id or key ARN. */
    private static String keyId(String idOrArn) {
        if (idOrArn == null) {
            return null;
        }
        int slash = idOrArn.indexOf(":key/");
        return slash >= 0 ? idOrArn.substring(slash + 5) : idOrArn;
    }

    /** ECS DescribeTaskDefinition. */
    static void taskDefinition(JsonNode response, Out out) {
        JsonNode d = response.path("taskDefinition");
        String arn = Tf.str(d.path("taskDefinitionArn"));
        if (arn == null) {
            out.rejected("task definition", "expected taskDefinitionArn");
            return;
        }
        out.add(Tf.of("aws_ecs_task_definition", arn).text("arn", arn).put("family", d.path("family"))
                .put("revision", d.path("revision")).put("task_role_arn", d.path("taskRoleArn"))
                .put("execution_role_arn", d.path("executionRoleArn"))
                .text("container_definitions", d.path("containerDefinitions").isArray() ? d.path("containerDefinitions").toString() : null)
                .tags(response.path("tags")));
    }

    /** ECS ListTaskDefinitions: the ARNs alone. */
    static void taskDefinitionArns(JsonNode response, Out out) {
        for (JsonNode arn : response.path("taskDefinitionArns")) {
            String text = Tf.str(arn);
            if (text == null || !text.startsWith("arn:")) {
                out.rejected("task definition", "expected a task definition ARN");
                continue;
            }
            out.add(Tf.of("aws_ecs_task_definition", text).text("arn", text));
        }
    }

    /** STS GetCallerIdentity: the account the other responses of a snapshot came from. */
    static void callerIdentity(JsonNode response, Out out) {
        String account = Tf.str(response.path("Account"));
        if (account == null) {
            out.rejected("caller identity", "expected Account");
            return;
        }
        out.add(Tf.of("data.aws_caller_identity", account).text("account_id", account).put("caller_arn", response.path("Arn")));
    }
}
