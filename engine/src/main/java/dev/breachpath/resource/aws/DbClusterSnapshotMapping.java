package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** A manual cluster snapshot: what it was taken of and who it is shared with. */
final class DbClusterSnapshotMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.DbClusterSnapshot;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_db_cluster_snapshot", "data.aws_db_cluster_snapshot");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        out.string(BP.name, r.value("db_cluster_snapshot_identifier"));
        Links.byName(r, out, BP.dbCluster, BP.DbCluster, "db_cluster_identifier");
        out.bool(BP.encrypted, r.value("storage_encrypted"));
        Keys.link(r, out, "kms_key_id");
        out.strings(BP.sharedWith, r.value("shared_accounts"));
        out.string(BP.snapshotType, r.value("snapshot_type"));
        out.dateTime(BP.createdAt, r.value("snapshot_create_time"));
    }
}
