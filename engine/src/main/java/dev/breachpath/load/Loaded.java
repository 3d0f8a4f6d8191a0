package dev.breachpath.load;

import dev.breachpath.graph.FactGraph;
import java.util.List;

/**
 * Every input of a run, read: a report per input (in the order of their paths) and the fact
 * graph of each stage.
 */
public final class Loaded {
    private final List<InputReport> reports;
    private final FactGraph before;
    private final FactGraph after;

    Loaded(List<InputReport> reports, FactGraph before, FactGraph after) {
        this.reports = List.copyOf(reports);
        this.before = before;
        this.after = after;
    }

    /** One report per input, sorted by path. */
    public List<InputReport> reports() {
        return reports;
    }

    /** True if some input could not be read at all. */
    public boolean anyRefused() {
        return reports.stream().anyMatch(InputReport::isRefused);
    }

    /** The graph of a stage. */
    public FactGraph graph(Stage stage) {
        return stage == Stage.BEFORE ? before : after;
    }
}
