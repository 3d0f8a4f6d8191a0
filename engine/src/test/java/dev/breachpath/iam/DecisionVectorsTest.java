package dev.breachpath.iam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.breachpath.TestPaths;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The IAM decision vectors of ../shared/iam-vectors, one test each: every case must agree with
 * its expected answer, except those marked disputed, which are reported and must still evaluate.
 */
class DecisionVectorsTest {
    static List<DecisionCase> cases() throws IOException, PolicyException {
        List<DecisionCase> out = new ArrayList<>();
        for (String set : List.of("aws-docs", "iamspy")) {
            Path file = TestPaths.sharedLocation().resolve("iam-vectors").resolve(set).resolve("decision-cases.json");
            out.addAll(DecisionCase.readAll(new ObjectMapper().readTree(file.toFile())));
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyVectorAgrees() throws Exception {
        if (!TestPaths.hasShared()) {
            return TestPaths.skippedWithoutShared();
        }
        List<DecisionCase> cases = cases();
        assertThat(cases).hasSizeGreaterThan(190);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> {
            Evaluation e = c.evaluate();
            if (c.disputed() != null) {
                System.out.println("disputed " + c.id() + ": expected " + c.expected() + ", we say " + e.decision()
                        + " (" + e.reason() + ")");
                return;
            }
            assertThat(c.agrees(e)).as("%s: %s; we say %s %s (%s)", c.id(), c.expected() + "/" + c.detail(), e.decision(),
                    e.detail(), e.reason()).isTrue();
        }));
    }
}
