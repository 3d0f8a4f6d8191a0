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
 * {@code "address": "…"} (a plan), or of the first field that names it (an id, ARN, identifier or
 * name) in an AWS API response or Config file, for reports that point into files (SARIF). Read in
 * one pass per input, and only when asked; files inside archives have no lines to point at.
 */
final class Locations {
    private static final Pattern KEY = Pattern.compile("\"(?:address|Arn|arn)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)+)\"");
    /** In AWS API responses and Config data: the fields that name a resource (ids, ARNs, identifiers, names). */
    private static final Pattern AWS_KEY = Pattern.compile(
            "\"(?:[A-Za-z]*Id|[A-Za-z]*Arn|ARN|arn|[A-Za-z]*Identifier|[A-Za-z]*Name|resourceId)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)+)\"");

    /** A place in an input: its line and column (both from 1; a plan printed on one line has many columns). */
    record Place(String file, int line, int column) {}

    private final Map<String, Place> places = new HashMap<>();

    Locations(List<InputReport> inputs) {
        for (InputReport input : inputs) {
            boolean plan = "terraform-plan".equals(input.format());
            if (!plan && !"aws-api-response".equals(input.format()) && !"aws-config".equals(input.format())) {
                continue;
            }
            Pattern key = plan ? KEY : AWS_KEY;
            try (BufferedReader in = Files.newBufferedReader(Path.of(input.source()), StandardCharsets.UTF_8)) {
                int n = 0;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    n++;
                    if (plan && !line.contains("ddress\"") && !line.contains("rn\"")) {
                        continue;
                    }
                    Matcher m = key.matcher(line);
                    while (m.find()) {
                        places.putIfAbsent(unescape(m.group(1)), new Place(input.path(), n, m.start() + 1));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the file went away since it was read: its resources are named without a line
            }
        }
    }

    /** A JSON string's text with its escapes read ({@code \"}, {@code \\}, {@code \u0041}…). */
    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (i + 4 < s.length()) {
                        try {
                            out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                            i += 4;
                        } catch (NumberFormatException x) {
                            out.append('u');
                        }
                    }
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }

    /** Where the resource with this id stands, if an input names it. */
    Optional<Place> of(String id) {
        return Optional.ofNullable(places.get(id));
    }
}
