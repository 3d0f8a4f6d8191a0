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

    /**
     * {@code {"tool", "inputs", "findings", "errors"}}: each finding with id, policy, title,
     * severity, certainty, message, its path (each step's id, type, relation to the next and that
     * hop's witness), the exposure of its source where there is one, and the policy's remediation.
     */
    public static String json(String version, List<InputReport> inputs, List<Finding> findings, List<String> errors) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("tool").put("name", "breachpath").put("version", version);
        ArrayNode in = root.putArray("inputs");
        inputs.forEach(r -> in.add(InputsWriter.json(r)));
        ArrayNode out = root.putArray("findings");
        for (Finding f : findings) {
            ObjectNode o = out.addObject();
            o.put("id", f.id());
            o.put("policy", f.policy().id());
            o.put("title", f.policy().title());
            o.put("severity", f.policy().severity().label());
            o.put("certainty", f.certainty());
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
        ArrayNode errs = root.putArray("errors");
        errors.forEach(errs::add);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void hop(ObjectNode o, Finding.Hop hop) {
        o.put("certainty", hop.certainty());
        o.put("summary", hop.summary());
        ArrayNode ev = o.putArray("evidence");
        hop.evidence().forEach(ev::add);
    }

    /** Findings grouped by severity, each path drawn hop by hop with each hop's witness. */
    public static String text(List<InputReport> inputs, List<Finding> findings, List<String> errors) {
        StringBuilder out = new StringBuilder();
        int elements = inputs.stream().mapToInt(InputReport::elements).sum();
        out.append("breachpath: ").append(inputs.size()).append(inputs.size() == 1 ? " input, " : " inputs, ")
                .append(elements).append(" resources: ")
                .append(findings.isEmpty() ? "no findings" : findings.size() + (findings.size() == 1 ? " finding" : " findings"))
                .append('\n');
        for (Severity severity : Severity.values()) {
            List<Finding> group = findings.stream().filter(f -> f.policy().severity() == severity).toList();
            if (group.isEmpty()) {
                continue;
            }
            out.append('\n').append(severity.name()).append(" (").append(group.size()).append(")\n");
            for (Finding f : group) {
                out.append("\n  ").append(f.policy().title()).append('\n');
                out.append("  ").append(f.policy().id()).append(" · ").append(f.id()).append(" · ").append(f.certainty()).append('\n');
                out.append("  ").append(f.message()).append('\n');
                draw(out, f);
                if (!f.policy().remediation().isEmpty()) {
                    out.append("    fix: ").append(f.policy().remediation().replaceAll("\\s+", " ")).append('\n');
                }
            }
        }
        if (!errors.isEmpty()) {
            out.append("\nERRORS (").append(errors.size()).append(")\n");
            errors.forEach(e -> out.append("  ").append(e).append('\n'));
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
