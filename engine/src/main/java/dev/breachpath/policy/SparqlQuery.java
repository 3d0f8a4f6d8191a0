package dev.breachpath.policy;

import dev.breachpath.graph.GraphFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.query.Syntax;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpPropFunc;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.util.Context;

/**
 * A SPARQL query that is safe to run over the fact graph: parsed with the vocabulary's prefixes
 * predeclared, and refused if it would reach outside the graph ({@code SERVICE}, {@code FROM}) or
 * call functions outside the standard libraries (Jena resolves {@code java:} function IRIs by
 * loading classes). It runs with a timeout, and the rows of a {@code SELECT} without
 * {@code ORDER BY} are sorted, so results are the same on every run.
 */
public final class SparqlQuery {
    private static final Set<String> FUNCTION_NAMESPACES = Set.of(
            "http://www.w3.org/2001/XMLSchema#",
            "http://www.w3.org/2005/xpath-functions#",
            "http://www.w3.org/2005/xpath-functions/math#",
            "http://jena.apache.org/ARQ/function#");

    static {
        ARQ.init();
        // No outbound HTTP from any query, whatever a query says.
        ARQ.getContext().set(ARQ.httpServiceAllowed, false);
    }

    private final Query query;

    private SparqlQuery(Query query) {
        this.query = query;
    }

    /**
     * Parses and vets a query.
     *
     * @throws QueryException naming the line and column of a syntax error, or the refused feature
     */
    public static SparqlQuery parse(String text) throws QueryException {
        Query query = new Query();
        query.setPrefixMapping(prefixes());
        try {
            QueryFactory.parse(query, text, null, Syntax.syntaxSPARQL_11);
        } catch (QueryParseException e) {
            String where = e.getLine() > 0 ? "line " + e.getLine() + ", column " + e.getColumn() + ": " : "";
            throw new QueryException("the SPARQL query is not valid: " + where + firstLine(e.getMessage()));
        }
        if (!query.getGraphURIs().isEmpty() || !query.getNamedGraphURIs().isEmpty()) {
            throw new QueryException("the SPARQL query reads other graphs (FROM); it may read only the fact graph");
        }
        if (query.getQueryPattern() != null) {
            vet(query);
        }
        return new SparqlQuery(query);
    }

    /** The parsed query. */
    public Query query() {
        return query;
    }

    /** The vocabulary's prefixes as a Jena prefix mapping. */
    public static PrefixMapping prefixes() {
        PrefixMapping mapping = PrefixMapping.Factory.create();
        GraphFormat.prefixes().forEach(mapping::setNsPrefix);
        return mapping;
    }

    /**
     * Runs a {@code SELECT} and returns its rows, sorted unless the query orders them.
     *
     * @throws QueryException if it is not a SELECT, or runs out of time
     */
    public ResultSetRewindable select(Graph graph, long timeoutMillis) throws QueryException {
        return select(graph, timeoutMillis, java.util.Map.of());
    }

    /**
     * Runs a {@code SELECT} with variables bound beforehand (a policy's {@code ?now} and
     * parameters), and returns its rows, sorted unless the query orders them.
     */
    public ResultSetRewindable select(Graph graph, long timeoutMillis, java.util.Map<String, org.apache.jena.graph.Node> initial)
            throws QueryException {
        if (!query.isSelectType()) {
            throw new QueryException("expected a SELECT query");
        }
        try (QueryExecution execution = execution(graph, timeoutMillis, initial)) {
            ResultSet rows = execution.execSelect();
            List<String> vars = rows.getResultVars();
            List<Binding> bindings = new ArrayList<>();
            while (rows.hasNext()) {
                bindings.add(rows.nextBinding());
            }
            if (!query.hasOrderBy()) {
                bindings.sort(this::compareRows);
            }
            return ResultSetFactory.makeRewindable(RowSetStream.create(Var.varList(vars), bindings.iterator()));
        } catch (QueryCancelledException e) {
            throw new QueryException("the SPARQL query did not finish within " + timeoutMillis / 1000.0 + " s");
        }
    }

