package dev.breachpath.resource.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import dev.breachpath.resource.Value;
import java.util.Set;
import org.apache.jena.graph.Node;

/**
 * A {@code data.aws_iam_policy_document}. When its rendered {@code json} is known it is the
 * document; otherwise the statements are written from the {@code statement} blocks, with unknown
 * resources linked to the resources the configuration names ({@code bp:resourceRef}).
 */
final class PolicyDocumentMapping implements ResourceMapping {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Override
    public Node kind() {
        return BP.PolicyDocument;
    }

    @Override
    public Set<String> terraformTypes() {
        return Set.of("data.aws_iam_policy_document");
    }

    @Override
    public void terraform(TerraformResource r, Facts out) {
        Value json = r.value("json");
        if (json.isKnown()) {
            PolicyFacts.document(r, out, "json");
            return;
        }
        out.link(BP.document, BP.Unknown);
        int statements = r.blocks(AttrPath.of("statement"));
        for (int i = 0; i < statements; i++) {
            statement(r, out.part(BP.statement, "statement-" + i, BP.Statement), AttrPath.of("statement", i), i);
        }
    }

    private static void statement(TerraformResource r, Facts st, AttrPath at, int index) {
        st.integer(BP.index, Value.known(JSON.numberNode(index), false));
        st.string(BP.sid, r.value(at.then("sid")));
        Value effect = r.value(at.then("effect"));
        if (effect.isAbsent()) {
            st.string(BP.effect, "Allow");
        } else {
            st.string(BP.effect, effect);
        }
        st.strings(BP.action, r.value(at.then("actions")));
        st.strings(BP.notAction, r.value(at.then("not_actions")));
        resources(r, st, at.then("resources"), BP.resourcePattern);
        resources(r, st, at.then("not_resources"), BP.notResourcePattern);
        principals(r, st, at.then("principals"), BP.principal);
        principals(r, st, at.then("not_principals"), BP.notPrincipal);
        int conditions = r.blocks(at.then("condition"));
        if (conditions > 0) {
            ObjectNode condition = JSON.objectNode();
            for (int c = 0; c < conditions; c++) {
                AttrPath block = at.then("condition", c);
                String test = r.value(block.then("test")).text().orElse("(known after apply)");
                String variable = r.value(block.then("variable")).text().orElse("(known after apply)");
                ArrayNode values = JSON.arrayNode();
                Value v = r.value(block.then("values"));
                v.texts().forEach(values::add);
                if (!v.isKnown() || v.isPartial()) {
                    values.add("(known after apply)");
                }
                ObjectNode byTest = condition.get(test) instanceof ObjectNode o ? o : condition.putObject(test);
                byTest.set(variable, values);
            }
            st.json(BP.condition, condition);
        }
    }

    private static void resources(TerraformResource r, Facts st, AttrPath path, Node prop) {
        Value v = r.value(path);
        st.strings(prop, v);
        if (v.isUnknown() || v.isPartial()) {
            Targets refs = r.references(path, BP.Resource);
            for (Node target : refs.nodes()) {
                st.link(BP.resourceRef, target);
            }
        }
    }

    private static void principals(TerraformResource r, Facts st, AttrPath path, Node prop) {
        int blocks = r.blocks(path);
        for (int p = 0; p < blocks; p++) {
            Value type = r.value(path.then(p, "type"));
            Value ids = r.value(path.then(p, "identifiers"));
            String t = type.text().orElse(null);
            if (t == null || ids.isUnknown()) {
                st.link(prop, BP.Unknown);
                continue;
            }
            for (String id : ids.texts()) {
                st.string(prop, t.equals("*") ? "*" : t + ":" + id);
            }
            if (ids.isPartial()) {
                st.link(prop, BP.Unknown);
            }
        }
    }
}
