package dev.breachpath.load.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.breachpath.Breachpath;
import dev.breachpath.derive.Classification;
import dev.breachpath.policy.PolicyLoader;
import dev.breachpath.policy.Scanner;
import dev.breachpath.report.ScanWriter;
import dev.breachpath.TestPaths;
import dev.breachpath.graph.GraphFormat;
import dev.breachpath.load.InputReport;
import dev.breachpath.load.Loaded;
import dev.breachpath.load.Stage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every real plan in ../shared/realdata (see its README and manifest.tsv) either reads with
 * counts that add up to the elements a plain walk of the JSON finds, or is one of the
 * deliberately broken files and is refused in one line. No exception escapes, no element is
 * rejected for an internal error, and no sensitive value or whole key id reaches the graph.
 */
class RealPlansTest {
    private static final Pattern KEY_ID = Pattern.compile("(?:AKIA|ASIA)[A-Z0-9]{16}");

    @TestFactory
    Stream<DynamicTest> everyRealPlan() throws IOException {
        if (!TestPaths.hasShared()) {
            return TestPaths.skippedWithoutShared();
        }
        Path realdata = TestPaths.shared().resolve("realdata");
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : Files.readAllLines(realdata.resolve("manifest.tsv"))) {
            String[] f = line.split("\t", -1);
            if (f.length < 12 || !f[5].equals("tfplan")) {
                continue;
            }
            Path file = realdata.resolve(f[0]);
            boolean broken = f[11].contains("STATE JSON") || f[11].contains("NOT-PLAIN-JSON");
            tests.add(DynamicTest.dynamicTest(f[0], () -> check(file, broken)));
        }
        assertThat(tests).hasSizeGreaterThan(200);
        return tests.stream();
    }

    private static void check(Path file, boolean broken) throws Exception {
        Loaded loaded = Breachpath.load(List.of(file.toString()));
        InputReport report = loaded.reports().get(0);
        if (broken) {
            assertThat(report.isRefused()).as("a broken file is refused").isTrue();
            assertThat(report.error()).doesNotContain("\n").hasSizeLessThan(300);
            return;
        }
        assertThat(report.error()).as("refusal").isNull();
        JsonNode plan = new ObjectMapper().readTree(file.toFile());
        assertThat(report.elements()).as("elements").isEqualTo(elements(plan).size());
        assertThat(report.modelled() + report.unmodelledCount() + report.rejected().size()).isEqualTo(report.elements());
        assertThat(report.rejected()).as("rejections").noneMatch(r -> r.reason().contains("internal error"));

        String text = Files.readString(file, StandardCharsets.UTF_8);
        Set<String> secrets = sensitiveStrings(plan);
        for (Stage stage : Stage.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            GraphFormat.NTRIPLES.write(loaded.graph(stage).graph(), out);
            String graph = out.toString(StandardCharsets.UTF_8);
            for (String secret : secrets) {
                assertThat(graph.contains(secret)).as("the %s graph holds a sensitive value (%d characters) in: %s",
                        stage, secret.length(), subjectHolding(graph, secret)).isFalse();
            }
            Matcher keys = KEY_ID.matcher(text);
            while (keys.find()) {
                assertThat(graph.contains(keys.group())).as("the %s graph holds a whole key id in: %s",
                        stage, subjectHolding(graph, keys.group())).isFalse();
            }
        }
        scan(loaded, secrets, text);
    }

    /** Scans the plan with the built-in pack: no policy fails, and no sensitive value or key id reaches the report. */
    private static void scan(Loaded loaded, Set<String> secrets, String text) throws Exception {
        Scanner.Result result = Breachpath.scan(loaded.graph(Stage.AFTER), Classification.defaults(), PolicyLoader.builtin(), 60_000);
        assertThat(result.errors()).as("policy errors").isEmpty();
        String report = ScanWriter.text(loaded.reports(), result.findings(), result.errors())
                + ScanWriter.json("test", loaded.reports(), result.findings(), result.errors());
        for (String secret : secrets) {
            assertThat(report.contains(secret)).as("the report holds a sensitive value (%d characters)", secret.length()).isFalse();
        }
        Matcher keys = KEY_ID.matcher(text);
        while (keys.find()) {
            assertThat(report.contains(keys.group())).as("the report holds a whole key id").isFalse();
        }
    }

    private static String subjectHolding(String ntriples, String secret) {
        return ntriples.lines().filter(l -> l.contains(secret)).map(l -> l.substring(0, l.indexOf('>') + 1))
                .findFirst().orElse("");
    }

    /** Every element, counted as the issue defines it: an address in any of the four sections. */
    static Set<String> elements(JsonNode plan) {
        Set<String> addresses = new HashSet<>();
        module(plan.path("planned_values").path("root_module"), addresses);
        module(plan.path("prior_state").path("values").path("root_module"), addresses);
        plan.path("resource_changes").forEach(rc -> addresses.add(rc.path("address").asText()));
        plan.path("deferred_changes").forEach(d -> addresses.add(d.path("resource_change").path("address").asText()));
        return addresses;
    }

    private static void module(JsonNode module, Set<String> addresses) {
        module.path("resources").forEach(r -> addresses.add(r.path("address").asText()));
        module.path("child_modules").forEach(c -> module(c, addresses));
    }

    /** String values the plan marks sensitive, and values of sensitive variables, of 8 characters or more. */
    private static Set<String> sensitiveStrings(JsonNode plan) {
        Set<String> out = new HashSet<>();
        for (JsonNode rc : plan.path("resource_changes")) {
            JsonNode change = rc.path("change");
            collect(change.path("after"), change.path("after_sensitive"), false, out);
            collect(change.path("before"), change.path("before_sensitive"), false, out);
        }
        plan.path("configuration").path("root_module").path("variables").fields().forEachRemaining(v -> {
            if (v.getValue().path("sensitive").asBoolean(false)) {
                collect(plan.path("variables").path(v.getKey()).path("value"), null, true, out);
            }
        });
        out.removeIf(s -> s.length() < 8);
        return out;
    }

    private static void collect(JsonNode value, JsonNode mask, boolean sensitive, Set<String> out) {
        boolean here = sensitive || mask != null && mask.isBoolean() && mask.booleanValue();
        if (value.isTextual() && here) {
            out.add(value.asText());
        } else if (value.isObject()) {
            value.fields().forEachRemaining(e -> collect(e.getValue(), mask == null ? null : mask.get(e.getKey()), here, out));
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                collect(value.get(i), mask == null ? null : mask.get(i), here, out);
            }
        }
    }
}
