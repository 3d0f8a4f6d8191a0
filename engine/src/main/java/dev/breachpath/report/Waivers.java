package dev.breachpath.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.breachpath.policy.Finding;
import dev.breachpath.policy.PolicyException;
import dev.breachpath.policy.Yaml;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Accepted risks: a YAML file of waivers, each naming a finding by its id, or by its policy and
 * a pattern of the resource ({@code *} any run of characters) matched against the finding's
 * source and target, with the reason, the owner and the date it expires. A waived finding is
 * reported as waived, never dropped; a waiver past its date stops waiving and is reported; a
 * waiver that matches nothing is reported.
 *
 * <pre>
 * waivers:
 *   - id: c2a5c22765c061d1
 *     reason: the migration instance goes away with ticket OPS-142
 *     owner: platform-team
 *     expires: 2027-03-31
 *   - policy: admin-port-open-to-world
 *     resource: aws_security_group.bastion*
 *     reason: SSH to the bastion is the way in, behind MFA
 *     owner: security
 *     expires: 2027-06-30
 * </pre>
 */
public final class Waivers {
    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);
    private static final Set<String> KEYS = Set.of("id", "policy", "resource", "reason", "owner", "expires");

    /** One waiver, and the line of the file it starts on. */
    public record Waiver(String id, String policy, String resource, String reason, String owner, LocalDate expires, int line) {
        /** How it is named in reports. */
        public String describe() {
            return (id != null ? "finding " + id : policy + " on " + resource) + " (owner " + owner + ", until " + expires + ")";
        }

        boolean covers(Finding f) {
            if (id != null) {
                return id.equals(f.id());
            }
            if (!policy.equals(f.policy().id())) {
                return false;
            }
            Pattern p = glob(resource);
            return p.matcher(f.source().id()).matches() || p.matcher(f.target().id()).matches();
        }

        private static Pattern glob(String pattern) {
            StringBuilder re = new StringBuilder();
            for (char c : pattern.toCharArray()) {
                re.append(c == '*' ? ".*" : Pattern.quote(String.valueOf(c)));
            }
            return Pattern.compile(re.toString());
        }
    }

    /** A finding and the waiver that covers it. */
    public record Waived(Finding finding, Waiver waiver) {}

    /** What applying waivers gave: the findings left, those waived, and notes about the waivers. */
    public record Applied(List<Finding> findings, List<Waived> waived, List<String> notes) {}

    private final String file;
    private final List<Waiver> waivers;

    private Waivers(String file, List<Waiver> waivers) {
        this.file = file;
        this.waivers = List.copyOf(waivers);
    }

    /** No waivers. */
    public static Waivers none() {
        return new Waivers(null, List.of());
    }

    public List<Waiver> waivers() {
        return waivers;
    }

    /**
     * Reads a waivers file.
     *
     * @throws PolicyException with {@code file:line: what was expected}, never quoting the file
     */
    public static Waivers read(Path path) throws PolicyException {
        String text = Yaml.text(path);
        String file = path.toString();
        JsonNode root;
        List<Integer> lines = new ArrayList<>();
        List<String> rawIds = new ArrayList<>();
        try {
            root = MAPPER.readTree(text);
            try (JsonParser p = FACTORY.createParser(text)) {
                int depth = 0;
                boolean inList = false;
                for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                    if (t == JsonToken.FIELD_NAME && depth == 1 && p.currentName().equals("waivers")) {
                        inList = true;
                    } else if (t == JsonToken.FIELD_NAME && inList && depth == 3 && p.currentName().equals("id") && !rawIds.isEmpty()) {
                        p.nextToken();
                        rawIds.set(rawIds.size() - 1, p.getText()); // as written: an id of digits and an e is no number
                    } else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                        if (inList && depth == 2 && t == JsonToken.START_OBJECT) {
                            lines.add(p.currentLocation().getLineNr());
                            rawIds.add(null);
                        }
                        depth++;
                    } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                        depth--;
                        if (depth == 1) {
                            inList = false;
                        }
                    }
                }
            }
        } catch (JsonProcessingException e) {
            throw new PolicyException(file + (e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr()) + ": not valid YAML");
        } catch (IOException e) {
            throw new PolicyException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (root == null || !root.isObject() || !root.path("waivers").isArray()) {
            throw new PolicyException(file + ": expected a mapping with a list under waivers:");
        }
        List<Waiver> out = new ArrayList<>();
        JsonNode list = root.get("waivers");
        for (int i = 0; i < list.size(); i++) {
            int line = i < lines.size() ? lines.get(i) : 0;
            String at = file + (line > 0 ? ":" + line : "") + ": waiver " + (i + 1) + ": ";
            JsonNode w = list.get(i);
            if (!w.isObject()) {
                throw new PolicyException(at + "expected a mapping (id or policy and resource; reason, owner, expires)");
            }
            for (var it = w.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!KEYS.contains(key)) {
                    throw new PolicyException(at + "unknown key " + key + " (expected id, policy, resource, reason, owner, expires)");
                }
            }
            String id = i < rawIds.size() && rawIds.get(i) != null ? rawIds.get(i).strip() : text(w, "id");
            String policy = text(w, "policy");
            String resource = text(w, "resource");
            if ((id == null) == (policy == null) || (policy != null) != (resource != null)) {
                throw new PolicyException(at + "name the finding by id, or by policy and resource (not both)");
            }
            for (String key : List.of("reason", "owner", "expires")) {
                if (text(w, key) == null) {
                    throw new PolicyException(at + key + " is required");
                }
            }
            if (id != null && !id.matches("[0-9a-f]{16}")) {
                throw new PolicyException(at + "id: expected a finding id, 16 hexadecimal digits (as reports print it)");
            }
            LocalDate expires;
            try {
                expires = LocalDate.parse(text(w, "expires"));
            } catch (DateTimeParseException e) {
                throw new PolicyException(at + "expires: expected a date, YYYY-MM-DD");
            }
            out.add(new Waiver(id, policy, resource, text(w, "reason"), text(w, "owner"), expires, line));
        }
        return new Waivers(file, out);
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
    }

    /**
     * Applies the waivers on {@code today}: a waiver covers its findings until the end of its
     * expiry date. Notes say which waivers have expired (and what they no longer cover) and which
     * match nothing.
     */
    public Applied apply(List<Finding> findings, LocalDate today) {
        List<Finding> left = new ArrayList<>();
        List<Waived> waived = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean[] used = new boolean[waivers.size()];
        for (Finding f : findings) {
            Waiver by = null;
            for (int i = 0; i < waivers.size(); i++) {
                Waiver w = waivers.get(i);
                if (w.covers(f)) {
                    used[i] = true;
                    if (!w.expires().isBefore(today) && by == null) {
                        by = w;
                    }
                }
            }
            if (by != null) {
                waived.add(new Waived(f, by));
            } else {
                left.add(f);
            }
        }
        for (int i = 0; i < waivers.size(); i++) {
            Waiver w = waivers.get(i);
            String where = file + (w.line() > 0 ? ":" + w.line() : "");
            if (w.expires().isBefore(today)) {
                notes.add(where + ": waiver of " + w.describe() + " expired; it waives nothing" + (used[i] ? " and its findings are reported" : ""));
            } else if (!used[i]) {
                notes.add(where + ": waiver of " + w.describe() + " matches no finding");
            }
        }
        return new Applied(left, waived, notes);
    }
}
