package dev.breachpath.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.breachpath.load.InputReport;
import dev.breachpath.policy.Finding;
import dev.breachpath.policy.Policy;
import dev.breachpath.policy.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0, as GitHub code scanning reads it: one rule per policy (its title, description,
 * remediation, references and severity, also as {@code security-severity}), one result per
 * finding located at its source resource (the input file and the line that names it, and the
 * resource as a logical location), the path as a code flow with each hop's witness, the stable
 * finding id as partial fingerprint, waived findings as suppressed results, and the invocation
 * marked unsuccessful when an input or a policy failed.
 */
public final class SarifWriter {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifWriter() {}

    public static String write(ScanReport report) {
        Locations locations = new Locations(report.inputs());
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "breachpath");
        if (report.version() != null) {
            driver.put("semanticVersion", report.version().replaceAll("[^0-9A-Za-z.+-]", ""));
        }
        driver.put("informationUri", "https://github.com/breachpath/breachpath");
        List<Policy> policies = new ArrayList<>(report.policies());
        for (Finding f : all(report)) {
            if (policies.stream().noneMatch(p -> p.id().equals(f.policy().id()))) {
                policies.add(f.policy());
            }
        }
        Map<String, Integer> ruleIndex = new HashMap<>();
        ArrayNode rules = driver.putArray("rules");
        for (Policy p : policies) {
            ruleIndex.put(p.id(), rules.size());
            rule(rules.addObject(), p);
        }
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", report.complete());
        ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
        for (InputReport in : report.inputs()) {
            if (in.isRefused()) {
                notifications.addObject().put("level", "error").putObject("message").put("text", in.path() + ": " + in.error());
            }
        }
        report.errors().forEach(e -> notifications.addObject().put("level", "error").putObject("message").put("text", e));
        report.notes().forEach(n -> notifications.addObject().put("level", "warning").putObject("message").put("text", n));
        ArrayNode artifacts = run.putArray("artifacts");
        Map<String, Integer> artifactIndex = new HashMap<>();
        for (InputReport in : report.inputs()) {
            if (in.isUnrecognised()) {
                continue; // a file of a snapshot folder that is no input: nothing to point at
            }
            artifactIndex.put(in.path(), artifacts.size());
            artifacts.addObject().putObject("location").put("uri", uri(in.path()));
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : report.findings()) {
            result(results.addObject(), f, ruleIndex, locations, artifactIndex, report, null);
        }
        for (Waivers.Waived w : report.waived()) {
            result(results.addObject(), w.finding(), ruleIndex, locations, artifactIndex, report, w.waiver());
        }
        // Paths the plan removes are not results: code scanning would raise them as alerts.
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Finding> all(ScanReport report) {
        List<Finding> out = new ArrayList<>(report.findings());
        report.waived().forEach(w -> out.add(w.finding()));
        return out;
    }

    private static void rule(ObjectNode rule, Policy p) {
        rule.put("id", p.id());
        rule.put("name", camel(p.id()));
        rule.putObject("shortDescription").put("text", p.title());
        rule.putObject("fullDescription").put("text", oneLine(p.description()));
        String help = oneLine(p.remediation());
        ObjectNode h = rule.putObject("help").put("text", help);
        StringBuilder md = new StringBuilder("**").append(p.title()).append("**\n\n").append(oneLine(p.description())).append("\n\n**Fix:** ")
                .append(help);
        if (!p.references().isEmpty()) {
            md.append("\n\n");
            p.references().forEach(r -> md.append("- ").append(r).append('\n'));
        }
        h.put("markdown", md.toString().strip());
        if (!p.references().isEmpty()) {
            rule.put("helpUri", p.references().get(0));
        }
        rule.putObject("defaultConfiguration").put("level", level(p.severity()));
        ObjectNode props = rule.putObject("properties");
        ArrayNode tags = props.putArray("tags");
        tags.add("security");
        tags.add(p.isPath() ? "attack-path" : "configuration");
        props.put("precision", "high");
        if (p.severity() != Severity.INFO) {
            props.put("security-severity", switch (p.severity()) {
                case CRITICAL -> "9.5";
                case HIGH -> "8.0";
                case MEDIUM -> "5.5";
                default -> "3.0";
            });
        }
    }

    private static void result(ObjectNode r, Finding f, Map<String, Integer> ruleIndex, Locations locations,
                                     Map<String, Integer> artifactIndex, ScanReport report, Waivers.Waiver waiver) {
        r.put("ruleId", f.policy().id());
        r.put("ruleIndex", ruleIndex.get(f.policy().id()));
        r.put("level", level(f.policy().severity()));
        r.putObject("message").put("text", f.message() + (f.certainty().equals("definite") ? "" : " (possible)"));
        location(r.putArray("locations").addObject(), f.source().id(), locations, artifactIndex, null);
        r.putObject("partialFingerprints").put("breachpathFindingId/v1", f.id());
        if (report.fresh() != null) {
            r.put("baselineState", report.isNew(f) ? "new" : "unchanged");
        }
        if (f.path().size() > 1 || f.exposure() != null) {
            ArrayNode steps = r.putArray("codeFlows").addObject().putArray("threadFlows").addObject().putArray("locations");
            if (f.exposure() != null) {
                ObjectNode internet = steps.addObject().putObject("location");
                internet.putArray("logicalLocations").addObject().put("fullyQualifiedName", "internet").put("kind", "network");
                internet.putObject("message").put("text", "internet → " + f.source().id() + ": " + f.exposure().summary());
            }
            List<Finding.Step> path = f.path();
            for (int i = 0; i < path.size(); i++) {
                Finding.Step s = path.get(i);
                String text = s.hop() == null ? s.id() + " (" + s.type() + ")"
                        : s.id() + " → " + path.get(i + 1).id() + ": " + s.relation() + ", " + s.hop().summary();
                location(steps.addObject().putObject("location"), s.id(), locations, artifactIndex, text);
            }
        }
        ObjectNode props = r.putObject("properties");
        props.put("certainty", f.certainty());
        props.put("severity", f.policy().severity().label());
        if (waiver != null) {
            ObjectNode s = r.putArray("suppressions").addObject();
            s.put("kind", "external");
            s.put("status", "accepted");
            s.put("justification", waiver.reason() + " (owner " + waiver.owner() + ", until " + waiver.expires() + ")");
        }
    }

    private static void location(ObjectNode loc, String id, Locations locations, Map<String, Integer> artifactIndex, String message) {
        locations.of(id).ifPresent(place -> {
            ObjectNode physical = loc.putObject("physicalLocation");
            ObjectNode artifact = physical.putObject("artifactLocation").put("uri", uri(place.file()));
            Integer index = artifactIndex.get(place.file());
            if (index != null) {
                artifact.put("index", index);
            }
            physical.putObject("region").put("startLine", place.line()).put("startColumn", place.column());
        });
        loc.putArray("logicalLocations").addObject().put("fullyQualifiedName", id).put("kind", "resource");
        if (message != null) {
            loc.putObject("message").put("text", message);
        }
    }

    /** A relative URI reference for a path as the user gave it. */
    private static String uri(String path) {
        String p = path.replace('\\', '/');
        StringBuilder out = new StringBuilder();
        for (char c : p.toCharArray()) {
            if (Character.isLetterOrDigit(c) || "-._~/:".indexOf(c) >= 0) {
                out.append(c);
            } else {
                for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format("%02X", b));
                }
            }
        }
        return out.toString();
    }

    private static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            default -> "note";
        };
    }

    private static String camel(String id) {
        StringBuilder out = new StringBuilder();
        for (String part : id.split("-")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
