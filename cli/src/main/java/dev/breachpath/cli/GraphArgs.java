package dev.breachpath.cli;

import dev.breachpath.PolicyTests;
import dev.breachpath.derive.Classification;
import dev.breachpath.policy.PolicyException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --classification FILE}: which data stores are sensitive. */
final class ClassificationArg {
    @Option(names = "--classification", paramLabel = "FILE",
            description = "A YAML file saying which data stores are sensitive (keys: sensitive-by-default, tag-keys, "
                    + "public-values, sensitive-values). Default: databases, snapshots, tables, secrets and buckets, "
                    + "unless tagged data-classification = public.")
    Path file;

    Classification classification() {
        if (file == null) {
            return Classification.defaults();
        }
        try {
            return PolicyTests.classification(file);
        } catch (PolicyException e) {
            throw new Main.Failure(e.getMessage());
        }
    }
}
