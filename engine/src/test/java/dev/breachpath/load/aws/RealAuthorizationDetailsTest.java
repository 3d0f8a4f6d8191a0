package dev.breachpath.load.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.breachpath.Breachpath;
import dev.breachpath.TestPaths;
import dev.breachpath.derive.Classification;
import dev.breachpath.load.InputReport;
import dev.breachpath.load.Loaded;
import dev.breachpath.load.Stage;
import dev.breachpath.policy.Finding;
import dev.breachpath.policy.PolicyLoader;
import dev.breachpath.policy.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every IAM authorization-details dump in ../shared/realdata (written by cloudsplaining, IAMSpy,
 * CloudMapper and the AWS CLI docs) reads with every user, group, role and policy modelled, scans
 * without a policy error, and reports exactly the privilege escalations a reviewer finds by reading
 * the dump: none, except where listed here.
 */
class RealAuthorizationDetailsTest {
    /** The escalations each dump holds, as read by hand (see the comment of each). */
    private static final Map<String, List<String>> ESCALATIONS = Map.of(
            // OverprivilegedEC2 may iam:CreateAccessKey on "*", and user obama has AdministratorAccess.
            "cloudsplaining/test__files__example-authz-details.json",
            List.of("arn:aws:iam::012345678901:role/OverprivilegedEC2"),
            // bad_role may do anything ("*") and trusts {"AWS": "*"}: every role of the account may assume it.
            "cloudmapper/account-data__demo__us-east-1__iam-get-account-authorization-details.json",
            List.of("arn:aws:iam::123456789012:role/exfiller", "arn:aws:iam::123456789012:role/level3",
                    "arn:aws:iam::123456789012:role/service-role/level1"));

    @TestFactory
    Stream<DynamicTest> everyDump() throws IOException {
        if (!TestPaths.hasShared()) {
            return TestPaths.skippedWithoutShared();
        }
        Path realdata = TestPaths.shared().resolve("realdata");
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : Files.readAllLines(realdata.resolve("manifest.tsv"))) {
            String name = line.split("\t", -1)[0];
            Path file = realdata.resolve(name);
            if (!name.endsWith(".json") || !Files.isRegularFile(file) || Files.size(file) > 20_000_000) {
                continue;
            }
            JsonNode root;
            try {
                root = new ObjectMapper().readTree(file.toFile());
            } catch (IOException e) {
                continue; // not JSON: other tests cover it
            }
            if (root != null && root.isObject() && (root.has("UserDetailList") || root.has("RoleDetailList"))) {
                tests.add(DynamicTest.dynamicTest(name, () -> check(file, root, ESCALATIONS.getOrDefault(name, List.of()))));
            }
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(15);
        assertThat(tests.stream().map(DynamicTest::getDisplayName)).containsAll(ESCALATIONS.keySet());
        return tests.stream();
    }

    /** How many elements a list holds; a lone object where a list belongs is one. */
    private static int items(JsonNode list) {
        return list.isObject() ? 1 : list.size();
    }

    private static void check(Path file, JsonNode root, List<String> escalations) throws Exception {
        Loaded loaded = Breachpath.load(List.of(file.toString()));
        InputReport report = loaded.reports().get(0);
        assertThat(report.error()).as("refusal").isNull();
        assertThat(report.format()).isEqualTo("aws-api-response");
        assertThat(report.formatVersion()).isEqualTo("iam:GetAccountAuthorizationDetails");
        // Each principal and policy is an element, and so is each of their inline policies,
        // attachments, group memberships (one per user) and instance profiles.
        int entries = root.path("Policies").size();
        for (JsonNode u : root.path("UserDetailList")) {
            entries += 1 + items(u.path("UserPolicyList")) + items(u.path("AttachedManagedPolicies")) + (u.path("GroupList").isEmpty() ? 0 : 1);
        }
        for (JsonNode g : root.path("GroupDetailList")) {
            entries += 1 + items(g.path("GroupPolicyList")) + items(g.path("AttachedManagedPolicies"));
        }
        for (JsonNode r : root.path("RoleDetailList")) {
            entries += 1 + items(r.path("RolePolicyList")) + items(r.path("AttachedManagedPolicies")) + items(r.path("InstanceProfileList"));
        }
        assertThat(report.elements()).as("elements").isEqualTo(entries);
        assertThat(report.modelled()).as("modelled").isEqualTo(entries);
        // The AWS CLI documentation's dump is one page of several (IsTruncated, Marker): it says so.
        if (root.path("IsTruncated").asBoolean(false)) {
            assertThat(report.warnings()).as("warnings").singleElement().asString().startsWith("one page of a longer answer");
        } else {
            assertThat(report.warnings()).as("warnings").isEmpty();
        }
        Scanner.Result result = Breachpath.scan(loaded.graph(Stage.AFTER), Classification.defaults(), PolicyLoader.builtin(), 60_000);
        assertThat(result.errors()).isEmpty();
        TreeSet<String> found = new TreeSet<>();
        for (Finding f : result.findings()) {
            if (f.policy().id().equals("principal-can-escalate-to-admin")) {
                found.add(f.source().id());
            }
        }
        assertThat(found).containsExactlyElementsOf(new TreeSet<>(escalations));
    }
}
