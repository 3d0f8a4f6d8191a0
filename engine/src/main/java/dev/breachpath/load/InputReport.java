package dev.breachpath.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What reading one input gave: every element of the input in exactly one state (modelled,
 * unmodelled by type, or rejected with a reason), so the counts always add up to the elements;
 * or, for an input that could not be read at all, the one-line reason.
 *
 * <p>Immutable once built.
 */
public final class InputReport {
    /** An element that was read but not used, and why. */
    public record Rejection(String element, String reason) {}

    private final String path;
    private final String source;
    private final String format;
    private final String formatVersion;
    private final String error;
    private final String unrecognised;
    private final int modelled;
    private final SortedMap<String, Integer> unmodelled;
    private final List<Rejection> rejected;
    private final List<String> warnings;

    private InputReport(String path, String format, String formatVersion, String error, String unrecognised, int modelled,
                        SortedMap<String, Integer> unmodelled, List<Rejection> rejected, List<String> warnings) {
        // A file may be named after what it holds: shown, its name is scrubbed like any text.
        this.source = path;
        this.path = dev.breachpath.secret.Redactor.maskKeyIds(path);
        this.format = format;
        this.formatVersion = formatVersion;
        this.error = error == null ? null : dev.breachpath.secret.Redactor.scrub(error);
        this.unrecognised = unrecognised;
        this.modelled = modelled;
        this.unmodelled = unmodelled;
        this.rejected = rejected;
        this.warnings = warnings;
    }

    /** The report of an input that could not be read: {@code error} is its one-line reason. */
    public static InputReport refused(String path, String error) {
        return new InputReport(path, null, null, error, null, 0, new TreeMap<>(), List.of(), List.of());
    }

    /**
     * The report of a file found in a directory or archive that is no input breachpath reads
     * (a README, a response of an API it does not know): not an error, and no elements.
     */
    public static InputReport unrecognised(String path, String what) {
        return new InputReport(path, null, null, null, what, 0, new TreeMap<>(), List.of(), List.of());
    }

    /** The input as named on the command line (or found in a folder), with anything secret-shaped masked. */
    public String path() {
        return path;
    }

    /** The file as it is named on disk, for reading it again; never to be shown. */
    public String source() {
        return source;
    }

    /** The detected format, e.g. {@code terraform-plan}; null if refused or unrecognised. */
    public String format() {
        return format;
    }

    /** The format's version as the input states it, or null. */
    public String formatVersion() {
        return formatVersion;
    }

    /** Why the input could not be read, or null if it was read. */
    public String error() {
        return error;
    }

    public boolean isRefused() {
        return error != null;
    }

    /** What the file is, if it was not recognised as any input; else null. */
    public String unrecognised() {
        return unrecognised;
    }

    public boolean isUnrecognised() {
        return unrecognised != null;
    }

    /** The number of elements: always modelled + unmodelled + rejected. */
    public int elements() {
        return modelled + unmodelledCount() + rejected.size();
    }

    public int modelled() {
        return modelled;
    }

    /** Unmodelled elements by type, sorted by type. */
    public SortedMap<String, Integer> unmodelled() {
        return unmodelled;
    }

    public int unmodelledCount() {
        return unmodelled.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Rejected elements, sorted by element. */
    public List<Rejection> rejected() {
        return rejected;
    }

    /** Things worth knowing that lost nothing (a policy document that is not JSON, say). */
    public List<String> warnings() {
        return warnings;
    }

    /** Collects the states of an input's elements while it is read. Not thread-safe. */
    public static final class Builder {
        private enum State { MODELLED, UNMODELLED, REJECTED }

        private final String path;
        private final String format;
        private final String formatVersion;
        private final Map<String, State> states = new HashMap<>();
        private final Map<String, String> types = new HashMap<>();
        private final Map<String, String> reasons = new HashMap<>();
        private final List<String> warnings = new ArrayList<>();

        public Builder(String path, String format, String formatVersion) {
            this.path = Objects.requireNonNull(path);
            this.format = Objects.requireNonNull(format);
            this.formatVersion = formatVersion;
        }

        /** The element was modelled, unless it has already been rejected. */
        public void modelled(String element) {
            states.putIfAbsent(element, State.MODELLED);
        }

        /** The element's type is not supported yet. */
        public void unmodelled(String element, String type) {
            if (states.putIfAbsent(element, State.UNMODELLED) == null) {
                types.put(element, type);
            }
        }

        /** The element was rejected; this overrides modelled, and the first reason is kept. */
        public void rejected(String element, String reason) {
            State previous = states.put(element, State.REJECTED);
            if (previous != State.REJECTED) {
                reasons.put(element, reason);
            }
            types.remove(element);
        }

        /** Whether the element already has a state. */
        public boolean has(String element) {
            return states.containsKey(element);
        }

        /** Whether the element has been rejected. */
        public boolean isRejected(String element) {
            return states.get(element) == State.REJECTED;
        }

        /** Adds a warning. */
        public void warning(String message) {
            warnings.add(message);
        }

        public InputReport build() {
            int modelled = 0;
            SortedMap<String, Integer> unmodelled = new TreeMap<>();
            List<Rejection> rejected = new ArrayList<>();
            for (Map.Entry<String, State> e : states.entrySet()) {
                switch (e.getValue()) {
                    case MODELLED -> modelled++;
                    case UNMODELLED -> unmodelled.merge(types.get(e.getKey()), 1, Integer::sum);
                    case REJECTED -> rejected.add(new Rejection(e.getKey(), reasons.get(e.getKey())));
                }
            }
            rejected.replaceAll(r -> new Rejection(dev.breachpath.secret.Redactor.scrub(r.element()),
                    dev.breachpath.secret.Redactor.scrub(r.reason())));
            rejected.sort(Comparator.comparing(Rejection::element));
            List<String> sortedWarnings = warnings.stream().map(dev.breachpath.secret.Redactor::scrub).distinct().sorted().toList();
            return new InputReport(path, format, formatVersion, null, null, modelled,
                    java.util.Collections.unmodifiableSortedMap(unmodelled), List.copyOf(rejected), sortedWarnings);
        }
    }
}
