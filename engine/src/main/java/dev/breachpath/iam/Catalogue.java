package dev.breachpath.iam;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import java.util.zip.GZIPInputStream;

/** Reads the tab-separated, gzipped IAM data resources that {@code engine/src/build/iam-data/refresh.sh} writes. */
final class Catalogue {
    private Catalogue() {}

    /** Calls {@code line} with the first column and the rest of each data line (comment lines skipped). */
    static void read(String resource, BiConsumer<String, String> line) {
        try (InputStream raw = Catalogue.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("the IAM data resource " + resource + " is missing from the build");
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8));
            for (String l = in.readLine(); l != null; l = in.readLine()) {
                if (l.isEmpty() || l.charAt(0) == '#') {
                    continue;
                }
                int tab = l.indexOf('\t');
                line.accept(l.substring(0, tab), l.substring(tab + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
