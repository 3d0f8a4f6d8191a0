package dev.breachpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The commands, run in-process as a user would run them. */
class MainTest {
    private static final String PASSWORD = "CanaryCliPassw0rd-DoNotLeak";
    private static final String KEY_ID = "AKIA2JQ7ZK4CLITESTKY";

    /** A small plan: a VPC, a subnet in it, an access key (no-op, known id) and a database with a sensitive password. */
    private static final String PLAN = """
            {"format_version": "1.2", "terraform_version": "1.9.8",
             "planned_values": {"root_module": {"resources": [
               {"address": "aws_vpc.main", "mode": "managed", "type": "aws_vpc", "name": "main",
                "values": {"cidr_block": "10.0.0.0/16"}},
               {"address": "aws_subnet.a", "mode": "managed", "type": "aws_subnet", "name": "a",
                "values": {"cidr_block": "10.0.1.0/24", "map_public_ip_on_launch": true}},
               {"address": "aws_iam_access_key.k", "mode": "managed", "type": "aws_iam_access_key", "name": "k",
                "values": {"id": "%2$s", "user": "u", "status": "Active", "secret": "x"}, "sensitive_values": {"secret": true}},
               {"address": "aws_db_instance.db", "mode": "managed", "type": "aws_db_instance", "name": "db",
                "values": {"identifier": "db", "password": "%1$s"}, "sensitive_values": {"password": true}},
               {"address": "null_resource.x", "mode": "managed", "type": "null_resource", "name": "x", "values": {}}]}},
             "resource_changes": [
               {"address": "aws_vpc.main", "mode": "managed", "type": "aws_vpc", "name": "main",
                "change": {"actions": ["create"], "before": null, "after": {"cidr_block": "10.0.0.0/16"}, "after_unknown": {"id": true}}},
               {"address": "aws_subnet.a", "mode": "managed", "type": "aws_subnet", "name": "a",
                "change": {"actions": ["create"], "before": null, "after": {"cidr_block": "10.0.1.0/24", "map_public_ip_on_launch": true},
                           "after_unknown": {"id": true, "vpc_id": true}}},
               {"address": "aws_iam_access_key.k", "mode": "managed", "type": "aws_iam_access_key", "name": "k",
                "change": {"actions": ["no-op"], "before": {"id": "%2$s", "user": "u", "status": "Active", "secret": "x"},
                           "after": {"id": "%2$s", "user": "u", "status": "Active", "secret": "x"}, "after_unknown": {},
                           "before_sensitive": {"secret": true}, "after_sensitive": {"secret": true}}},
               {"address": "aws_db_instance.db", "mode": "managed", "type": "aws_db_instance", "name": "db",
                "change": {"actions": ["create"], "before": null, "after": {"identifier": "db", "password": "%1$s"},
                           "after_unknown": {"id": true}, "after_sensitive": {"password": true}}},
               {"address": "null_resource.x", "mode": "managed", "type": "null_resource", "name": "x",
                "change": {"actions": ["create"], "before": null, "after": {}, "after_unknown": {"id": true}}}],
             "configuration": {"root_module": {"resources": [
               {"address": "aws_subnet.a", "mode": "managed", "type": "aws_subnet", "name": "a",
                "expressions": {"vpc_id": {"references": ["aws_vpc.main.id", "aws_vpc.main"]}}}]}}}
            """.formatted(PASSWORD, KEY_ID);

    @TempDir
    Path dir;
    Path plan;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writePlan() throws IOException {
        plan = Files.writeString(dir.resolve("plan.json"), PLAN);
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        assertThat(out.toString() + err.toString()).as("no secret in any output")
                .doesNotContain(PASSWORD).doesNotContain(KEY_ID);
        return code;
    }

