package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** A database instance (or an instance of a cluster). */
final class DbInstanceMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.DbInstance;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_db_instance", "aws_rds_cluster_instance", "data.aws_db_instance");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        var identifier = r.value("identifier");
        out.string(BP.name, identifier.isAbsent() ? r.value("db_instance_identifier") : identifier);
        out.string(BP.engine, r.value("engine"));
        out.bool(BP.publiclyAccessible, r.value("publicly_accessible"));
        out.bool(BP.encrypted, r.value("storage_encrypted"));
        Keys.link(r, out, "kms_key_id");
        Links.allById(r, out, BP.securityGroup, BP.SecurityGroup, "vpc_security_group_ids");
        var cluster = r.value("cluster_identifier");
        if (!cluster.isAbsent()) {
            Links.byName(r, out, BP.dbCluster, BP.DbCluster, "cluster_identifier");
        }
    }
}
