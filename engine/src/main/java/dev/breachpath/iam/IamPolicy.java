package dev.breachpath.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A policy in force: its statements, how each is named in explanations, and an index from
 * action to the statements whose {@code Action}/{@code NotAction} cover it, filled as actions are
 * asked (so a principal asked about thousands of resources matches its action patterns once).
 * Thread-safe.
 */
public final class IamPolicy {
    private final String name;
    private final List<Statement> statements;
    private final List<String> labels;
    private final ConcurrentHashMap<String, int[]> byAction = new ConcurrentHashMap<>();

    private IamPolicy(String name, List<Statement> statements, List<String> labels) {
        this.name = name;
        this.statements = List.copyOf(statements);
        this.labels = List.copyOf(labels);
    }

    /** A policy named {@code name}; its statements are named by Sid, else by position. */
    public static IamPolicy of(String name, List<Statement> statements) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            Statement s = statements.get(i);
            labels.add(name + (s.sid() != null && !s.sid().isEmpty() ? ", Sid " + s.sid() : ", statement " + i));
        }
        return new IamPolicy(name, statements, labels);
    }

    /** A policy whose statements are each named by the caller (statements may come from several documents). */
    public static IamPolicy labelled(String name, List<Statement> statements, List<String> labels) {
        if (labels.size() != statements.size()) {
            throw new IllegalArgumentException("one label per statement");
        }
        return new IamPolicy(name, statements, labels);
    }

    public String name() {
        return name;
    }

    public List<Statement> statements() {
        return statements;
    }

    /** How statement {@code i} is named in explanations. */
    public String label(int i) {
        return labels.get(i);
    }

    /** The positions of the statements whose Action or NotAction covers {@code action}. */
    int[] forAction(String action) {
        int[] known = byAction.get(action);
        if (known != null) {
            return known;
        }
        return byAction.computeIfAbsent(action, a -> {
            int[] out = new int[statements.size()];
            int n = 0;
            for (int i = 0; i < statements.size(); i++) {
                if (Evaluator.actionApplies(statements.get(i), a)) {
                    out[n++] = i;
                }
            }
            return java.util.Arrays.copyOf(out, n);
        });
    }
}
