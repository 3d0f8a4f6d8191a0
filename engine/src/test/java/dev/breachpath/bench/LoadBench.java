package dev.breachpath.bench;

import dev.breachpath.Breachpath;
import dev.breachpath.load.Loaded;
import dev.breachpath.load.Stage;
import java.nio.file.Path;
import java.util.List;

/**
 * Measures loading plans: generated ones of the sizes given, or real files. For each input it
 * prints the first load in this JVM, the best of the following ones, the triples, and the heap
 * the loaded graphs hold. A benchmark to record in docs/performance.md, not a test. Run it in a
 * JVM of its own (exec:exec, not exec:java, which would share Maven's); it runs in engine/, so
 * give files as absolute paths.
 *
 * <pre>
 * mvn -q -pl engine test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-cp %classpath dev.breachpath.bench.LoadBench 1000 10000 50000 $PWD/plan.json"
 * </pre>
 */
public final class LoadBench {
    private static final int RUNS = 5;

    private LoadBench() {}

    public static void main(String[] args) throws Exception {
        for (String arg : args.length == 0 ? new String[] {"1000", "10000"} : args) {
            Path plan = PlanGenerator.planFor(arg);
            measure(arg, plan);
        }
    }

    private static void measure(String name, Path plan) {
        var report = Breachpath.load(List.of(plan.toString())).reports().get(0);
        if (report.isRefused()) {
            System.out.printf("%s: refused: %s%n", name, report.error());
            return;
        }
        long first = 0;
        long best = Long.MAX_VALUE;
        Loaded loaded = null;
        for (int run = 0; run < RUNS; run++) {
            loaded = null;
            System.gc();
            long start = System.nanoTime();
            loaded = Breachpath.load(List.of(plan.toString()));
            long elapsed = System.nanoTime() - start;
            if (run == 0) {
                first = elapsed;
            } else {
                best = Math.min(best, elapsed);
            }
        }
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long heap = rt.totalMemory() - rt.freeMemory();
        System.out.printf("%s: %d elements, %d triples after, %d before; first load %d ms, best of %d warm %d ms,"
                        + " heap with the graphs %d MB%n", name, loaded.reports().get(0).elements(),
                loaded.graph(Stage.AFTER).size(), loaded.graph(Stage.BEFORE).size(), first / 1_000_000, RUNS - 1,
                best / 1_000_000, heap >> 20);
    }
}
