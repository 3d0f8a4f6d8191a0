package dev.breachpath.bench;

import dev.breachpath.Breachpath;
import dev.breachpath.derive.Classification;
import dev.breachpath.load.Loaded;
import dev.breachpath.load.Stage;
import dev.breachpath.policy.Policy;
import dev.breachpath.policy.PolicyLoader;
import dev.breachpath.policy.Scanner;
import java.nio.file.Path;
import java.util.List;

/**
 * The scan benchmark: for each size (or plan file) given, loads, derives and runs the built-in
 * pack, and reports each stage's time for the first run in this JVM and the best of the warm
 * runs after it, the number of findings and the heap held. Run one size per JVM for cold numbers:
 *
 * <pre>
 * mvn -q -pl engine test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-cp %classpath dev.breachpath.bench.ScanBench 10000"
 * </pre>
 */
public final class ScanBench {
    private static final int RUNS = 5;

    private ScanBench() {}

    public static void main(String[] args) throws Exception {
        List<Policy> policies = PolicyLoader.builtin();
        for (String arg : args.length == 0 ? new String[] {"1000", "10000"} : args) {
            Path plan = PlanGenerator.planFor(arg);
            long[] best = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
            long[] first = null;
            Loaded loaded = null;
            Scanner.Result result = null;
            for (int run = 0; run < RUNS; run++) {
                loaded = null;
                result = null;
                if (run > 0) {
                    System.gc();
                }
                long t0 = System.nanoTime();
                loaded = Breachpath.load(List.of(plan.toString()));
                long t1 = System.nanoTime();
                var graph = loaded.graph(Stage.AFTER);
                Breachpath.derive(graph, Classification.defaults());
                long t2 = System.nanoTime();
                result = new Scanner(graph.graph(), 60_000).run(policies);
                long t3 = System.nanoTime();
                long[] times = {t1 - t0, t2 - t1, t3 - t2, t3 - t0};
                if (run == 0) {
                    first = times;
                } else {
                    for (int i = 0; i < 4; i++) {
                        best[i] = Math.min(best[i], times[i]);
                    }
                }
            }
            System.gc();
            Runtime rt = Runtime.getRuntime();
            long heap = rt.totalMemory() - rt.freeMemory();
            System.out.printf("%s: %d resources, %d findings, %d errors%n", arg, loaded.reports().get(0).elements(),
                    result.findings().size(), result.errors().size());
            System.out.printf("  first run: load %d ms, derive %d ms, policies %d ms, total %d ms%n",
                    ms(first[0]), ms(first[1]), ms(first[2]), ms(first[3]));
            System.out.printf("  best warm: load %d ms, derive %d ms, policies %d ms, total %d ms; heap with graphs %d MB%n",
                    ms(best[0]), ms(best[1]), ms(best[2]), ms(best[3]), heap >> 20);
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
