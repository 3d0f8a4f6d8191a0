package dev.breachpath.derive;

import dev.breachpath.graph.BP;
import dev.breachpath.graph.FactGraph;
import dev.breachpath.graph.Iris;
import java.util.Locale;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** {@code bp:sensitive} on every data store, by the {@link Classification}, with the reason. */
record Sensitivity(View v, Classification c) {
    void derive(FactGraph out) {
        for (Node store : v.ofType(BP.DataStore)) {
            boolean sensitive;
            String reason;
            Optional<String[]> tag = tag(store);
            if (tag.isPresent() && c.sensitiveValues().contains(tag.get()[1].toLowerCase(Locale.ROOT))) {
                sensitive = true;
                reason = "tag " + tag.get()[0] + " = " + tag.get()[1];
            } else if (tag.isPresent() && c.publicValues().contains(tag.get()[1].toLowerCase(Locale.ROOT))) {
                sensitive = false;
                reason = "tag " + tag.get()[0] + " = " + tag.get()[1];
            } else {
                String kind = kind(store);
                sensitive = c.sensitiveKinds().contains(kind);
                reason = kind + (sensitive ? " is sensitive by default" : " is not sensitive by default");
            }
            out.bool(store, BP.sensitive, sensitive);
            out.string(store, BP.sensitivityReason, reason);
        }
    }

    private Optional<String[]> tag(Node store) {
        for (String key : c.tagKeys()) {
            Optional<String> value = v.string(store, Iris.tag(key));
            if (value.isPresent()) {
                return Optional.of(new String[] {key, value.get()});
            }
        }
        return Optional.empty();
    }

    private String kind(Node store) {
        for (String k : Classification.KINDS) {
            if (v.is(store, NodeFactory.createURI(BP.NS + k))) {
                return k;
            }
        }
        return "DataStore";
    }
}
