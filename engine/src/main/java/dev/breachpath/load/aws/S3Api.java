package dev.breachpath.load.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * S3 responses. Only ListBuckets names its buckets; the per-bucket calls (policy, public access
 * block, tags, encryption, ACL) say nothing of the bucket they describe, so it comes from the
 * snapshot manifest's Bucket parameter, or for a policy from the bucket its statements name.
 */
final class S3Api {
    private S3Api() {}

    /** ListBuckets. */
    static void buckets(JsonNode response, Out out) {
        Tf.each(response.path("Buckets"), "Name", "bucket", out, (b, name) -> {
            out.add(bucket(name).put("creation_date", b.path("CreationDate")).put("region", b.path("BucketRegion")));
        });
    }

    static Tf bucket(String name) {
        return Tf.of("aws_s3_bucket", name).text("bucket", name).text("arn", "arn:aws:s3:::" + name);
    }

    /** GetBucketPolicy. */
    static void policy(String text, JsonNode document, Out out) {
        String name = out.context().parameter("Bucket");
        if (name == null) {
            name = bucketNamed(document);
        }
        if (name == null) {
            out.rejected("resource policy", "the response does not say what it belongs to, and its statements name no bucket"
                    + " or function; give the operation and its parameters (Bucket, KeyId) in the snapshot manifest (docs/inventory.md)");
            return;
        }
        out.add(Tf.of("aws_s3_bucket_policy", name).text("bucket", name).text("policy", text));
    }

    /** The one bucket a policy's statements name as resources, or null if none or several. */
    static String bucketNamed(JsonNode document) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        for (JsonNode s : LambdaApi.statements(document)) {
            JsonNode resources = s.path("Resource");
            for (JsonNode r : resources.isArray() ? resources : java.util.List.of(resources)) {
                String arn = r.asText("");
                if (arn.startsWith("arn:aws:s3:::") || arn.startsWith("arn:aws-cn:s3:::") || arn.startsWith("arn:aws-us-gov:s3:::")) {
                    String rest = arn.substring(arn.indexOf(":::") + 3);
                    int slash = rest.indexOf('/');
                    names.add(slash < 0 ? rest : rest.substring(0, slash));
                }
            }
        }
        return names.size() == 1 && !names.first().contains("*") ? names.first() : null;
    }

    /** GetPublicAccessBlock (of a bucket; the account's, from S3 Control, has the same shape). */
    static void publicAccessBlock(JsonNode response, Out out) {
        JsonNode c = response.path("PublicAccessBlockConfiguration");
        String name = out.context().parameter("Bucket");
        if (name == null) {
            String account = out.context().parameter("AccountId");
            if (account != null) {
                out.unmodelled("AWS::S3::AccountPublicAccessBlock", account);
            } else {
                out.rejected("public access block", "the response does not say which bucket (or account) it belongs to;"
                        + " give Bucket (or AccountId) in the snapshot manifest (docs/inventory.md)");
            }
            return;
        }
        out.add(Tf.of("aws_s3_bucket_public_access_block", name).text("bucket", name)
                .put("block_public_acls", c.path("BlockPublicAcls")).put("block_public_policy", c.path("BlockPublicPolicy"))
                .put("ignore_public_acls", c.path("IgnorePublicAcls")).put("restrict_public_buckets", c.path("RestrictPublicBuckets")));
    }

    /** GetBucketTagging. */
    static void tagging(JsonNode response, Out out) {
        String name = needBucket(out, "tags");
        if (name != null) {
            out.add(bucket(name).tags(response.path("TagSet")));
        }
    }

    /** GetBucketEncryption. */
    static void encryption(JsonNode response, Out out) {
        String name = needBucket(out, "encryption configuration");
        if (name == null) {
            return;
        }
        Tf t = Tf.of("aws_s3_bucket_server_side_encryption_configuration", name).text("bucket", name);
        for (JsonNode rule : response.path("ServerSideEncryptionConfiguration").path("Rules")) {
            JsonNode d = rule.path("ApplyServerSideEncryptionByDefault");
            ObjectNode r = t.block("rule").putArray("apply_server_side_encryption_by_default").addObject();
            Tf.put(r, "sse_algorithm", d.path("SSEAlgorithm"));
            Tf.put(r, "kms_master_key_id", d.path("KMSMasterKeyID"));
        }
        out.add(t);
    }

    /** GetBucketAcl: grants to everyone or to any AWS user. */
    static void acl(JsonNode response, Out out) {
        String name = needBucket(out, "ACL");
        if (name == null) {
            return;
        }
        Tf t = bucket(name);
        java.util.Map<String, java.util.Set<String>> byGroup = new java.util.TreeMap<>();
        for (JsonNode g : response.path("Grants")) {
            JsonNode uri = g.path("Grantee").path("URI");
            if (uri.isTextual()) {
                byGroup.computeIfAbsent(uri.asText(), k -> new java.util.TreeSet<>()).add(g.path("Permission").asText());
            }
        }
        grants(t, byGroup);
        out.add(t);
    }

    /** Grants to groups as Terraform's grant blocks: the group's URI and its permissions, sorted. */
    static void grants(Tf bucket, java.util.Map<String, java.util.Set<String>> byGroup) {
        byGroup.forEach((uri, permissions) -> {
            ObjectNode grant = bucket.block("grant");
            grant.put("uri", uri);
            var list = grant.putArray("permissions");
            permissions.forEach(list::add);
        });
    }

    private static String needBucket(Out out, String what) {
        String name = out.context().parameter("Bucket");
        if (name == null) {
            out.rejected("bucket " + what, "the response does not say which bucket it belongs to;"
                    + " give Bucket in the snapshot manifest (docs/inventory.md)");
        }
        return name;
    }
}
