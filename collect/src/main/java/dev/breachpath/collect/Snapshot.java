package dev.breachpath.collect;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One account's snapshot folder as it is written: a file per call that returned something, and
 * {@code manifest.json} with every call and how it ended (docs/inventory.md, docs/collect.md).
 * Safe to use from several threads.
 */
final class Snapshot {
    /** How a call ended, as the manifest says it. */
    enum Status {
        OK("ok"), TRUNCATED("truncated"), DENIED("denied"), THROTTLED("throttled"), TIMEOUT("timeout"),
        REGION_DISABLED("region-disabled"), ERROR("error");

        final String word;

        Status(String word) {
            this.word = word;
        }
    }

    /** One call, as the manifest records it. */
    record Call(String file, String operation, String region, Map<String, String> parameters, Status status, Integer items,
                String detail) {}

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n")));

    final Path dir;
    private final List<Call> calls = new ArrayList<>();
    private final java.util.Set<String> files = new java.util.HashSet<>();
    /** Files and their calls are kept under the read lock; the manifest is written under the write lock, once. */
    private final java.util.concurrent.locks.ReentrantReadWriteLock lock = new java.util.concurrent.locks.ReentrantReadWriteLock();
    private boolean finished;
    private volatile String account;
    private volatile List<String> regions = List.of();
    private volatile List<String> notEnabled = List.of();
    private volatile String endpoint;
    private volatile String hashKey;

    Snapshot(Path dir) {
        this.dir = dir;
    }

    /** What the manifest says of the whole snapshot, as soon as it is known (a run cut short says it too). */
    void describe(String account, List<String> regions, List<String> notEnabled, String endpoint, String hashKey) {
        this.account = account;
        this.regions = List.copyOf(regions);
        this.notEnabled = List.copyOf(notEnabled);
        this.endpoint = endpoint;
        this.hashKey = hashKey;
    }

    /**
     * Writes one response and records its call, the file named for it: the two go together, so
     * that the manifest never lists a file that is not whole nor misses one that is there.
     * Returns the file, relative to the folder, or null once the manifest is written (a run cut
     * short).
     *
     * @throws IOException if the file cannot be written (the call is not recorded)
     */
    String keep(Op op, String region, String name, JsonNode response, java.util.function.Function<String, Call> call) throws IOException {
        lock.readLock().lock();
        try {
            if (finished) {
                return null;
            }
            String base = (op.global() ? "global" : region) + "/" + op.stem() + (name == null ? "" : "/" + fileName(name));
            String file;
            synchronized (files) {
                file = base + ".json";
                for (int n = 2; !files.add(file); n++) {
                    file = base + "-" + n + ".json";
                }
            }
            Path path = dir.resolve(file);
            Files.createDirectories(path.getParent());
            // whole or not at all: written aside (a dot-name scan skips), then moved into place
            Path tmp = path.resolveSibling("." + path.getFileName() + ".tmp");
            Files.write(tmp, bytes(response));
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            add(call.apply(file));
            return file;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Records a call that left no file. */
    void record(Call call) {
        lock.readLock().lock();
        try {
            if (!finished) {
                add(call);
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    private void add(Call call) {
        synchronized (calls) {
            calls.add(call);
        }
    }

    List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** Writes {@code manifest.json} once: the calls in a stable order, whatever order they ran in. */
    void finish(Instant collectedAt) {
        lock.writeLock().lock();
        try {
            if (!finished) {
                finished = true;
                writeManifest(collectedAt);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Writes the manifest of a run cut short (the JVM is stopping: Ctrl-C), so that the files
     * written so far are a snapshot that says it is partial; nothing if the run finished.
     */
    void interrupted(Instant collectedAt) {
        lock.writeLock().lock();
        try {
            if (finished || calls().isEmpty()) {
                return;
            }
            add(new Call(null, "breachpath:collect", "global", Map.of(), Status.ERROR, null,
                    "the collection was interrupted: the calls not listed here were not made"));
            finished = true;
            writeManifest(collectedAt);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void writeManifest(Instant collectedAt) {
        ObjectNode m = MAPPER.createObjectNode();
        m.put("breachpath_snapshot", 1);
        if (account != null) {
            m.put("account", account);
        }
        m.put("collected_at", collectedAt.toString());
        m.put("collector", "breachpath collect " + dev.breachpath.cli.Main.version());
        if (endpoint != null) {
            m.put("endpoint", endpoint);
        }
        ArrayNode r = m.putArray("regions");
        regions.forEach(r::add);
        if (!notEnabled.isEmpty()) {
            ArrayNode n = m.putArray("regions_not_enabled");
            notEnabled.forEach(n::add);
        }
        if (hashKey != null) {
            m.put("scrubbed_hash_key", hashKey);
        }
        ArrayNode out = m.putArray("calls");
        List<Call> sorted = new ArrayList<>(calls());
        sorted.sort(Comparator.comparing((Call c) -> c.region() == null ? "" : c.region())
                .thenComparing(Call::operation)
                .thenComparing(c -> new TreeMap<>(c.parameters()).toString())
                .thenComparing(c -> c.file() == null ? "" : c.file()));
        for (Call c : sorted) {
            ObjectNode o = out.addObject();
            if (c.file() != null) {
                o.put("file", c.file());
            }
            o.put("operation", c.operation());
            o.put("region", c.region());
            if (!c.parameters().isEmpty()) {
                ObjectNode p = o.putObject("parameters");
                new TreeMap<>(c.parameters()).forEach(p::put);
            }
            o.put("status", c.status().word);
            if (c.items() != null) {
                o.put("items", c.items());
            }
            if (c.detail() != null) {
                o.put("detail", c.detail());
            }
        }
        Path manifest = dir.resolve("manifest.json");
        Path tmp = dir.resolve(".manifest.json.tmp");
        try {
            Files.createDirectories(dir);
            Files.write(tmp, bytes(m));
            Files.move(tmp, manifest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + manifest, e);
        }
    }

    private static byte[] bytes(JsonNode json) {
        try {
            return (WRITER.writeValueAsString(json) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final java.util.regex.Pattern RESERVED = java.util.regex.Pattern.compile(
            "(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");

    /**
     * A file name for what a call was about (a bucket, an ARN): its safe characters, and where
     * some were not safe, or upper case (which some file systems fold), or a name Windows keeps
     * for devices, a short hash of the whole, so that two names never meet in one file.
     */
    static String fileName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.length() > 100) {
            safe = safe.substring(safe.length() - 100);
        }
        if (safe.equals(name) && !name.startsWith(".") && name.equals(name.toLowerCase(java.util.Locale.ROOT))
                && !RESERVED.matcher(name).matches()) {
            return safe;
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return safe.replaceFirst("^\\.+", "_") + "-" + HexFormat.of().formatHex(h, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
