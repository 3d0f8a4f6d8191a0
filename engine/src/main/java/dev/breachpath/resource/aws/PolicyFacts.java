package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.iam.PolicyDocument;
import dev.breachpath.iam.PolicyException;
import dev.breachpath.iam.PolicyParser;
import dev.breachpath.iam.Statement;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import dev.breachpath.resource.Value;
import java.util.List;
import org.apache.jena.graph.Node;

/** Writes policy documents: the document as JSON and one node per statement. */
public final class PolicyFacts {
    private PolicyFacts() {}

    /**
     * Writes the policy document held (as JSON text) at {@code path} of {@code r} onto the policy
     * node {@code policy}. An unknown document is written {@link BP#Unknown}, with a
     * {@code bp:documentSource} link to the {@code data.aws_iam_policy_document} it is rendered
     * from, if any; a document that is not a policy is reported as a warning.
     */
    static void document(TerraformResource r, Facts policy, Object... path) {
        AttrPath at = AttrPath.of(path);
        Value value = r.value(at);
        for (Node source : r.references(at, BP.PolicyDocument).nodes()) {
            policy.link(BP.documentSource, source);
        }
        if (value.isUnknown()) {
            policy.link(BP.document, BP.Unknown);
            return;
        }
        if (value.isKnown() && value.isSensitive()) {
            policy.link(BP.document, BP.Redacted);
            return;
        }
        value.json().ifPresent(json -> {
            try {
                PolicyDocument doc = json.isTextual() ? PolicyParser.parse(json.asText()) : PolicyParser.parse(json);
                write(policy, doc);
            } catch (PolicyException e) {
                r.warn(at + ": " + e.getMessage());
            }
        });
    }

    /** Writes a parsed document: {@code bp:document} and its statements. */
    public static void write(Facts policy, PolicyDocument doc) {
        policy.json(BP.document, doc.json());
        List<Statement> statements = doc.statements();
        for (int i = 0; i < statements.size(); i++) {
            Statement s = statements.get(i);
            Facts st = policy.part(BP.statement, "statement-" + i, BP.Statement);
            st.integer(BP.index, Value.known(com.fasterxml.jackson.databind.node.IntNode.valueOf(i), false));
            st.string(BP.sid, s.sid());
            st.string(BP.effect, s.effect());
            s.actions().forEach(a -> st.string(BP.action, a));
            s.notActions().forEach(a -> st.string(BP.notAction, a));
            s.resources().forEach(a -> st.string(BP.resourcePattern, a));
            s.notResources().forEach(a -> st.string(BP.notResourcePattern, a));
            s.principals().forEach(a -> st.string(BP.principal, a));
            s.notPrincipals().forEach(a -> st.string(BP.notPrincipal, a));
            if (s.condition() != null) {
                st.json(BP.condition, s.condition());
            }
        }
    }

    /** True for the ARN of a policy managed by AWS. */
    public static boolean isAwsManaged(String arn) {
        return arn.matches("arn:aws[a-z-]*:iam::aws:policy/.*");
    }

    /** Marks every target that is an AWS-managed policy ARN. */
    static void markAwsManaged(Targets policies, Facts out) {
        for (Node p : policies.nodes()) {
            if (p.isURI() && isAwsManaged(p.getURI())) {
                out.on(p).bool(BP.awsManaged, true).type(BP.IamPolicy);
            }
        }
    }
}
