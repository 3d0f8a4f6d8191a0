package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import java.util.Set;
import org.apache.jena.graph.Node;

/** An HTTPS endpoint of a Lambda function; authorization NONE opens it to the internet. */
final class LambdaFunctionUrlMapping implements ResourceMapping {
    @Override
    public Node kind() {
        return BP.LambdaFunctionUrl;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("aws_lambda_function_url");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        Links.byName(r, out, BP.function, BP.LambdaFunction, "function_name");
        out.string(BP.authType, r.value("authorization_type"));
    }
}
