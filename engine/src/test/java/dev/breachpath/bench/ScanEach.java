package dev.breachpath.bench;

import dev.breachpath.Breachpath;
import dev.breachpath.derive.Classification;
import dev.breachpath.load.Loaded;
import dev.breachpath.load.Stage;
import dev.breachpath.policy.Finding;
import dev.breachpath.policy.PolicyLoader;
import dev.breachpath.policy.Scanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scans each input on its own, in one JVM, and prints every finding in a line, then the count of
 * findings by policy: for reading what the pack says about a corpus (such as ../shared/realdata).
 * Arguments are plan files, or a file listing them with {@code @list}.
 */
public final class ScanEach {
    private ScanEach() {}

    public static void main(String[] args) throws Exception {
        var policies = PolicyLoader.builtin();
        Map<String, Integer> byPolicy = new TreeMap<>();
        for (String arg : args) {
            List<String> files = arg.startsWith("@") ? Files.readAllLines(Path.of(arg.substring(1))) : List.of(arg);
            for (String file : files) {
                Loaded loaded = Breachpath.load(List.of(file));
                if (loaded.anyRefused()) {
                    System.out.println("refused " + file);
                    continue;
                }
                Scanner.Result r = Breachpath.scan(loaded.graph(Stage.AFTER), Classification.defaults(), policies, 60_000);
                for (Finding f : r.findings()) {
                    byPolicy.merge(f.policy().id(), 1, Integer::sum);
                    System.out.println(file + "\t" + f.policy().id() + "\t" + f.certainty() + "\t" + f.message());
                }
                r.errors().forEach(e -> System.out.println(file + "\tERROR\t" + e));
            }
        }
        byPolicy.forEach((p, n) -> System.out.println("total\t" + p + "\t" + n));
    }
}
