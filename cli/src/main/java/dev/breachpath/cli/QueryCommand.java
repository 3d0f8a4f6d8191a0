package dev.breachpath.cli;

import dev.breachpath.graph.GraphFormat;
import dev.breachpath.load.Loaded;
import dev.breachpath.policy.QueryException;
import dev.breachpath.policy.SparqlQuery;
import dev.breachpath.report.QueryResultWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.jena.graph.Graph;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code breachpath query}: ad-hoc SPARQL over the fact graph. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Runs a SPARQL query over the fact graph of the inputs, derived relations included. The prefixes bp:, tag:, tf:, aws:,",
                "rdf:, rdfs:, owl: and xsd: are predeclared. Rows come sorted unless the query orders them."})
final class QueryCommand implements Callable<Integer> {
    enum Format { table, json, csv }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    GraphArgs args;

    @Option(names = {"--sparql", "-q"}, required = true, paramLabel = "QUERY",
            description = "The query (SELECT, ASK, CONSTRUCT or DESCRIBE), or a file that holds it.")
    String sparql;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default), json or csv (SPARQL 1.1 results formats); CONSTRUCT gives Turtle.")
    Format format;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60", description = "Give up after this long (default 60).")
    double timeoutSeconds;

    @Override
    public Integer call() throws IOException {
        SparqlQuery query;
        try {
            query = SparqlQuery.parse(queryText());
        } catch (QueryException e) {
            throw new Main.Failure(e.getMessage());
        }
        var classification = args.classification();
        Loaded loaded = args.load(spec.commandLine().getErr());
        Graph graph = args.derived(loaded, classification).graph();
        long timeout = Math.max(1, Math.round(timeoutSeconds * 1000));
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            if (query.query().isSelectType()) {
                QueryResultWriter.valueOf(format.name().toUpperCase(java.util.Locale.ROOT))
                        .write(query.select(graph, timeout), SparqlQuery.prefixes(), buffer);
            } else if (query.query().isAskType()) {
                boolean answer = query.ask(graph, timeout);
                buffer.writeBytes((format == Format.json ? "{ \"head\": {}, \"boolean\": " + answer + " }" : Boolean.toString(answer))
                        .concat("\n").getBytes(StandardCharsets.UTF_8));
            } else {
                GraphFormat.TURTLE.write(query.construct(graph, timeout), buffer);
            }
        } catch (QueryException e) {
            throw new Main.Failure(e.getMessage());
        }
        var out = spec.commandLine().getOut();
        out.print(buffer.toString(StandardCharsets.UTF_8));
        out.flush();
        return 0;
    }

    private String queryText() throws IOException {
        Path file;
        try {
            file = Path.of(sparql);
        } catch (java.nio.file.InvalidPathException e) {
            return sparql;
        }
        if (sparql.length() < 4096 && Files.isRegularFile(file)) {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        return sparql;
    }
}
