package dev.breachpath.load.terraform;

import dev.breachpath.load.Stage;

/**
 * One element of a plan: a resource instance address, with its state before and after the plan.
 * Mutable only while {@link PlanReader} merges what the plan's sections say about it.
 */
final class PlanResource implements Comparable<PlanResource> {
    final String address;
    final Address parsed;
    final String type;
    final boolean data;
    /** The module instance, e.g. {@code module.app["blue"]}; computed once, used in every lookup. */
    final String moduleInstance;
    /** The module call path without keys, where the configuration is. */
    final String moduleCall;
    /** {@code [data.]TYPE.NAME} within the module. */
    final String resourceInModule;
    Snapshot before;
    Snapshot after;
    /** create, update, replace, delete, no-op, read, forget; null if the plan does not say. */
    String change;

    PlanResource(String address, Address parsed) {
        this.address = address;
        this.parsed = parsed;
        this.type = parsed.type();
        this.data = parsed.data();
        this.moduleInstance = parsed.moduleInstance();
        this.moduleCall = parsed.moduleCall();
        this.resourceInModule = parsed.resourceInModule();
    }

    /** The snapshot of a stage, or null if the resource does not exist in it. */
    Snapshot in(Stage stage) {
        return stage == Stage.BEFORE ? before : after;
    }

    /** The type with {@code data.} for data sources: what reports count unmodelled elements by. */
    String qualifiedType() {
        return data ? "data." + type : type;
    }

    @Override
    public int compareTo(PlanResource other) {
        return address.compareTo(other.address);
    }

    @Override
    public String toString() {
        return address;
    }
}
