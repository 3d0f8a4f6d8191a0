package dev.breachpath.load.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.breachpath.Breachpath;
import dev.breachpath.TestPaths;
import dev.breachpath.load.InputReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever shape a plan takes, reading it ends in a report: read with counts that add up, or
 * refused in one line. Random structural mutations of the fixture plans (any value replaced by
 * one of another type) must never make the loader throw.
 */
class PlanMutationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<JsonNode> REPLACEMENTS = List.of(F.nullNode(), F.numberNode(7), F.textNode("x"),
            F.arrayNode(), F.objectNode(), F.booleanNode(true), F.arrayNode().add(F.numberNode(1)).add(F.nullNode()),
            F.objectNode().put("a", 1).set("b", F.objectNode().put("address", 3)));

    @Property(tries = 500)
    void anyMutationEndsInAReport(@ForAll("plans") String plan, @ForAll @IntRange(min = 0, max = 100_000) int where,
                                  @ForAll @IntRange(min = 0, max = 8) int replacement,
                                  @ForAll @IntRange(min = 1, max = 3) int mutations) throws IOException {
        JsonNode root = JSON.readTree(TestPaths.fixtures().resolve("terraform").resolve(plan).resolve("plan.json").toFile());
        for (int m = 0; m < mutations; m++) {
            List<JsonPointer> pointers = new ArrayList<>();
            collect(root, JsonPointer.empty(), pointers);
            JsonPointer target = pointers.get((where + m * 7919) % pointers.size());
            // The last choice copies another subtree of the same plan into the place: a section
            // where a resource belongs, a list where a string belongs.
            JsonNode value = replacement == 8 ? root.at(pointers.get((where / 3 + m) % pointers.size())).deepCopy()
                    : REPLACEMENTS.get((replacement + m) % REPLACEMENTS.size());
            mutate(root, target, value);
        }
        Path file = Files.createTempFile("mutated", ".json");
        try {
            JSON.writeValue(file.toFile(), root);
            InputReport report = Breachpath.load(List.of(file.toString())).reports().get(0);
            if (report.isRefused()) {
                assertThat(report.error()).doesNotContain("\n").doesNotContain("internal error");
            } else {
                assertThat(report.modelled() + report.unmodelledCount() + report.rejected().size()).isEqualTo(report.elements());
                assertThat(report.rejected()).noneMatch(r -> r.reason().contains("internal error"));
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Provide
    Arbitrary<String> plans() {
        return Arbitraries.of("imperva", "modules", "lifecycle", "kinds");
    }

    private static void collect(JsonNode node, JsonPointer at, List<JsonPointer> out) {
        if (!at.matches()) {
            out.add(at);
        }
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> collect(node.get(name), at.appendProperty(name), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), at.appendIndex(i), out);
            }
        }
    }

    private static void mutate(JsonNode root, JsonPointer at, JsonNode value) {
        JsonNode parent = root.at(at.head());
        String last = at.last().getMatchingProperty();
        if (parent instanceof ObjectNode o) {
            o.set(last, value.deepCopy());
        } else if (parent instanceof ArrayNode a) {
            a.set(at.last().getMatchingIndex(), value.deepCopy());
        }
    }
}
