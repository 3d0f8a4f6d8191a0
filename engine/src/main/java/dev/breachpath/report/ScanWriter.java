package dev.breachpath.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.breachpath.load.InputReport;
import dev.breachpath.policy.Finding;
import dev.breachpath.policy.Severity;
import java.util.List;

/** A scan's findings as text (for people) or JSON (for tools). Both are deterministic. */
public final class ScanWriter {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ScanWriter() {}

    /** The JSON report of findings alone (no waivers, baseline or comparison). */
    public static String json(String version, List<InputReport> inputs, List<Finding> findings, List<String> errors) {
        return json(ScanReport.of(version, inputs, List.of(), findings, errors));
    }

    /**
     * {@code {"tool", "complete", "inputs", "findings", "waived", "baselined", "removed", "notes",
     * "errors"}}: each finding with id, policy, title, severity, certainty, message, its path (each
     * step's id, type, relation to the next and that hop's witness), the exposure of its source
     * where there is one, the policy's remediation, and {@code new} when the scan compared with
     * the state before the plan.
     */
    public static String json(ScanReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("tool").put("name", "breachpath").put("version", report.version());
        root.put("complete", report.complete());
        ArrayNode in = root.putArray("inputs");
        report.inputs().forEach(r -> in.add(InputsWriter.json(r)));
        ArrayNode out = root.putArray("findings");
        for (Finding f : report.findings()) {
            finding(out.addObject(), f, report);
        }
        ArrayNode waived = root.putArray("waived");
        for (Waivers.Waived w : report.waived()) {
            ObjectNode o = waived.addObject();
            finding(o.putObject("finding"), w.finding(), report);
            ObjectNode by = o.putObject("waiver");
            if (w.waiver().id() != null) {
                by.put("id", w.waiver().id());
            } else {
                by.put("policy", w.waiver().policy()).put("resource", w.waiver().resource());
            }
            by.put("reason", w.waiver().reason()).put("owner", w.waiver().owner()).put("expires", w.waiver().expires().toString());
        }
        root.put("baselined", report.baselined());
        if (report.fresh() != null) {
            ArrayNode removed = root.putArray("removed");
            report.removed().forEach(f -> finding(removed.addObject(), f, null));
        }
        ArrayNode notes = root.putArray("notes");
        report.notes().forEach(notes::add);
        ArrayNode errs = root.putArray("errors");
        report.errors().forEach(errs::add);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void finding(ObjectNode o, Finding f, ScanReport report) {
        o.put("id", f.id());
        o.put("policy", f.policy().id());
        o.put("title", f.policy().title());
        o.put("severity", f.policy().severity().label());
        o.put("certainty", f.certainty());
        if (report != null && report.fresh() != null) {
            o.put("new", report.isNew(f));
        }
        o.put("message", f.message());
        ArrayNode path = o.putArray("path");
        for (Finding.Step s : f.path()) {
            ObjectNode step = path.addObject().put("id", s.id()).put("type", s.type());
            step.put("relation", s.relation());
            if (s.hop() != null) {
                hop(step.putObject("witness"), s.hop());
            }
        }
        if (f.exposure() != null) {
            hop(o.putObject("exposure"), f.exposure());
        }
        o.put("remediation", f.policy().remediation());
    }

    private static void hop(ObjectNode o, Finding.Hop hop) {
        o.put("certainty", hop.certainty());
        o.put("summary", hop.summary());
        ArrayNode ev = o.putArray("evidence");
        hop.evidence().forEach(ev::add);
    }

    /** Findings grouped by severity, each path drawn hop by hop with each hop's witness. */
    public static String text(List<InputReport> inputs, List<Finding> findings, List<String> errors) {
        return text(ScanReport.of(null, inputs, List.of(), findings, errors));
    }

    /**
     * The text report: a summary line, the findings grouped by severity (each path drawn hop by
     * hop, new ones marked when the scan compared), then the waived findings, the paths the plan
     * removes, notes and errors.
     */
    public static String text(ScanReport report) {
        StringBuilder out = new StringBuilder();
        List<InputReport> inputs = report.inputs();
        List<Finding> findings = report.findings();
        int elements = inputs.stream().mapToInt(InputReport::elements).sum();
        long unrecognised = inputs.stream().filter(InputReport::isUnrecognised).count();
        long read = inputs.size() - unrecognised;
        out.append("breachpath: ").append(read).append(read == 1 ? " input, " : " inputs, ")
                .append(elements).append(elements == 1 ? " resource" : " resources");
        if (unrecognised > 0) {
            out.append(" (").append(unrecognised).append(unrecognised == 1 ? " file" : " files")
                    .append(" not recognised: breachpath inputs lists them)");
        }
        out.append(": ")
                .append(findings.isEmpty() ? "no findings" : findings.size() + (findings.size() == 1 ? " finding" : " findings"));
        if (report.fresh() != null) {
            long fresh = findings.stream().filter(report::isNew).count();
            out.append(" (").append(fresh).append(" new in this plan, ").append(report.removed().size()).append(" removed)");
        }
        if (!report.waived().isEmpty()) {
            out.append(", ").append(report.waived().size()).append(" waived");
        }
        if (report.baselined() > 0) {
            out.append(", ").append(report.baselined()).append(" in the baseline");
        }
        out.append('\n');
        for (Severity severity : Severity.values()) {
            List<Finding> group = findings.stream().filter(f -> f.policy().severity() == severity).toList();
            if (group.isEmpty()) {
                continue;
            }
            out.append('\n').append(severity.name()).append(" (").append(group.size()).append(")\n");
            for (Finding f : group) {
                out.append("\n  ").append(f.policy().title()).append('\n');
                out.append("  ").append(f.policy().id()).append(" · ").append(f.id()).append(" · ").append(f.certainty())
                        .append(report.isNew(f) ? " · NEW in this plan" : "").append('\n');
                out.append("  ").append(f.message()).append('\n');
                draw(out, f);
                if (!f.policy().remediation().isEmpty()) {
                    out.append("    fix: ").append(f.policy().remediation().replaceAll("\\s+", " ")).append('\n');
                }
            }
        }
        if (!report.removed().isEmpty()) {
            out.append("\nREMOVED BY THIS PLAN (").append(report.removed().size()).append(")\n");
            report.removed().forEach(f -> out.append("  ").append(f.policy().id()).append(" · ").append(f.id()).append(" · ")
                    .append(f.message()).append('\n'));
        }
        if (!report.waived().isEmpty()) {
            out.append("\nWAIVED (").append(report.waived().size()).append(")\n");
            for (Waivers.Waived w : report.waived()) {
                out.append("  ").append(w.finding().policy().id()).append(" · ").append(w.finding().id()).append(" · ")
                        .append(w.finding().message()).append('\n');
                out.append("    waived until ").append(w.waiver().expires()).append(" by ").append(w.waiver().owner()).append(": ")
                        .append(w.waiver().reason()).append('\n');
            }
        }
        if (!report.notes().isEmpty()) {
            out.append("\nNOTES (").append(report.notes().size()).append(")\n");
            report.notes().forEach(n -> out.append("  ").append(n).append('\n'));
        }
        if (!report.errors().isEmpty()) {
            out.append("\nERRORS (").append(report.errors().size()).append(")\n");
            report.errors().forEach(e -> out.append("  ").append(e).append('\n'));
        }
        return out.toString();
    }

    private static void draw(StringBuilder out, Finding f) {
        String indent = "    ";
        if (f.exposure() != null) {
            out.append(indent).append("internet ─[").append(f.exposure().summary()).append(possible(f.exposure())).append("]→ ");
        } else {
            out.append(indent);
        }
        List<Finding.Step> steps = f.path();
        for (int i = 0; i < steps.size(); i++) {
            Finding.Step s = steps.get(i);
            if (i > 0) {
                out.append(indent).append("  ");
            }
            out.append(s.id());
            if (s.hop() != null) {
                out.append(" ─[").append(s.hop().summary()).append(possible(s.hop())).append("]→\n");
            } else {
                out.append('\n');
            }
        }
        if (f.exposure() != null) {
            f.exposure().evidence().forEach(e -> out.append(indent).append("  · ").append(e).append('\n'));
        }
        for (Finding.Step s : steps) {
            if (s.hop() != null) {
                s.hop().evidence().forEach(e -> out.append(indent).append("  · ").append(e).append('\n'));
            }
        }
    }

    private static String possible(Finding.Hop hop) {
        return hop.certainty().equals("definite") ? "" : " (possible)";
    }
}