    /** Runs an {@code ASK}. */
    public boolean ask(Graph graph, long timeoutMillis) throws QueryException {
        if (!query.isAskType()) {
            throw new QueryException("expected an ASK query");
        }
        try (QueryExecution execution = execution(graph, timeoutMillis)) {
            return execution.execAsk();
        } catch (QueryCancelledException e) {
            throw new QueryException("the SPARQL query did not finish within " + timeoutMillis / 1000.0 + " s");
        }
    }

    /** Runs a {@code CONSTRUCT} or {@code DESCRIBE}. */
    public Graph construct(Graph graph, long timeoutMillis) throws QueryException {
        if (!query.isConstructType() && !query.isDescribeType()) {
            throw new QueryException("expected a CONSTRUCT or DESCRIBE query");
        }
        try (QueryExecution execution = execution(graph, timeoutMillis)) {
            return (query.isConstructType() ? execution.execConstruct() : execution.execDescribe()).getGraph();
        } catch (QueryCancelledException e) {
            throw new QueryException("the SPARQL query did not finish within " + timeoutMillis / 1000.0 + " s");
        }
    }

    private QueryExecution execution(Graph graph, long timeoutMillis) {
        return execution(graph, timeoutMillis, java.util.Map.of());
    }

    private QueryExecution execution(Graph graph, long timeoutMillis, java.util.Map<String, org.apache.jena.graph.Node> bindings) {
        Context context = ARQ.getContext().copy();
        context.set(ARQ.httpServiceAllowed, false);
        var model = ModelFactory.createModelForGraph(graph);
        var builder = QueryExecution.create()
                .query(query)
                .model(model)
                .context(context)
                .timeout(timeoutMillis, TimeUnit.MILLISECONDS);
        new java.util.TreeMap<>(bindings).forEach((name, value) -> builder.substitution(name, model.asRDFNode(value)));
        return builder.build();
    }

    private int compareRows(Binding a, Binding b) {
        for (String var : query.getResultVars()) {
            Var v = Var.alloc(var);
            int c = compareNodes(a.get(v), b.get(v));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int compareNodes(Node x, Node y) {
        if (x == null || y == null) {
            return x == null ? (y == null ? 0 : -1) : 1;
        }
        return NodeFmtLib.strNT(x).compareTo(NodeFmtLib.strNT(y));
    }

    private static void vet(Query query) throws QueryException {
        List<String> refused = new ArrayList<>();
        Op op = Algebra.compile(query);
        Walker.walk(op, new OpVisitorBase() {
            @Override
            public void visit(OpService service) {
                refused.add("SERVICE");
            }

            @Override
            public void visit(OpBGP bgp) {
                bgp.getPattern().forEach(t -> checkPredicate(t.getPredicate(), refused));
            }

            @Override
            public void visit(OpPath path) {
                checkPredicate(path.getTriplePath().getPredicate(), refused);
            }

            @Override
            public void visit(OpPropFunc function) {
                refused.add("the property function <" + function.getProperty().getURI() + ">");
            }
        }, new ExprVisitorBase() {
            @Override
            public void visit(ExprFunctionN f) {
                if (f instanceof E_Function call && !allowedFunction(call.getFunctionIRI())) {
                    refused.add("the function <" + call.getFunctionIRI() + ">");
                }
            }
        });
        if (!refused.isEmpty()) {
            throw new QueryException("the SPARQL query uses " + refused.get(0)
                    + ", which breachpath does not run: queries may read only the fact graph");
        }
    }

    private static void checkPredicate(Node p, List<String> refused) {
        if (p != null && p.isURI() && p.getURI().startsWith("java:")) {
            refused.add("a java: property function");
        }
    }

    private static boolean allowedFunction(String iri) {
        return FUNCTION_NAMESPACES.stream().anyMatch(iri::startsWith);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

}
