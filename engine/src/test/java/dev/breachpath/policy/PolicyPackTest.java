package dev.breachpath.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breachpath.PolicyTests;
import dev.breachpath.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The built-in pack: every policy's own test cases pass, and the packaged index lists every policy folder. */
class PolicyPackTest {
    private static final Path PACK = TestPaths.root().resolve("policies");

    @TestFactory
    Stream<DynamicTest> everyCaseOfEveryBuiltInPolicy() throws Exception {
        List<PolicyTests.Outcome> outcomes = new PolicyTests().run(PACK);
        assertThat(outcomes).hasSizeGreaterThan(10);
        return outcomes.stream().map(o -> DynamicTest.dynamicTest(o.policy() + " " + PACK.relativize(Path.of(o.file())), () -> {
            assertThat(o.missing()).as("findings missing").isEmpty();
            assertThat(o.unexpected()).as("findings not expected").isEmpty();
        }));
    }

    @Test
    void theIndexListsEveryPolicyFolderAndEachLoads() throws Exception {
        TreeSet<String> folders = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(PACK)) {
            dirs.filter(d -> Files.isRegularFile(d.resolve("policy.yaml"))).forEach(d -> folders.add(d.getFileName().toString()));
        }
        TreeSet<String> indexed = new TreeSet<>(Files.readAllLines(PACK.resolve("index.txt")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
        assertThat(indexed).isEqualTo(folders);
        assertThat(PolicyLoader.builtin()).extracting(Policy::id).containsExactlyElementsOf(folders);
        assertThat(PolicyLoader.directory(PACK)).extracting(Policy::id).containsExactlyElementsOf(folders);
    }
}
