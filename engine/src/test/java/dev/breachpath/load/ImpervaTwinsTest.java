package dev.breachpath.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breachpath.Breachpath;
import dev.breachpath.TestPaths;
import dev.breachpath.derive.Classification;
import dev.breachpath.policy.Finding;
import dev.breachpath.policy.PolicyLoader;
import dev.breachpath.policy.Scanner;
import dev.breachpath.policy.Settings;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The Imperva chain as planned and as deployed are one scenario read from two front ends: the
 * plan's findings are the snapshot's, policy for policy and hop for hop; the snapshot adds only
 * what a plan cannot know, ages.
 */
class ImpervaTwinsTest {
    private static final Settings AS_OF = new Settings(Settings.time("2019-10-01").orElseThrow(), Map.of());

    private static Map<String, List<String>> findings(String input) throws Exception {
        Loaded loaded = Breachpath.load(List.of(TestPaths.fixtures().resolve(input).toString()));
        Scanner.Result result = Breachpath.scan(loaded.graph(Stage.AFTER), Classification.defaults(), PolicyLoader.builtin(),
                60_000, AS_OF);
        assertThat(result.errors()).isEmpty();
        Map<String, List<String>> out = new TreeMap<>();
        for (Finding f : result.findings()) {
            List<String> hops = f.path().stream().map(s -> s.type() + (s.relation() == null ? "" : " " + s.relation())).toList();
            out.computeIfAbsent(f.policy().id(), k -> new java.util.ArrayList<>()).add(String.join(" > ", hops));
        }
        return out;
    }

    @Test
    void thePlanAndTheDeployedAccountGiveTheSamePaths() throws Exception {
        Map<String, List<String>> planned = findings("terraform/imperva/plan.json");
        Map<String, List<String>> deployed = findings("inventory/imperva/snapshot");
        assertThat(planned).isNotEmpty().containsKey("exposed-credential-reaches-data");
        planned.forEach((policy, paths) -> assertThat(deployed.get(policy)).as(policy).isEqualTo(paths));
        assertThat(deployed.keySet()).containsExactlyInAnyOrder(
                "exposed-credential-reaches-data", "embedded-credential", "admin-port-open-to-world",
                "access-key-too-old", "stale-manual-snapshot");
    }
}
