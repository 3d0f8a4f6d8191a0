package dev.breachpath.collect;

import java.io.PrintWriter;

/**
 * Progress on stderr while a collection runs: one line, rewritten in place at most a few times a
 * second, with the calls made, the failures, the items so far and the service and region of the
 * last call. Off when stderr is not a terminal or with {@code --quiet}: logs of CI jobs get the
 * summary only.
 */
final class Progress {
    private static final long EVERY_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final boolean on;
    private String label = "";
    private int calls;
    private int failed;
    private long items;
    private long shown = System.nanoTime() - EVERY_NANOS;
    private int width;

    Progress(PrintWriter err, boolean on) {
        this.err = err;
        this.on = on;
    }

    static Progress off() {
        return new Progress(new PrintWriter(java.io.Writer.nullWriter()), false);
    }

    /** The account the calls are now about (several accounts are collected one after another). */
    synchronized void account(String label) {
        this.label = label == null ? "" : label + " ";
    }

    synchronized void done(Op op, String where, int count, boolean ok) {
        calls++;
        items += count;
        if (!ok) {
            failed++;
        }
        long now = System.nanoTime();
        if (!on || now - shown < EVERY_NANOS) {
            return;
        }
        shown = now;
        String line = String.format(java.util.Locale.ROOT, "collect: %s%,d call%s%s, %,d items · %s %s", label, calls, calls == 1 ? "" : "s",
                failed == 0 ? "" : String.format(java.util.Locale.ROOT, " (%,d not ok)", failed), items, where, op.name());
        int pad = Math.max(0, width - line.length());
        width = line.length();
        err.print("\r" + line + " ".repeat(pad));
        err.flush();
    }

    /** Clears the progress line. */
    synchronized void finish() {
        if (on && width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
            width = 0;
        }
    }
}
