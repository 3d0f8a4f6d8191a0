package dev.breachpath.load.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.breachpath.Breachpath;
import dev.breachpath.TestPaths;
import dev.breachpath.derive.Classification;
import dev.breachpath.graph.GraphFormat;
import dev.breachpath.load.InputReport;
import dev.breachpath.load.Loaded;
import dev.breachpath.load.Stage;
import dev.breachpath.policy.PolicyLoader;
import dev.breachpath.policy.Scanner;
import dev.breachpath.report.InputsWriter;
import dev.breachpath.report.ScanWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every folder of AWS data in ../shared/realdata, written by other projects, read as a snapshot:
 * each file is read, unrecognised or (two damaged files) refused, with its own report; no
 * element is lost to an internal error; the counts add up; no access key id of the inputs
 * appears whole in any output; the scan runs every policy. How many files of each folder are
 * read as what is pinned, so a change that stops recognising something shows here.
 */
class RealInventoryTest {
    private static final Pattern KEY_ID = Pattern.compile("(?:AKIA|ASIA)[A-Z2-7]{16}");

    /** Files read / unrecognised / refused, by folder. */
    private static final Map<String, int[]> COUNTS = Map.of(
            "aws-cli", new int[] {52, 69, 0},
            "cloudmapper", new int[] {25, 35, 0},
            "cartography", new int[] {0, 72, 0},
            "cloud-custodian", new int[] {267, 253, 0},
            "aws-config-developer-guide", new int[] {4, 13, 0},
            "aws-config-rdk", new int[] {75, 3, 2},
            "aws-config-resource-schema", new int[] {0, 21, 0},
            "IAMSpy", new int[] {14, 6, 0});

    /** Files that are damaged JSON in their source repositories: refused with a location. */
    private static final Set<String> DAMAGED = Set.of(
            "aws-config-rdk/rdk__template__example_ci__AWS_EC2_NetworkInterface.json",
            "aws-config-rdk/rdk__template__example_ci__AWS_SSM_ManagedInstanceInventory_Linux.json");

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everyFolder() {
        if (!TestPaths.hasShared()) {
            return TestPaths.skippedWithoutShared();
        }
        Path realdata = TestPaths.shared().resolve("realdata");
        List<DynamicTest> tests = new ArrayList<>();
        new TreeMap<>(COUNTS).forEach((folder, counts) ->
                tests.add(DynamicTest.dynamicTest(folder, () -> check(realdata, folder, counts))));
        return tests.stream();
    }

    private static void check(Path realdata, String folder, int[] counts) throws Exception {
        Path dir = realdata.resolve(folder);
        Loaded loaded = Breachpath.load(List.of(dir.toString()));
        TreeSet<String> files = new TreeSet<>();
        try (Stream<Path> all = Files.walk(dir)) {
            all.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .forEach(p -> files.add(p.toString()));
        }
        TreeSet<String> reported = new TreeSet<>();
        loaded.reports().forEach(r -> reported.add(r.path()));
        assertThat(reported).as("one report per file").isEqualTo(files);

        int read = 0;
        int unrecognised = 0;
        List<String> refused = new ArrayList<>();
        for (InputReport r : loaded.reports()) {
            if (r.isRefused()) {
                refused.add(realdata.relativize(Path.of(r.path())).toString());
                assertThat(r.error()).as("why %s is refused", r.path()).startsWith("line ");
            } else if (r.isUnrecognised()) {
                unrecognised++;
            } else {
                read++;
                assertThat(r.modelled() + r.unmodelledCount() + r.rejected().size()).as("counts of %s", r.path())
                        .isEqualTo(r.elements());
                for (InputReport.Rejection rejection : r.rejected()) {
                    assertThat(rejection.reason()).as("rejection in %s", r.path()).doesNotContain("internal error");
                }
            }
        }
        assertThat(refused).as("refused files").allMatch(DAMAGED::contains);
        assertThat(new int[] {read, unrecognised, refused.size()}).as("read, unrecognised, refused in %s", folder)
                .containsExactly(counts);

        Scanner.Result result = Breachpath.scan(loaded.graph(Stage.AFTER), Classification.defaults(), PolicyLoader.builtin(), 60_000);
        assertThat(result.errors()).as("policy errors").isEmpty();
        List<String> outputs = new ArrayList<>();
        outputs.add(InputsWriter.json(loaded.reports()));
        outputs.add(ScanWriter.json("test", loaded.reports(), result.findings(), result.errors()));
        for (Stage stage : Stage.values()) {
            ByteArrayOutputStream turtle = new ByteArrayOutputStream();
            GraphFormat.TURTLE.write(loaded.graph(stage).graph(), turtle);
            outputs.add(turtle.toString(StandardCharsets.UTF_8));
        }
        for (String key : keyIds(files)) {
            for (String output : outputs) {
                assertThat(output.contains(key)).as("an output holds the key id %s…", key.substring(0, 8)).isFalse();
            }
        }
    }

    /** Every access key id in the files. */
    private static Set<String> keyIds(Set<String> files) throws IOException {
        Set<String> out = new TreeSet<>();
        for (String f : files) {
            String text = new String(Files.readAllBytes(Path.of(f)), StandardCharsets.ISO_8859_1);
            Matcher m = KEY_ID.matcher(text);
            while (m.find()) {
                out.add(m.group());
            }
        }
        return out;
    }

    /**
     * Cartography's test data holds boto3 responses as module constants, not as files: each
     * constant that is an object becomes a file of its own, and the folder of them reads without a
     * refusal or an internal error, most of them as the responses they are.
     */
    @TestFactory
    Stream<DynamicTest> cartographyResponses() {
        if (!TestPaths.hasShared()) {
            return TestPaths.skippedWithoutShared();
        }
        return Stream.of(DynamicTest.dynamicTest("cartography constants", () -> {
            Path dir = TestPaths.shared().resolve("realdata/cartography");
            Path out = temp.resolve("cartography");
            Files.createDirectories(out);
            int written = 0;
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.sorted().toList()) {
                    JsonNode constants = new ObjectMapper().readTree(f.toFile()).path("constants");
                    for (var it = constants.fields(); it.hasNext(); ) {
                        var e = it.next();
                        if (e.getValue().isObject()) {
                            String name = f.getFileName().toString().replace(".json", "") + "__" + e.getKey() + ".json";
                            Files.writeString(out.resolve(name), e.getValue().toString());
                            written++;
                        }
                    }
                }
            }
            Loaded loaded = Breachpath.load(List.of(out.toString()));
            assertThat(loaded.reports()).hasSize(written);
            int read = 0;
            for (InputReport r : loaded.reports()) {
                assertThat(r.isRefused()).as("%s refused: %s", r.path(), r.error()).isFalse();
                if (!r.isUnrecognised()) {
                    read++;
                    assertThat(r.rejected()).as("rejections in %s", r.path())
                            .noneMatch(x -> x.reason().contains("internal error"));
                }
            }
            assertThat(read).as("responses read of %s written", written).isEqualTo(22);
            Scanner.Result result = Breachpath.scan(loaded.graph(Stage.AFTER), Classification.defaults(), PolicyLoader.builtin(), 60_000);
            assertThat(result.errors()).isEmpty();
        }));
    }
}
