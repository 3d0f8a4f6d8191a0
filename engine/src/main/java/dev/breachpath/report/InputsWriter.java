package dev.breachpath.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.breachpath.load.InputReport;
import java.util.List;
import java.util.Map;

/** Writes what was read of each input: as text for people, as JSON for programs. */
public final class InputsWriter {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private InputsWriter() {}

    /**
     * The reports as one JSON document: {@code {"inputs": [...]}}, each input with its path,
     * format, counts, unmodelled types, rejected elements and warnings, or its path and error.
     */
    public static String json(List<InputReport> reports) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode inputs = root.putArray("inputs");
        reports.forEach(r -> inputs.add(json(r)));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One report as a JSON object, for embedding in other reports. */
    public static ObjectNode json(InputReport r) {
        ObjectNode input = JSON.createObjectNode();
        input.put("path", r.path());
        if (r.isRefused()) {
            input.put("error", r.error());
            return input;
        }
        if (r.isUnrecognised()) {
            input.put("unrecognised", r.unrecognised());
            return input;
        }
        input.put("format", r.format());
        input.put("formatVersion", r.formatVersion());
        input.put("elements", r.elements());
        input.put("modelled", r.modelled());
        ObjectNode unmodelled = input.putObject("unmodelled");
        r.unmodelled().forEach(unmodelled::put);
        ArrayNode rejected = input.putArray("rejected");
        for (InputReport.Rejection rejection : r.rejected()) {
            rejected.addObject().put("element", rejection.element()).put("reason", rejection.reason());
        }
        ArrayNode warnings = input.putArray("warnings");
        r.warnings().forEach(warnings::add);
        return input;
    }

    /** The reports as text: a paragraph per input. */
    public static String text(List<InputReport> reports) {
        StringBuilder out = new StringBuilder();
        for (InputReport r : reports) {
            out.append(r.path()).append('\n');
            if (r.isRefused()) {
                out.append("  refused: ").append(r.error()).append('\n');
                continue;
            }
            if (r.isUnrecognised()) {
                out.append("  unrecognised: ").append(r.unrecognised()).append('\n');
                continue;
            }
            out.append("  ").append(r.format());
            if (r.formatVersion() != null) {
                out.append(' ').append(r.formatVersion());
            }
            out.append(": ").append(plural(r.elements(), "element")).append(": ")
                    .append(r.modelled()).append(" modelled, ")
                    .append(r.unmodelledCount()).append(" unmodelled, ")
                    .append(r.rejected().size()).append(" rejected\n");
            if (!r.unmodelled().isEmpty()) {
                out.append("  unmodelled:");
                for (Map.Entry<String, Integer> e : r.unmodelled().entrySet()) {
                    out.append(' ').append(e.getKey()).append(' ').append(e.getValue());
                }
                out.append('\n');
            }
            for (InputReport.Rejection rejection : r.rejected()) {
                out.append("  rejected ").append(rejection.element()).append(": ").append(rejection.reason()).append('\n');
            }
            for (String warning : r.warnings()) {
                out.append("  warning: ").append(warning).append('\n');
            }
        }
        return out.toString();
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
