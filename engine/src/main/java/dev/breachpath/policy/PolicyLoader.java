package dev.breachpath.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breachpath.graph.BP;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;

/**
 * Reads policies from YAML and checks them whole before anything runs: unknown keys, missing or
 * wrong values and SPARQL that does not parse (or would reach outside the graph) are refused with
 * one line naming the file and line.
 */
public final class PolicyLoader {
    /** The classpath folder of the built-in pack; {@code index.txt} there lists its policies. */
    public static final String BUILTIN = "/policies/";

    private static final Set<String> KEYS = Set.of("id", "title", "severity", "description", "remediation", "references", "query", "path",
            "parameters");
    private static final Set<String> PATH_KEYS = Set.of("from", "to", "relations", "max-hops");
    /** The relations a path policy may name. */
    public static final List<Node> RELATIONS = List.of(BP.holdsCredential, BP.identifies, BP.runsAs, BP.canAssume, BP.canBecome, BP.canEmpower,
            BP.canAccess, BP.exposedTo);

    private PolicyLoader() {}

    /** The built-in policy pack. */
    public static List<Policy> builtin() throws PolicyException {
        List<Policy> out = new ArrayList<>();
        for (String id : resource(BUILTIN + "index.txt").lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            String file = BUILTIN + id + "/policy.yaml";
            out.add(parse(Yaml.parse("builtin:" + id + "/policy.yaml", resource(file)), id));
        }
        return out;
    }

    /**
     * The policies under {@code dir}: each folder that holds a {@code policy.yaml} (the folder may be
     * {@code dir} itself), in order of path.
     */
    public static List<Policy> directory(Path dir) throws PolicyException {
        List<Policy> out = new ArrayList<>();
        for (Path file : policyFiles(dir)) {
            out.add(parse(Yaml.read(file), file.getParent().getFileName().toString()));
        }
        return out;
    }

