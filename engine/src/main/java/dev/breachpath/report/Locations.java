package dev.breachpath.report;

import dev.breachpath.load.InputReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each resource stands in the inputs: the file and the line of its first
 * {@code "address": "…"} (a plan) or {@code "Arn": "…"} (an AWS API output), for reports that
 * point into files (SARIF). Read in one pass per input, and only when asked.
 */
final class Locations {
    private static final Pattern KEY = Pattern.compile("\"(?:address|Arn|arn)\"\\s*:\\s*\"([^\"]+)\"");

    /** A place in an input. */
    record Place(String file, int line) {}

    private final Map<String, Place> places = new HashMap<>();

    Locations(List<InputReport> inputs) {
        for (InputReport input : inputs) {
            if (input.isRefused()) {
                continue;
            }
            try (BufferedReader in = Files.newBufferedReader(Path.of(input.path()), StandardCharsets.UTF_8)) {
                int n = 0;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    n++;
                    if (!line.contains("ddress\"") && !line.contains("rn\"")) {
                        continue;
                    }
                    Matcher m = KEY.matcher(line);
                    while (m.find()) {
                        places.putIfAbsent(m.group(1), new Place(input.path(), n));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the file went away since it was read: its resources are named without a line
            }
        }
    }

    /** Where the resource with this id stands, if an input names it. */
    Optional<Place> of(String id) {
        return Optional.ofNullable(places.get(id));
    }
}
