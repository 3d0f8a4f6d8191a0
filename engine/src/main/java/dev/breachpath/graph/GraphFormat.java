package dev.breachpath.graph;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFOps;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;

/**
 * The serialisations of a fact graph. Triples are written sorted (by subject, then
 * {@code rdf:type} first, then predicate and object), so the same graph always gives the same
 * bytes, whatever order it was built in.
 */
public enum GraphFormat {
    /** Turtle, with the vocabulary's prefixes, grouped by subject. */
    TURTLE(RDFFormat.TURTLE_BLOCKS),
    /** N-Triples: one triple a line, for streaming into a SPARQL store. */
    NTRIPLES(RDFFormat.NTRIPLES);

    private static final Comparator<Triple> ORDER = Comparator
            .comparing((Triple t) -> key(t.getSubject()))
            .thenComparing(t -> !t.getPredicate().equals(RDF.type.asNode()))
            .thenComparing(t -> key(t.getPredicate()))
            .thenComparing(t -> key(t.getObject()));

    private final RDFFormat format;

    GraphFormat(RDFFormat format) {
        this.format = format;
    }

    /** The prefixes the vocabulary predeclares, in Turtle output and in queries. */
    public static PrefixMap prefixes() {
        PrefixMap map = PrefixMapFactory.create();
        map.add("bp", BP.NS);
        map.add("tag", BP.TAG_NS);
        map.add("tf", Iris.TERRAFORM);
        map.add("aws", Iris.AWS);
        map.add("rdf", RDF.getURI());
        map.add("rdfs", RDFS.getURI());
        map.add("owl", OWL.getURI());
        map.add("xsd", XSD.getURI());
        return map;
    }

    /** Writes the graph, sorted. Does not close {@code out}. */
    public void write(Graph graph, OutputStream out) {
        List<Triple> triples = new ArrayList<>(graph.size());
        graph.find().forEachRemaining(triples::add);
        triples.sort(ORDER);
        StreamRDF stream = StreamRDFWriter.getWriterStream(out, format);
        stream.start();
        if (this == TURTLE) {
            StreamRDFOps.sendPrefixesToStream(prefixes(), stream);
        }
        triples.forEach(stream::triple);
        stream.finish();
    }

    private static String key(Node node) {
        return NodeFmtLib.strNT(node);
    }
}
