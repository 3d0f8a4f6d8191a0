package dev.breachpath;

import dev.breachpath.graph.GraphFormat;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.out.NodeFmtLib;

/** Triples that tests expect, written as Turtle with the vocabulary's prefixes predeclared. */
public final class TestTurtle {
    private TestTurtle() {}

    /** The triples of a Turtle text (none for a blank one). */
    public static List<Triple> triples(String turtle) {
        if (turtle.isBlank()) {
            return List.of();
        }
        StringBuilder prefixed = new StringBuilder();
        GraphFormat.prefixes().forEach((prefix, uri) -> prefixed.append("@prefix ").append(prefix).append(": <")
                .append(uri).append("> .\n"));
        prefixed.append(turtle);
        Graph g = GraphMemFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(prefixed.toString().getBytes(StandardCharsets.UTF_8))).lang(Lang.TURTLE).parse(g);
        List<Triple> out = new ArrayList<>();
        g.find().forEachRemaining(out::add);
        return out;
    }

    /** A triple as N-Triples, for messages. */
    public static String show(Triple t) {
        return NodeFmtLib.strNT(t.getSubject()) + " " + NodeFmtLib.strNT(t.getPredicate()) + " " + NodeFmtLib.strNT(t.getObject());
    }
}
