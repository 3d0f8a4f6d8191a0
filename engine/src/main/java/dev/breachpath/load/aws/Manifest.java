package dev.breachpath.load.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The manifest of a snapshot ({@code manifest.json}, docs/inventory.md): the account and time
 * of the snapshot, and for each file the call that returned it (operation, region, request
 * parameters) and how the call ended. The parameters name what a response alone does not (the
 * bucket of a bucket policy); calls that failed tell what the snapshot lacks.
 */
final class Manifest {
    static final int VERSION = 1;

    /** One call, as the manifest records it. */
    record Call(String file, String operation, String region, String account, Map<String, String> parameters,
                String status, String detail) {}

    final String directory;
    final String account;
    final String collectedAt;
    private final Map<String, Call> byFile = new HashMap<>();
    final List<Call> calls;

    Manifest(String directory, JsonNode root) {
        this.directory = directory;
        this.account = text(root.path("account"));
        this.collectedAt = text(root.path("collected_at"));
        List<Call> all = new java.util.ArrayList<>();
        for (JsonNode c : root.path("calls")) {
            Map<String, String> parameters = new java.util.TreeMap<>();
            c.path("parameters").fields().forEachRemaining(e -> {
                if (e.getValue().isValueNode()) {
                    parameters.put(e.getKey(), e.getValue().asText());
                }
            });
            Call call = new Call(text(c.path("file")), text(c.path("operation")), text(c.path("region")),
                    Optional.ofNullable(text(c.path("account"))).orElse(account), parameters,
                    Optional.ofNullable(text(c.path("status"))).orElse("ok"), text(c.path("detail")));
            all.add(call);
            if (call.file() != null) {
                byFile.put(call.file(), call);
            }
        }
        this.calls = List.copyOf(all);
    }

    static boolean is(JsonNode root) {
        return root.isObject() && root.has("breachpath_snapshot");
    }

    /** Why a manifest cannot be read, if it cannot. */
    static Optional<String> problem(JsonNode root) {
        if (!root.path("breachpath_snapshot").isIntegralNumber() || root.path("breachpath_snapshot").asInt() != VERSION) {
            return Optional.of("a snapshot manifest of a version this breachpath does not read (expected breachpath_snapshot: " + VERSION + ")");
        }
        if (root.has("calls") && !root.get("calls").isArray()) {
            return Optional.of("calls is not a list: expected a snapshot manifest (docs/inventory.md)");
        }
        return Optional.empty();
    }

    /** Whether a file is in this manifest's directory or below it. */
    boolean covers(String path) {
        return directory.isEmpty() || path.startsWith(directory + "/");
    }

    /** The call that returned the file at {@code path}, if the manifest lists it. */
    Optional<Call> call(String path) {
        if (!covers(path)) {
            return Optional.empty();
        }
        return Optional.ofNullable(byFile.get(directory.isEmpty() ? path : path.substring(directory.length() + 1)));
    }

    private static String text(JsonNode n) {
        return n.isValueNode() && !n.isNull() ? n.asText() : null;
    }
}
