package dev.breachpath.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Node;

/**
 * Renders the vocabulary as Markdown: {@code docs/vocabulary.md} is this output, and a test
 * keeps it so.
 */
public final class VocabularyDoc {
    private static final List<String> SECTIONS = List.of("Core", "Compute", "Network", "Identity", "Data", "Time", "Derived");

    private VocabularyDoc() {}

    /** The documentation of the vocabulary. */
    public static String markdown(Ontology ontology) {
        StringBuilder out = new StringBuilder();
        out.append("# The breachpath vocabulary\n\n")
                .append("<!-- Generated from engine/src/main/resources/dev/breachpath/graph/breachpath.ttl by\n")
                .append("     dev.breachpath.graph.VocabularyDoc; do not edit. Regenerate with:\n")
                .append("     mvn -pl engine test -Dtest=VocabularyTest -Dbreachpath.updateDocs=true -->\n\n")
                .append("Every fact breachpath knows is a triple in this vocabulary, and every policy is a query in it.\n")
                .append("Terms live in the namespace `").append(BP.NS).append("` (prefix `bp:`). Tags are\n")
                .append("predicates of their own in `").append(BP.TAG_NS).append("` (prefix `tag:`): a resource\n")
                .append("tagged `data-classification = public` has `tag:data-classification \"public\"`.\n\n")
                .append("Nodes are named by Terraform address (`tf:` = `").append(Iris.TERRAFORM).append("`, the address\n")
                .append("percent-encoded), by ARN, or, for AWS resources known only by id (`aws:` = `").append(Iris.AWS)
                .append("`),\nby class and id. Every typed node also carries all superclasses of its type, so\n")
                .append("`?x a bp:Compute` finds instances, functions and templates without inference.\n\n")
                .append("Values unknown before apply are `bp:Unknown`, never false and never equal to a literal; sensitive\n")
                .append("values are `bp:Redacted`. A relation that could not tell which instance of a counted or `for_each`\n")
                .append("resource it meant links every candidate and records a `bp:AmbiguousLink`.\n\n");
        for (String section : SECTIONS) {
            out.append("## ").append(section).append("\n\n");
            table(out, ontology, section, "Classes", Ontology.Kind.CLASS, Ontology.Kind.INDIVIDUAL);
            table(out, ontology, section, "Properties", Ontology.Kind.OBJECT_PROPERTY, Ontology.Kind.DATATYPE_PROPERTY);
        }
        return out.toString();
    }

    private static void table(StringBuilder out, Ontology ontology, String section, String title, Ontology.Kind... kinds) {
        Map<String, Ontology.Term> terms = new LinkedHashMap<>();
        for (Ontology.Term t : ontology.terms()) {
            if (t.section().equals(section) && List.of(kinds).contains(t.kind())) {
                terms.put(t.localName(), t);
            }
        }
        if (terms.isEmpty()) {
            return;
        }
        boolean classes = kinds[0] == Ontology.Kind.CLASS;
        out.append("### ").append(title).append("\n\n");
        out.append(classes ? "| term | is a | meaning |\n|---|---|---|\n" : "| term | value | meaning |\n|---|---|---|\n");
        for (Ontology.Term t : terms.values()) {
            String second = classes
                    ? (t.kind() == Ontology.Kind.INDIVIDUAL ? "individual" : name(t.superClass()))
                    : name(t.range());
            out.append("| `bp:").append(t.localName()).append("` | ").append(second).append(" | ")
                    .append(t.comment().replace("|", "\\|").replace("\n", " ")).append(" |\n");
        }
        out.append('\n');
    }

    private static String name(Optional<Node> node) {
        if (node.isEmpty()) {
            return "";
        }
        String uri = node.get().getURI();
        if (uri.startsWith(BP.NS)) {
            return "`bp:" + uri.substring(BP.NS.length()) + "`";
        }
        if (uri.startsWith("http://www.w3.org/2001/XMLSchema#")) {
            return "`xsd:" + uri.substring("http://www.w3.org/2001/XMLSchema#".length()) + "`";
        }
        if (uri.startsWith("http://www.w3.org/1999/02/22-rdf-syntax-ns#")) {
            return "`rdf:" + uri.substring("http://www.w3.org/1999/02/22-rdf-syntax-ns#".length()) + "`";
        }
        return "`" + uri + "`";
    }
}