    /** The {@code policy.yaml} files under {@code dir}, sorted. */
    public static List<Path> policyFiles(Path dir) throws PolicyException {
        if (!Files.isDirectory(dir)) {
            throw new PolicyException(dir + ": not a directory of policies");
        }
        try (Stream<Path> files = Files.walk(dir, 3)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().equals("policy.yaml")).sorted().toList();
            if (found.isEmpty()) {
                throw new PolicyException(dir + ": no policy.yaml in it or its folders");
            }
            return found;
        } catch (IOException e) {
            throw new PolicyException(dir + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Checks one policy file whose folder is named {@code folder}. */
    public static Policy parse(Yaml y, String folder) throws PolicyException {
        JsonNode root = y.root();
        if (root == null || !root.isObject()) {
            throw new PolicyException(y.file() + ": expected a mapping with id, title, severity and query or path");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw y.error(key, "unknown key " + key + " (expected " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        String id = text(y, root, "id", true);
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw y.error("id", "id must be lower-case letters, digits and dashes");
        }
        if (!id.equals(folder)) {
            throw y.error("id", "id " + id + " differs from its folder name " + folder);
        }
        String title = text(y, root, "title", true);
        String sev = text(y, root, "severity", true);
        Severity severity = Severity.parse(sev).orElseThrow(() -> y.error("severity", "severity must be one of critical, high, medium, low, info"));
        String description = text(y, root, "description", false);
        String remediation = text(y, root, "remediation", false);
        List<String> references = new ArrayList<>();
        JsonNode refs = root.get("references");
        if (refs != null) {
            if (!refs.isArray()) {
                throw y.error("references", "references must be a list of links");
            }
            refs.forEach(r -> references.add(r.asText()));
        }
        boolean hasQuery = root.has("query"), hasPath = root.has("path");
        if (hasQuery == hasPath) {
            throw new PolicyException(y.file() + ": a policy has either query or path (exactly one)");
        }
        if (hasQuery) {
            SparqlQuery q = sparql(y, "query", text(y, root, "query", true));
            if (!q.query().isSelectType() || !q.query().getResultVars().contains("resource")) {
                throw y.error("query", "query must be a SELECT with ?resource");
            }
            return new Policy(id, title, severity, description, remediation, List.copyOf(references), q, null, y.file(),
                    parameters(y, root));
        }
        JsonNode path = root.get("path");
        if (!path.isObject()) {
            throw y.error("path", "path must be a mapping with from, to, relations and max-hops");
        }
        for (Iterator<String> it = path.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!PATH_KEYS.contains(key)) {
                throw y.error("path." + key, "unknown key path." + key + " (expected from, to, relations, max-hops)");
            }
        }
        SparqlQuery from = pattern(y, "path.from", text(y, path, "from", true, "path.from"), "source");
        SparqlQuery to = pattern(y, "path.to", text(y, path, "to", true, "path.to"), "target");
        JsonNode rels = path.get("relations");
        if (rels == null || !rels.isArray() || rels.isEmpty()) {
            throw y.error("path", "path.relations must list the relations a path may use");
        }
        List<Node> relations = new ArrayList<>();
        for (JsonNode r : rels) {
            Node rel = RELATIONS.stream().filter(n -> n.getLocalName().equals(r.asText())).findFirst()
                    .orElseThrow(() -> y.error("path.relations", "unknown relation " + r.asText() + " (expected "
                            + String.join(", ", RELATIONS.stream().map(Node::getLocalName).toList()) + ")"));
            relations.add(rel);
        }
        JsonNode hops = path.get("max-hops");
        if (hops == null || !hops.canConvertToInt() || hops.asInt() < 1 || hops.asInt() > 16) {
            throw y.error(hops == null ? "path" : "path.max-hops", "path.max-hops must be a number from 1 to 16");
        }
        return new Policy(id, title, severity, description, remediation, List.copyOf(references), null,
                new Policy.PathSpec(from, to, List.copyOf(relations), hops.asInt()), y.file(), parameters(y, root));
    }

    /**
     * {@code parameters}: names (lower case, digits and underscores) with default values
     * (numbers, booleans or text), read by the queries as variables of the same names.
     */
    private static java.util.SortedMap<String, org.apache.jena.graph.Node> parameters(Yaml y, JsonNode root) throws PolicyException {
        java.util.SortedMap<String, org.apache.jena.graph.Node> out = new java.util.TreeMap<>();
        JsonNode params = root.get("parameters");
        if (params == null || params.isNull()) {
            return java.util.Collections.unmodifiableSortedMap(out);
        }
        if (!params.isObject()) {
            throw y.error("parameters", "parameters must be a mapping of names to default values");
        }
        for (var it = params.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getKey().matches("[a-z][a-z0-9_]*") || e.getKey().equals("now")) {
                throw y.error("parameters", "parameter " + e.getKey() + ": names are lower-case letters, digits and underscores (and not now)");
            }
            org.apache.jena.graph.Node value = Settings.literal(e.getValue());
            if (value == null) {
                throw y.error("parameters", "parameter " + e.getKey() + ": the default must be a number, true or false, or text");
            }
            out.put(e.getKey(), value);
        }
        return java.util.Collections.unmodifiableSortedMap(out);
    }

    private static SparqlQuery pattern(Yaml y, String key, String body, String var) throws PolicyException {
        SparqlQuery q = sparql(y, key, "SELECT DISTINCT ?" + var + " WHERE {\n" + body + "\n}");
        return q;
    }

    private static SparqlQuery sparql(Yaml y, String key, String text) throws PolicyException {
        try {
            return SparqlQuery.parse(text);
        } catch (QueryException e) {
            throw y.error(key, key + ": " + e.getMessage());
        }
    }

    private static String text(Yaml y, JsonNode node, String key, boolean required) throws PolicyException {
        return text(y, node, key, required, key);
    }

    private static String text(Yaml y, JsonNode node, String key, boolean required, String where) throws PolicyException {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                throw new PolicyException(y.file() + ": " + where + " is required");
            }
            return "";
        }
        if (!v.isTextual() || (required && v.asText().isBlank())) {
            throw y.error(where, where + " must be text");
        }
        return v.asText().strip();
    }

    private static String resource(String name) throws PolicyException {
        try (InputStream in = PolicyLoader.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new PolicyException("built-in policy pack: " + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PolicyException("built-in policy pack: " + name + " cannot be read");
        }
    }

}
