package dev.breachpath.report;

import java.io.OutputStream;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.shared.PrefixMapping;

/** Writes the rows of a SPARQL SELECT. */
public enum QueryResultWriter {
    /** An aligned text table, with the vocabulary's prefixes abbreviating IRIs. */
    TABLE,
    /** The W3C SPARQL 1.1 JSON results format. */
    JSON,
    /** The W3C SPARQL 1.1 CSV results format. */
    CSV;

    /** Writes {@code rows}; does not close {@code out}. */
    public void write(ResultSetRewindable rows, PrefixMapping prefixes, OutputStream out) {
        rows.reset();
        switch (this) {
            case TABLE -> ResultSetFormatter.out(out, rows, prefixes);
            case JSON -> ResultSetFormatter.outputAsJSON(out, rows);
            case CSV -> ResultSetFormatter.outputAsCSV(out, rows);
        }
    }
}
