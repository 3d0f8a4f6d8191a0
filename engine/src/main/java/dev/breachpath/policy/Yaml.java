package dev.breachpath.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML file read as a tree, with the line of every mapping key, so that a complaint about a
 * value can name its line. Errors never quote the file's content.
 *
 * @param file  the path as given
 * @param root  the tree
 * @param lines the line (from 1) of each key, by dotted path ({@code path.relations})
 */
public record Yaml(String file, JsonNode root, Map<String, Integer> lines) {
    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    /** Reads a YAML file. */
    public static Yaml read(Path path) throws PolicyException {
        return parse(path.toString(), text(path));
    }

    /** The text of a file, or a one-line error naming it (never its content). */
    public static String text(Path path) throws PolicyException {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new PolicyException(path + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Parses YAML text that came from {@code file}. */
    public static Yaml parse(String file, String text) throws PolicyException {
        try {
            JsonNode root = MAPPER.readTree(text);
            Map<String, Integer> lines = new HashMap<>();
            try (JsonParser p = FACTORY.createParser(text)) {
                List<String> frames = new ArrayList<>();
                String pending = null;
                for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                    switch (t) {
                        case FIELD_NAME -> {
                            pending = p.currentName();
                            List<String> named = frames.stream().filter(n -> !n.isEmpty()).toList();
                            String key = named.isEmpty() ? pending : String.join(".", named) + "." + pending;
                            lines.putIfAbsent(key, p.currentLocation().getLineNr());
                        }
                        case START_OBJECT, START_ARRAY -> {
                            frames.add(pending == null ? "" : pending);
                            pending = null;
                        }
                        case END_OBJECT, END_ARRAY -> frames.remove(frames.size() - 1);
                        default -> pending = null;
                    }
                }
            }
            return new Yaml(file, root, Map.copyOf(lines));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : ":" + at.getLineNr();
            throw new PolicyException(file + where + ": not valid YAML (" + firstWords(e.getOriginalMessage()) + ")");
        } catch (IOException e) {
            throw new PolicyException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** {@code file:line: message} for a complaint about the key at {@code key}. */
    public PolicyException error(String key, String message) {
        Integer line = lines.get(key);
        return new PolicyException(file + (line == null ? "" : ":" + line) + ": " + message);
    }

    private static String firstWords(String message) {
        if (message == null) {
            return "syntax error";
        }
        String first = message.lines().findFirst().orElse("syntax error");
        // Jackson quotes tokens of the input in some messages; keep only the description before them.
        int quote = first.indexOf('\'');
        int quote2 = first.indexOf('"');
        int cut = quote < 0 ? quote2 : quote2 < 0 ? quote : Math.min(quote, quote2);
        return (cut > 0 ? first.substring(0, cut) : first).strip();
    }
}
