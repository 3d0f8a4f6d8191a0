package dev.breachpath.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breachpath.graph.FactGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.TreeSet;

/**
 * Reads inputs in the formats it is given and builds the fact graphs of both stages.
 *
 * <p>Inputs are read in the order of their paths, whatever order they were given in, so the same
 * inputs always give the same graphs and reports. An input that cannot be read is reported with
 * its one-line reason and the others are still read.
 */
public final class Loader {
    private final List<InputFormat> formats;

    /** A loader for these formats, tried in order. */
    public Loader(List<InputFormat> formats) {
        this.formats = List.copyOf(formats);
    }

    /** Reads every input and builds both stages' graphs. */
    public Loaded load(List<String> paths) {
        List<InputReport> reports = new ArrayList<>();
        Map<InputFormat, List<ParsedInput>> parsed = new LinkedHashMap<>();
        formats.forEach(f -> parsed.put(f, new ArrayList<>()));
        for (String path : new TreeSet<>(paths)) {
            List<Sources.Entry> entries;
            try {
                entries = Sources.expand(path);
            } catch (InputException e) {
                reports.add(InputReport.refused(path, e.problemAt()));
                continue;
            } catch (OutOfMemoryError e) {
                reports.add(InputReport.refused(path, "too large to read in the memory given to breachpath"));
                continue;
            }
            for (Sources.Entry entry : entries) {
                try {
                    Read read = read(entry);
                    if (read.unrecognised() != null) {
                        reports.add(InputReport.unrecognised(entry.name(), read.unrecognised()));
                    } else {
                        parsed.get(read.format()).add(read.input());
                    }
                } catch (Sources.Unrecognised e) {
                    reports.add(InputReport.unrecognised(entry.name(), e.getMessage()));
                } catch (InputException e) {
                    reports.add(InputReport.refused(entry.name(), e.problemAt()));
                } catch (OutOfMemoryError e) {
                    reports.add(InputReport.refused(entry.name(), "too large to read in the memory given to breachpath"));
                } catch (RuntimeException e) {
                    // A reader's bug must not lose the other inputs, nor print what it read.
                    reports.add(InputReport.refused(entry.name(), "breachpath could not read this input (an internal error;"
                            + " please report it with the breachpath version and the input's format)"));
                }
            }
        }
        List<ParsedInput> inputs = new ArrayList<>();
        parsed.forEach((format, read) -> {
            if (!read.isEmpty()) {
                inputs.addAll(format.combine(read));
            }
        });
        Identities identities = new Identities();
        inputs.forEach(i -> i.identify(identities));
        identities.resolve();
        FactGraph before = build(inputs, Stage.BEFORE);
        FactGraph after = build(inputs, Stage.AFTER);
        inputs.forEach(p -> reports.addAll(p.reports()));
        reports.sort(java.util.Comparator.comparing(InputReport::path));
        return new Loaded(reports, before, after);
    }

    private static FactGraph build(List<ParsedInput> inputs, Stage stage) {
        FactGraph graph = new FactGraph();
        LinkIndex index = new LinkIndex(graph);
        for (ParsedInput input : inputs) {
            input.register(stage, index);
        }
        ParsedInput.FactsTarget target = new ParsedInput.FactsTarget(graph, index);
        for (ParsedInput input : inputs) {
            input.write(stage, target);
        }
        return graph;
    }

    /** What reading one file gave: an input of a format, or why it is none. */
    record Read(InputFormat format, ParsedInput input, String unrecognised) {}

    /**
     * Reads one file. A file named by the user that is no input breachpath reads is refused; one
     * found in a directory or archive is reported as unrecognised, unless it was meant as JSON
     * and is damaged.
     *
     * @throws InputException if it cannot be read
     */
    Read read(Sources.Entry entry) {
        String path = entry.name();
        byte[] bytes = entry.bytes().get();
        if (entry.contained() && !JsonInput.looksLikeJson(bytes)) {
            return new Read(null, null, "not a JSON object or array");
        }
        JsonNode root = JsonInput.read(path, bytes);
        JsonNode data = Recorded.unwrap(root);
        if (data == null) {
            String why = "a recorded error response (HTTP " + root.path("status_code").asText() + "), not data";
            if (entry.contained()) {
                return new Read(null, null, why);
            }
            throw new InputException(path, null, why);
        }
        for (InputFormat format : formats) {
            InputFormat.Detection detection = format.detect(data);
            if (detection.isMine()) {
                if (detection.refusal() != null) {
                    throw new InputException(path, null, detection.refusal());
                }
                return new Read(format, format.read(path, data), null);
            }
        }
        if (entry.contained()) {
            return new Read(null, null, "JSON that is no input breachpath reads");
        }
        throw new InputException(path, null, "not an input breachpath reads: expected a Terraform plan"
                + " (the output of terraform show -json PLANFILE), AWS CLI output (aws ec2 describe-instances, ...),"
                + " an AWS Config snapshot or configuration item, or a directory or archive of them");
    }
}
