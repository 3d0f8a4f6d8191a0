package dev.breachpath.collect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * A collection: each target account in turn, its calls on one bounded pool, into a snapshot
 * folder of its own ({@code OUT/} for one account, {@code OUT/<account>/} for several).
 */
final class Collector {
    private Collector() {}

    /** Collects every target; returns what came of each, in the order given. */
    static List<AccountRun.Result> collect(Settings settings, Progress progress, Instant now) {
        List<AccountRun.Result> results = new ArrayList<>();
        boolean several = settings.targets().size() > 1;
        ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency(), threads("collect-"));
        java.util.concurrent.ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, threads("collect-timer-"));
        try (SdkHttpClient http = Clients.http(settings)) {
            int n = 0;
            for (Settings.Target target : settings.targets()) {
                n++;
                String label = target.account() != null ? target.account() : "account-" + n;
                Path dir = several ? settings.out().resolve(label) : settings.out();
                progress.account(several ? label : null);
                Snapshot snapshot = new Snapshot(dir);
                // Ctrl-C: the hook writes the manifest of what was kept; nothing is kept after it
                Thread hook = new Thread(() -> snapshot.interrupted(now));
                Runtime.getRuntime().addShutdownHook(hook);
                try (Clients clients = new Clients(settings, http, timers, target)) {
                    results.add(new AccountRun(settings, target, clients, snapshot, pool, progress).run(now));
                } finally {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException e) {
                        // the JVM is stopping: the hook writes the manifest
                    }
                }
            }
        } finally {
            pool.shutdownNow();
            timers.shutdownNow();
            progress.finish();
        }
        return results;
    }

    /** Refuses an output folder that holds anything: a snapshot is never mixed with another. */
    static String problemWithOut(Path out) {
        if (!Files.exists(out)) {
            return null;
        }
        if (!Files.isDirectory(out)) {
            return out + " is a file: give a new or empty folder for the snapshot";
        }
        try (var entries = Files.list(out)) {
            return entries.findAny().isPresent() ? out + " already holds files: give a new or empty folder for the snapshot" : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
