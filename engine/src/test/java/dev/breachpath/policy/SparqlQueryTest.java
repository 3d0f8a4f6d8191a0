package dev.breachpath.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.breachpath.graph.BP;
import dev.breachpath.graph.FactGraph;
import dev.breachpath.graph.Iris;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.ResultSetRewindable;
import org.junit.jupiter.api.Test;

class SparqlQueryTest {
    private static FactGraph graph(List<String> addresses) {
        FactGraph g = new FactGraph();
        for (String a : addresses) {
            g.type(Iris.terraform(a), BP.Ec2Instance);
            g.string(Iris.terraform(a), BP.address, a);
        }
        return g;
    }

    @Test
    void vocabularyPrefixesArePredeclared() throws QueryException {
        SparqlQuery q = SparqlQuery.parse("SELECT ?a WHERE { ?i a bp:Compute ; bp:address ?a }");
        ResultSetRewindable rows = q.select(graph(List.of("aws_instance.b", "aws_instance.a")).graph(), 10_000);
        assertThat(rows.size()).isEqualTo(2);
    }

    @Test
    void rowsComeSortedWhateverTheInsertionOrder() throws QueryException {
        SparqlQuery q = SparqlQuery.parse("SELECT ?a WHERE { ?i bp:address ?a }");
        List<String> forward = new ArrayList<>();
        List<String> backward = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            forward.add("aws_instance.i" + i);
            backward.add(0, "aws_instance.i" + i);
        }
        assertThat(values(q.select(graph(forward).graph(), 10_000))).isEqualTo(values(q.select(graph(backward).graph(), 10_000)))
                .isSorted();
    }

    private static List<String> values(ResultSetRewindable rows) {
        List<String> out = new ArrayList<>();
        rows.forEachRemaining(s -> out.add(s.getLiteral("a").getString()));
        return out;
    }

    @Test
    void refusesWhatReachesOutsideTheGraph() {
        assertThatThrownBy(() -> SparqlQuery.parse("SELECT * WHERE { SERVICE <http://169.254.169.254/> { ?s ?p ?o } }"))
                .isInstanceOf(QueryException.class).hasMessageContaining("SERVICE");
        assertThatThrownBy(() -> SparqlQuery.parse("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }"))
                .isInstanceOf(QueryException.class).hasMessageContaining("FROM");
        assertThatThrownBy(() -> SparqlQuery.parse(
                "SELECT * WHERE { ?s ?p ?o FILTER(<java:org.apache.jena.sparql.function.library.strlen>(?o) > 1) }"))
                .isInstanceOf(QueryException.class).hasMessageContaining("java:");
    }

    @Test
    void allowsTheStandardFunctionLibraries() throws QueryException {
        SparqlQuery.parse("PREFIX fn: <http://www.w3.org/2005/xpath-functions#> "
                + "SELECT ?a WHERE { ?i bp:address ?a FILTER(fn:starts-with(?a, \"aws\") && xsd:string(?a) != \"\") }");
    }

    @Test
    void syntaxErrorsNameLineAndColumn() {
        assertThatThrownBy(() -> SparqlQuery.parse("SELECT ?a\nWHERE { ?i bp:address }"))
                .isInstanceOf(QueryException.class).hasMessageStartingWith("the SPARQL query is not valid: line 2, column");
    }

    @Test
    void aRunawayQueryTimesOut() throws QueryException {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add("aws_instance.i" + i);
        }
        SparqlQuery q = SparqlQuery.parse("SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z . ?d ?s ?w }");
        assertThatThrownBy(() -> q.select(graph(many).graph(), 200))
                .isInstanceOf(QueryException.class).hasMessageContaining("did not finish");
    }
}
