package dev.breachpath.report;

import dev.breachpath.load.InputReport;
import dev.breachpath.policy.Finding;
import dev.breachpath.policy.Policy;
import java.util.List;
import java.util.Set;

/**
 * Everything a scan report says, whatever its format: the inputs, the policies that ran, the
 * findings still to act on, those a waiver covers, how many an earlier baseline already had,
 * and what went wrong.
 *
 * @param version   breachpath's version
 * @param inputs    the report of each input
 * @param policies  the policies that ran
 * @param findings  the findings to act on (not waived, not in the baseline), worst first
 * @param waived    findings a waiver covers, each with it
 * @param baselined how many findings the baseline already had (left out of {@code findings})
 * @param fresh     the ids of the findings the plan adds (absent before it), or null when the scan
 *                  did not compare with the state before the plan
 * @param removed   findings of the state before the plan that the plan removes (empty when not compared)
 * @param errors    policies that failed
 * @param notes     things about the run a reader must know: expired waivers, waivers that match nothing
 */
public record ScanReport(String version, List<InputReport> inputs, List<Policy> policies, List<Finding> findings,
                         List<Waivers.Waived> waived, int baselined, Set<String> fresh, List<Finding> removed,
                         List<String> errors, List<String> notes) {
    public ScanReport {
        inputs = List.copyOf(inputs);
        policies = List.copyOf(policies);
        findings = List.copyOf(findings);
        waived = List.copyOf(waived);
        fresh = fresh == null ? null : Set.copyOf(fresh);
        removed = List.copyOf(removed);
        errors = List.copyOf(errors);
        notes = List.copyOf(notes);
    }

    /** A report of findings alone: no waivers, no baseline, no comparison. */
    public static ScanReport of(String version, List<InputReport> inputs, List<Policy> policies, List<Finding> findings,
                                List<String> errors) {
        return new ScanReport(version, inputs, policies, findings, List.of(), 0, null, List.of(), errors, List.of());
    }

    /** Whether the run did all it was asked: every input read and every policy ran. */
    public boolean complete() {
        return errors.isEmpty() && inputs.stream().noneMatch(InputReport::isRefused);
    }

    /** Whether the finding is one the plan adds; false when the scan did not compare. */
    public boolean isNew(Finding f) {
        return fresh != null && fresh.contains(f.id());
    }
}
