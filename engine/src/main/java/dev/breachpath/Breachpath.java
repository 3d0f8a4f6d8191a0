package dev.breachpath;

import dev.breachpath.load.Loaded;
import dev.breachpath.load.Loader;
import dev.breachpath.load.terraform.TerraformPlanFormat;
import dev.breachpath.resource.aws.AwsMappings;
import java.util.List;

/**
 * The one entry point of the engine: inputs in, fact graphs and reports out.
 *
 * <p>Thread-safe; every call is independent.
 */
public final class Breachpath {
    private static final Loader LOADER = new Loader(List.of(new TerraformPlanFormat(AwsMappings.standard())));

    private Breachpath() {}

    /**
     * Reads every input (in the order of their paths) into the fact graphs of both stages. An
     * input that cannot be read is reported in {@link Loaded#reports()}; the others are still read.
     *
     * @param inputs paths as the user gave them
     */
    public static Loaded load(List<String> inputs) {
        return LOADER.load(inputs);
    }
}
