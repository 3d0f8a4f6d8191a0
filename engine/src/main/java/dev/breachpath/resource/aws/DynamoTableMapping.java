package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** A DynamoDB table; always encrypted at rest, with an AWS owned key unless a KMS key is given. */
final class DynamoTableMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.DynamoTable;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_dynamodb_table", "data.aws_dynamodb_table");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        out.string(BP.name, r.value("name"));
        out.bool(BP.encrypted, true);
        if (r.size(AttrPath.of("server_side_encryption")) > 0) {
            Keys.link(r, out, "server_side_encryption", 0, "kms_key_arn");
        }
    }
}
