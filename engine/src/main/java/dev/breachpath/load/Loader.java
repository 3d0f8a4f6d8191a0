package dev.breachpath.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breachpath.graph.FactGraph;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
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
        List<InputReport> refused = new ArrayList<>();
        List<ParsedInput> parsed = new ArrayList<>();
        for (String path : new TreeSet<>(paths)) {
            try {
                parsed.add(read(path));
            } catch (InputException e) {
                refused.add(InputReport.refused(path, e.problemAt()));
            } catch (RuntimeException e) {
                // A reader's bug must not lose the other inputs, nor print what it read.
                refused.add(InputReport.refused(path, "breachpath could not read this input (an internal error;"
                        + " please report it with the breachpath version and the input's format)"));
            }
        }
        FactGraph before = build(parsed, Stage.BEFORE);
        FactGraph after = build(parsed, Stage.AFTER);
        List<InputReport> reports = new ArrayList<>(refused);
        parsed.forEach(p -> reports.add(p.report()));
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

    /**
     * Reads one input.
     *
     * @throws InputException if it cannot be read
     */
    ParsedInput read(String path) {
        JsonNode root = JsonInput.read(path, bytes(path));
        for (InputFormat format : formats) {
            InputFormat.Detection detection = format.detect(root);
            if (detection.isMine()) {
                if (detection.refusal() != null) {
                    throw new InputException(path, null, detection.refusal());
                }
                return format.read(path, root);
            }
        }
        throw new InputException(path, null, "not an input breachpath reads: expected a Terraform plan"
                + " (the output of terraform show -json PLANFILE) or IAM authorization details"
                + " (aws iam get-account-authorization-details)");
    }

    private static byte[] bytes(String path) {
        Path file;
        try {
            file = Path.of(path);
        } catch (java.nio.file.InvalidPathException e) {
            throw new InputException(path, null, "not a valid file path");
        }
        try {
            if (Files.isDirectory(file)) {
                throw new InputException(path, null, "a directory, expected a file");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(path, null, "no such file");
        } catch (AccessDeniedException e) {
            throw new InputException(path, null, "cannot be read: permission denied");
        } catch (IOException | OutOfMemoryError e) {
            throw new InputException(path, null, "cannot be read");
        }
    }
}
