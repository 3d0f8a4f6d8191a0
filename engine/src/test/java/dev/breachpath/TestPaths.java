package dev.breachpath;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where tests find the project's fixtures and the shared real inputs beside the project. */
public final class TestPaths {
    private TestPaths() {}

    /** The project root (set by Maven; else found from the working directory). */
    public static Path root() {
        String configured = System.getProperty("breachpath.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("fixtures")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the project root from " + start);
    }

    /** The project's fixtures. */
    public static Path fixtures() {
        return root().resolve("fixtures");
    }

    /**
     * {@code ../shared} beside the project (or {@code $BREACHPATH_SHARED}); skips the calling test
     * with a clear message when it is absent, as in a user's fresh clone.
     */
    public static Path shared() {
        Path shared = sharedLocation();
        assumeTrue(Files.isDirectory(shared.resolve("realdata")), sharedAbsent());
        return shared;
    }

    /** Where ../shared is looked for. */
    public static Path sharedLocation() {
        String env = System.getenv("BREACHPATH_SHARED");
        return env != null ? Path.of(env) : root().resolveSibling("shared");
    }

    /** Whether ../shared is there. */
    public static boolean hasShared() {
        return Files.isDirectory(sharedLocation().resolve("realdata"));
    }

    /** Why tests that need ../shared are skipped. */
    public static String sharedAbsent() {
        return "skipped: " + sharedLocation() + " is absent; the shared real inputs are beside the project only in CI"
                + " and the team's machines (set BREACHPATH_SHARED to point elsewhere)";
    }

    /**
     * For a {@code @TestFactory} over ../shared: one test that is skipped with the reason, since
     * an assumption that fails in a factory reports nothing at all.
     */
    public static java.util.stream.Stream<org.junit.jupiter.api.DynamicTest> skippedWithoutShared() {
        return java.util.stream.Stream.of(org.junit.jupiter.api.DynamicTest.dynamicTest("real inputs in ../shared",
                () -> assumeTrue(false, sharedAbsent())));
    }
}
