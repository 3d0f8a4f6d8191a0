package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** An RDS or Aurora cluster. */
final class DbClusterMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.DbCluster;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_rds_cluster", "data.aws_rds_cluster");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        out.string(BP.name, r.value("cluster_identifier"));
        out.string(BP.engine, r.value("engine"));
        out.bool(BP.encrypted, r.value("storage_encrypted"));
        Keys.link(r, out, "kms_key_id");
        Links.allById(r, out, BP.securityGroup, BP.SecurityGroup, "vpc_security_group_ids");
    }
}
