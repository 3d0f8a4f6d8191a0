package dev.breachpath.derive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breachpath.Breachpath;
import dev.breachpath.TestPaths;
import dev.breachpath.graph.BP;
import dev.breachpath.graph.FactGraph;
import dev.breachpath.graph.Iris;
import dev.breachpath.load.Stage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data access on variations of the Capital One plan: what a role's statement must say to reach the bucket. */
class AccessTest {
    private static final Node ROLE = Iris.terraform("aws_iam_role.waf");
    private static final Node BUCKET = Iris.terraform("aws_s3_bucket.applications");

    private static FactGraph derived(Path dir, String from, String to) throws Exception {
        String plan = Files.readString(TestPaths.fixtures().resolve("terraform/capital-one/plan.json"));
        assertThat(plan).contains(from);
        Path file = dir.resolve("plan.json");
        Files.writeString(file, plan.replace(from, to));
        FactGraph graph = Breachpath.load(List.of(file.toString())).graph(Stage.AFTER);
        Breachpath.derive(graph, Classification.defaults());
        return graph;
    }

    @Test
    void readingSomeObjectsIsReadingTheBucket(@TempDir Path dir) throws Exception {
        FactGraph g = derived(dir, "\\\"arn:aws:s3:::acme-customer-applications\\\",\\\"arn:aws:s3:::acme-customer-applications/*\\\"",
                "\\\"arn:aws:s3:::acme-customer-applications/exports/*\\\"");
        assertThat(g.contains(ROLE, BP.canAccess, BUCKET)).isTrue();
    }

    @Test
    void anotherBucketIsNotThisOne(@TempDir Path dir) throws Exception {
        FactGraph g = derived(dir, "arn:aws:s3:::acme-customer-applications", "arn:aws:s3:::acme-customer-applications-archive");
        assertThat(g.contains(ROLE, BP.canAccess, BUCKET)).isFalse();
    }

    @Test
    void aConditionMakesTheAccessPossible(@TempDir Path dir) throws Exception {
        FactGraph g = derived(dir, "\\\"Sid\\\":\\\"ReadApplications\\\",",
                "\\\"Sid\\\":\\\"ReadApplications\\\",\\\"Condition\\\":{\\\"IpAddress\\\":{\\\"aws:SourceIp\\\":\\\"10.0.0.0/8\\\"}},");
        assertThat(g.contains(ROLE, BP.canAccess, BUCKET)).isTrue();
        var witness = g.graph().find(ROLE, BP.witness, Node.ANY).mapWith(t -> t.getObject())
                .filterKeep(w -> g.contains(w, BP.to, BUCKET)).next();
        assertThat(g.contains(witness, BP.certainty, FactGraph.stringLiteral("possible"))).isTrue();
    }
}
