package dev.breachpath.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.breachpath.policy.PolicyException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * The finding ids of an earlier JSON report (breachpath's {@code --format json}, or a file
 * written with {@code --write-baseline}): findings with these ids are known, and a scan with
 * {@code --baseline} reports only the others. Ids are stable across runs, inputs and their order.
 */
public final class Baseline {
    private Baseline() {}

    /**
     * Reads the ids of a report's findings (not of its waived ones: those come back when their
     * waiver expires).
     *
     * @throws PolicyException saying what is wrong, never quoting the file
     */
    public static Set<String> read(Path file) throws PolicyException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new PolicyException(file + (e.getLocation() == null ? "" : ": line " + e.getLocation().getLineNr())
                    + ": expected a breachpath JSON report");
        } catch (NoSuchFileException e) {
            throw new PolicyException(file + ": no such file");
        } catch (IOException e) {
            throw new PolicyException(file + ": " + (file.toFile().exists() ? "cannot be read" : "no such file"));
        }
        if (root == null || !root.isObject() || !root.path("findings").isArray() || !"breachpath".equals(root.path("tool").path("name").asText())) {
            throw new PolicyException(file + ": expected a breachpath JSON report (scan --format json, or --write-baseline)");
        }
        Set<String> ids = new TreeSet<>();
        for (JsonNode f : root.path("findings")) {
            if (f.path("id").isTextual()) {
                ids.add(f.path("id").asText());
            }
        }
        return ids;
    }
}