    @Test
    void version() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("breachpath ").doesNotContain("unknown");
    }

    @ParameterizedTest
    @ValueSource(strings = {"inputs", "graph", "query", "iam", "scan", "policy"})
    void everyCommandHasHelp(String command) {
        assertThat(run(command, "--help")).isZero();
        assertThat(out.toString()).contains("Usage: breachpath " + command);
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("graph")).isEqualTo(2);
        assertThat(err.toString()).contains("no inputs: give a plan, a snapshot folder");
        assertThat(run("query", plan.toString())).isEqualTo(2);
        assertThat(run("inputs", "--format", "yaml", plan.toString())).isEqualTo(2);
    }

    @Test
    void inputsAsJsonCountEveryElement() throws IOException {
        assertThat(run("inputs", "--format", "json", plan.toString())).isZero();
        JsonNode input = new ObjectMapper().readTree(out.toString()).get("inputs").get(0);
        assertThat(input.get("path").asText()).isEqualTo(plan.toString());
        assertThat(input.get("format").asText()).isEqualTo("terraform-plan");
        assertThat(input.get("elements").asInt()).isEqualTo(5);
        assertThat(input.get("modelled").asInt()).isEqualTo(4);
        assertThat(input.get("unmodelled").get("null_resource").asInt()).isEqualTo(1);
        assertThat(input.get("rejected")).isEmpty();
    }

    @Test
    void anUnreadableInputIsReportedAndTheOthersStillAre() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"format_version\": \"1.2\", \"x\": " + PASSWORD + "}");
        assertThat(run("inputs", "--format", "json", bad.toString(), plan.toString())).isEqualTo(2);
        JsonNode inputs = new ObjectMapper().readTree(out.toString()).get("inputs");
        assertThat(inputs).hasSize(2);
        assertThat(inputs.get(0).get("error").asText()).startsWith("line 1, column 32: invalid JSON");
        assertThat(inputs.get(1).get("modelled").asInt()).isEqualTo(4);
        assertThat(err.toString().lines()).containsExactly("breachpath: " + bad + ": line 1, column 32: invalid JSON: unexpected character");
    }

    @Test
    void graphFailsWholeWhenAnInputCannotBeRead() {
        assertThat(run("graph", plan.toString(), dir.resolve("missing.json").toString())).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("missing.json: no such file").contains("1 of 2 inputs could not be read");
    }

    @Test
    void graphIsValidTurtleAndTheSameWhateverTheOrderOfInputs() throws IOException {
        Path other = Files.writeString(dir.resolve("other.json"),
                PLAN.replace("aws_", "aws_").replace("\"main\"", "\"second\"").replace("aws_vpc.main", "aws_vpc.second")
                        .replace("aws_subnet.a", "aws_subnet.b").replace("aws_iam_access_key.k", "aws_iam_access_key.k2")
                        .replace("aws_db_instance.db", "aws_db_instance.db2").replace("null_resource.x", "null_resource.y"));
        assertThat(run("graph", plan.toString(), other.toString())).isZero();
        String first = out.toString();
        assertThat(run("graph", other.toString(), plan.toString())).isZero();
        assertThat(out.toString()).isEqualTo(first);
        Graph g = GraphMemFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(first.getBytes(StandardCharsets.UTF_8))).lang(Lang.TURTLE).parse(g);
        assertThat(g.size()).isGreaterThan(20);
        assertThat(first).contains("\"AKIA…STKY\"").contains("bp:vpc").doesNotContain("\"x\"");
    }

    @Test
    void queryTableJsonAndCsv() {
        String q = "SELECT ?subnet ?vpc WHERE { ?subnet a bp:Subnet ; bp:vpc ?vpc }";
        assertThat(run("query", plan.toString(), "--sparql", q)).isZero();
        assertThat(out.toString()).contains("tf:aws_subnet.a").contains("tf:aws_vpc.main");
        assertThat(run("query", plan.toString(), "--sparql", q, "--format", "json")).isZero();
        assertThat(out.toString()).contains("\"vars\"").contains("https://breachpath.dev/tf/aws_vpc.main");
        assertThat(run("query", plan.toString(), "--sparql", q, "--format", "csv")).isZero();
        assertThat(out.toString().lines().findFirst()).hasValue("subnet,vpc");
        assertThat(run("query", plan.toString(), "--sparql", "ASK { ?x bp:mapPublicIpOnLaunch true }")).isZero();
        assertThat(out.toString().strip()).isEqualTo("true");
    }

    @Test
    void queryFromAFile() throws IOException {
        Path q = Files.writeString(dir.resolve("q.rq"), "SELECT ?a WHERE { ?r bp:address ?a }");
        assertThat(run("query", plan.toString(), "--sparql", q.toString(), "--format", "csv")).isZero();
        assertThat(out.toString().lines()).hasSize(6);
    }

    @Test
    void aBadQueryIsOneLine() {
        assertThat(run("query", plan.toString(), "--sparql", "SELECT ?a WHERE { ?r bp:address }")).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(1).allMatch(l -> l.startsWith("breachpath: the SPARQL query is not valid: line 1"));
        assertThat(run("query", plan.toString(), "--sparql", "SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }")).isEqualTo(2);
        assertThat(err.toString()).contains("SERVICE");
    }

    @Test
    void theBeforeStage() {
        assertThat(run("query", plan.toString(), "--stage", "before", "--sparql",
                "SELECT ?a WHERE { ?r bp:address ?a }", "--format", "csv")).isZero();
        assertThat(out.toString().lines()).containsExactly("a", "aws_iam_access_key.k");
    }
}
