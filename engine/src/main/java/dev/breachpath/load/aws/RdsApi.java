package dev.breachpath.load.aws;

import com.fasterxml.jackson.databind.JsonNode;

/** RDS responses: database instances and clusters, their snapshots, and whom the snapshots are shared with. */
final class RdsApi {
    private RdsApi() {}

    /** DescribeDBInstances. */
    static void instances(JsonNode response, Out out) {
        Tf.each(response.path("DBInstances"), "DBInstanceIdentifier", "database instance", out, (d, name) -> {
            out.add(Tf.of("aws_db_instance", name).text("identifier", name).put("arn", d.path("DBInstanceArn"))
                    .put("resource_id", d.path("DbiResourceId")).put("engine", d.path("Engine"))
                    .put("publicly_accessible", d.path("PubliclyAccessible")).put("storage_encrypted", d.path("StorageEncrypted"))
                    .put("kms_key_id", d.path("KmsKeyId")).put("cluster_identifier", d.path("DBClusterIdentifier"))
                    .list("vpc_security_group_ids", d.path("VpcSecurityGroups"), "VpcSecurityGroupId")
                    .put("create_time", d.path("InstanceCreateTime")).put("db_name", d.path("DBName"))
                    .tags(d.path("TagList")));
        });
    }

    /** DescribeDBClusters. */
    static void clusters(JsonNode response, Out out) {
        Tf.each(response.path("DBClusters"), "DBClusterIdentifier", "database cluster", out, (c, name) -> {
            out.add(Tf.of("aws_rds_cluster", name).text("cluster_identifier", name).put("arn", c.path("DBClusterArn"))
                    .put("engine", c.path("Engine")).put("storage_encrypted", c.path("StorageEncrypted"))
                    .put("kms_key_id", c.path("KmsKeyId"))
                    .list("vpc_security_group_ids", c.path("VpcSecurityGroups"), "VpcSecurityGroupId")
                    .put("publicly_accessible", c.path("PubliclyAccessible"))
                    .put("create_time", c.path("ClusterCreateTime")).tags(c.path("TagList")));
        });
    }

    /** DescribeDBSnapshots. */
    static void snapshots(JsonNode response, Out out) {
        Tf.each(response.path("DBSnapshots"), "DBSnapshotIdentifier", "database snapshot", out, (s, name) -> {
            out.add(Tf.of("aws_db_snapshot", name).text("db_snapshot_identifier", name).put("db_snapshot_arn", s.path("DBSnapshotArn"))
                    .put("arn", s.path("DBSnapshotArn")).put("db_instance_identifier", s.path("DBInstanceIdentifier"))
                    .put("encrypted", s.path("Encrypted")).put("kms_key_id", s.path("KmsKeyId"))
                    .put("snapshot_type", s.path("SnapshotType")).put("snapshot_create_time", s.path("SnapshotCreateTime"))
                    .put("engine", s.path("Engine")).tags(s.path("TagList")));
        });
    }

    /** DescribeDBClusterSnapshots. */
    static void clusterSnapshots(JsonNode response, Out out) {
        Tf.each(response.path("DBClusterSnapshots"), "DBClusterSnapshotIdentifier", "database cluster snapshot", out, (s, name) -> {
            out.add(Tf.of("aws_db_cluster_snapshot", name).text("db_cluster_snapshot_identifier", name)
                    .put("arn", s.path("DBClusterSnapshotArn")).put("db_cluster_snapshot_arn", s.path("DBClusterSnapshotArn"))
                    .put("db_cluster_identifier", s.path("DBClusterIdentifier"))
                    .put("storage_encrypted", s.path("StorageEncrypted")).put("kms_key_id", s.path("KmsKeyId"))
                    .put("snapshot_type", s.path("SnapshotType")).put("snapshot_create_time", s.path("SnapshotCreateTime"))
                    .put("engine", s.path("Engine")).tags(s.path("TagList")));
        });
    }

    /** DescribeDBSnapshotAttributes: the accounts that may restore a snapshot ({@code all}: everyone). */
    static void snapshotAttributes(JsonNode response, Out out) {
        attributes(response.path("DBSnapshotAttributesResult"), "DBSnapshotIdentifier", "DBSnapshotAttributes", "aws_db_snapshot", out);
    }

    /** DescribeDBClusterSnapshotAttributes. */
    static void clusterSnapshotAttributes(JsonNode response, Out out) {
        attributes(response.path("DBClusterSnapshotAttributesResult"), "DBClusterSnapshotIdentifier",
                "DBClusterSnapshotAttributes", "aws_db_cluster_snapshot", out);
    }

    private static void attributes(JsonNode result, String idField, String listField, String type, Out out) {
        String name = Tf.str(result.path(idField));
        if (name == null) {
            out.rejected("snapshot attributes", "expected " + idField);
            return;
        }
        Tf t = Tf.of(type, name);
        for (JsonNode a : result.path(listField)) {
            if ("restore".equals(a.path("AttributeName").asText())) {
                t.list("shared_accounts", a.path("AttributeValues"), null);
            }
        }
        if (!t.attributes.has("shared_accounts")) {
            t.attributes.putArray("shared_accounts");
        }
        out.add(t);
    }
}
