package dev.breachpath.load;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

/**
 * The files an input names: the file itself, or every file of a directory, a zip archive or a
 * tar archive (gzipped or not), in the order of their names. Files in a directory are read when
 * asked for; an archive is read whole, once. Names starting with a dot (.git, .DS_Store) are
 * skipped in directories and archives alike.
 */
final class Sources {
    /** More files than any account snapshot holds; fewer than would exhaust memory as entries. */
    static final int MAX_ENTRIES = 200_000;

    /**
     * One file to read.
     *
     * @param name      how reports name it: the path, or {@code archive.zip!/inner/path}
     * @param contained true if it was found in a directory or archive rather than named by the user
     */
    record Entry(String name, boolean contained, Supplier<byte[]> bytes) {}

    /** Thrown when an entry turns out to be no input at all: reported as unrecognised, with what it is. */
    static final class Unrecognised extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unrecognised(String what) {
            super(what, null, false, false);
        }
    }

    private Sources() {}

    /**
     * The entries of an input.
     *
     * @throws InputException if the input itself cannot be read
     */
    static List<Entry> expand(String path) {
        Path file;
        try {
            file = Path.of(path);
        } catch (java.nio.file.InvalidPathException e) {
            throw new InputException(path, null, "not a valid file path");
        }
        if (Files.isDirectory(file)) {
            List<Entry> entries = directory(path, file);
            if (entries.isEmpty()) {
                throw new InputException(path, null, "a directory with no files to read");
            }
            return entries;
        }
        byte[] bytes = read(path, file);
        List<Entry> archived = archive(path, bytes);
        return archived != null ? archived : List.of(new Entry(path, false, () -> bytes));
    }

    private static List<Entry> directory(String path, Path dir) {
        String prefix = path.endsWith("/") || path.endsWith(java.io.File.separator) ? path : path + "/";
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> sorted = files.filter(p -> !p.equals(dir))
                    .filter(p -> !hidden(dir.relativize(p)))
                    .filter(p -> Files.isRegularFile(p) || Files.isSymbolicLink(p))
                    .sorted(Comparator.comparing(p -> slashed(dir.relativize(p))))
                    .toList();
            for (Path p : sorted) {
                String name = prefix + slashed(dir.relativize(p));
                if (out.size() >= MAX_ENTRIES) {
                    throw new InputException(path, null, "more than " + MAX_ENTRIES + " files");
                }
                if (!Files.isRegularFile(p)) {
                    // Links to folders are not followed (they may loop); a broken link holds nothing.
                    String what = Files.isDirectory(p) ? "a link to a folder, not followed" : "a link to nothing";
                    out.add(new Entry(name, true, () -> {
                        throw new Unrecognised(what);
                    }));
                    continue;
                }
                out.add(new Entry(name, true, () -> read(name, p)));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new InputException(path, null, "the directory cannot be listed");
        }
        // An archive inside the directory is read as the files it holds.
        List<Entry> expanded = new ArrayList<>(out.size());
        for (Entry e : out) {
            Path file = dir.resolve(e.name().substring(prefix.length()));
            if (Files.isRegularFile(file) && looksLikeArchive(file)) {
                try {
                    byte[] bytes = e.bytes().get();
                    List<Entry> inner = archive(e.name(), bytes);
                    if (inner != null) {
                        expanded.addAll(inner);
                        continue;
                    }
                    expanded.add(new Entry(e.name(), true, () -> bytes));
                    continue;
                } catch (InputException failed) {
                    expanded.add(new Entry(e.name(), true, () -> {
                        throw failed;
                    }));
                    continue;
                } catch (OutOfMemoryError tooLarge) {
                    InputException failed = new InputException(e.name(), null, "too large to read in the memory given to breachpath");
                    expanded.add(new Entry(e.name(), true, () -> {
                        throw failed;
                    }));
                    continue;
                }
            }
            expanded.add(e);
        }
        return expanded;
    }

    /** Whether a file starts like a zip or tar archive, gzipped or not (told by content, not name). */
    private static boolean looksLikeArchive(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(512);
        } catch (IOException e) {
            return false;
        }
        if (isZip(head) || isTar(head)) {
            return true;
        }
        if (!JsonInput.isGzip(head)) {
            return false;
        }
        try (InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
            return isTar(in.readNBytes(512));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The entries of an archive, or null if the bytes are not one (a zip that is a binary
     * Terraform plan is refused with what to do instead).
     */
    private static List<Entry> archive(String path, byte[] bytes) {
        try {
            if (isZip(bytes)) {
                List<Entry> entries = zip(path, bytes);
                if (entries.isEmpty() || entries.stream().anyMatch(e -> e.name().equals(path + "!/tfplan"))) {
                    throw new InputException(path, null, "a binary Terraform plan file or an empty zip archive, not JSON;"
                            + " convert a plan with: terraform show -json PLANFILE > plan.json");
                }
                return entries;
            }
            if (JsonInput.isGzip(bytes)) {
                byte[] tar = JsonInput.gunzip(path, bytes);
                return isTar(tar) ? entries(path, new TarArchiveInputStream(new ByteArrayInputStream(tar))) : null;
            }
            return isTar(bytes) ? entries(path, new TarArchiveInputStream(new ByteArrayInputStream(bytes))) : null;
        } catch (IOException | IllegalArgumentException e) {
            throw new InputException(path, null, "a damaged archive");
        }
    }

    /**
     * A zip's entries, by its central directory (so an entry that cannot be read, encrypted or
     * compressed in an unsupported way, is one refused entry, not the end of the archive); a zip
     * whose directory is damaged is read as a stream, as far as it goes.
     */
    private static List<Entry> zip(String path, byte[] bytes) throws IOException {
        org.apache.commons.compress.archivers.zip.ZipFile zip;
        try {
            zip = org.apache.commons.compress.archivers.zip.ZipFile.builder()
                    .setSeekableByteChannel(new org.apache.commons.compress.utils.SeekableInMemoryByteChannel(bytes)).get();
        } catch (IOException e) {
            return entries(path, new ZipArchiveInputStream(new ByteArrayInputStream(bytes),
                    java.nio.charset.StandardCharsets.UTF_8.name(), true, true));
        }
        Archived out = new Archived(path);
        try (zip) {
            for (var e : java.util.Collections.list(zip.getEntriesInPhysicalOrder())) {
                if (!e.isDirectory()) {
                    out.add(e.getName(), zip.canReadEntryData(e), () -> {
                        try (InputStream in = zip.getInputStream(e)) {
                            return bounded(path, in);
                        }
                    });
                }
            }
        }
        return out.sorted();
    }

    private static List<Entry> entries(String path, ArchiveInputStream<?> in) throws IOException {
        Archived out = new Archived(path);
        try (in) {
            for (ArchiveEntry e; (e = in.getNextEntry()) != null; ) {
                if (!e.isDirectory()) {
                    byte[] data = in.canReadEntryData(e) ? bounded(path, in) : null;
                    out.add(e.getName(), data != null, () -> data);
                }
            }
        }
        return out.sorted();
    }

    /** Reads an entry's bytes; may fail on a damaged entry. */
    private interface Read {
        byte[] get() throws IOException;
    }

    /**
     * The entries of one archive as they are read: hidden names skipped, unreadable or damaged
     * entries kept as refused ones, and the whole bounded in number and decompressed size.
     */
    private static final class Archived {
        private final String path;
        private final List<Entry> out = new ArrayList<>();
        private long total;

        Archived(String path) {
            this.path = path;
        }

        void add(String inner, boolean readable, Read read) {
            if (hidden(inner)) {
                return;
            }
            if (out.size() >= MAX_ENTRIES) {
                throw new InputException(path, null, "more than " + MAX_ENTRIES + " files in the archive");
            }
            String name = path + "!/" + inner;
            byte[] data;
            try {
                data = readable ? read.get() : null;
            } catch (IOException e) {
                refuse(name, "a damaged archive entry");
                return;
            }
            if (data == null) {
                refuse(name, "an archive entry that cannot be read (encrypted, or compressed in a way not supported)");
                return;
            }
            total += data.length;
            if (total > JsonInput.MAX_DOCUMENT) {
                throw new InputException(path, null, "decompresses to more than " + JsonInput.MAX_DOCUMENT
                        + " bytes; extract it and give the folder");
            }
            out.add(new Entry(name, true, () -> data));
        }

        private void refuse(String name, String why) {
            InputException refused = new InputException(name, null, why);
            out.add(new Entry(name, true, () -> {
                throw refused;
            }));
        }

        List<Entry> sorted() {
            out.sort(Comparator.comparing(Entry::name));
            return out;
        }
    }

    private static byte[] bounded(String path, InputStream in) throws IOException {
        byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, JsonInput.MAX_DOCUMENT + 1));
        if (data.length > JsonInput.MAX_DOCUMENT) {
            throw new InputException(path, null, "holds a file larger than " + JsonInput.MAX_DOCUMENT + " bytes");
        }
        return data;
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hidden(String inner) {
        for (String part : inner.split("/")) {
            if (part.startsWith(".") && !part.equals(".")) {
                return true;
            }
        }
        return false;
    }

    private static String slashed(Path relative) {
        StringBuilder s = new StringBuilder();
        for (Path part : relative) {
            if (!s.isEmpty()) {
                s.append('/');
            }
            s.append(part);
        }
        return s.toString();
    }

    static byte[] read(String path, Path file) {
        try {
            if (Files.size(file) > JsonInput.MAX_DOCUMENT) {
                throw new InputException(path, null, "larger than " + JsonInput.MAX_DOCUMENT + " bytes");
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

    private static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    private static boolean isTar(byte[] b) {
        return b.length >= 262 && b[257] == 'u' && b[258] == 's' && b[259] == 't' && b[260] == 'a' && b[261] == 'r';
    }
}
