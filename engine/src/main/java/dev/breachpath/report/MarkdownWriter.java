package dev.breachpath.report;

import dev.breachpath.policy.Finding;
import dev.breachpath.policy.Severity;
import java.util.List;

/**
 * A report for a pull or merge request comment: a summary table by severity, then each finding
 * with its attack path as a Mermaid flowchart (hops labelled by their witness) and its evidence
 * and fix in a collapsed section; findings new in the plan are marked. Kept under the size a
 * GitHub comment takes: past it, the rest are listed by title only.
 */
public final class MarkdownWriter {
    /** GitHub refuses comments over 65,536 characters; leave room for what wraps the report. */
    static final int BUDGET = 60_000;

    private MarkdownWriter() {}

    public static String write(ScanReport report) {
        StringBuilder out = new StringBuilder();
        List<Finding> findings = report.findings();
        out.append("## breachpath: ").append(findings.isEmpty() ? "no findings" : findings.size() + (findings.size() == 1 ? " finding" : " findings"));
        if (report.fresh() != null) {
            out.append(", ").append(findings.stream().filter(report::isNew).count()).append(" new in this plan");
        }
        out.append("\n\n");
        if (!report.complete()) {
            out.append("> **The scan is incomplete:** ").append(report.errors().size()).append(" failed; see the errors below.\n\n");
        }
        out.append("| severity | findings |").append(report.fresh() != null ? " new |" : "").append('\n');
        out.append("|---|---|").append(report.fresh() != null ? "---|" : "").append('\n');
        for (Severity s : Severity.values()) {
            List<Finding> group = findings.stream().filter(f -> f.policy().severity() == s).toList();
            out.append("| ").append(s.label()).append(" | ").append(group.size()).append(" |");
            if (report.fresh() != null) {
                out.append(' ').append(group.stream().filter(report::isNew).count()).append(" |");
            }
            out.append('\n');
        }
        if (!report.waived().isEmpty() || report.baselined() > 0) {
            out.append("\n").append(report.waived().size()).append(" waived, ").append(report.baselined()).append(" already in the baseline.\n");
        }
        int omitted = 0;
        for (Severity s : Severity.values()) {
            List<Finding> group = findings.stream().filter(f -> f.policy().severity() == s).toList();
            if (group.isEmpty()) {
                continue;
            }
            out.append("\n### ").append(s.label()).append(" (").append(group.size()).append(")\n");
            for (Finding f : group) {
                String entry = out.length() < BUDGET ? entry(f, report) : "";
                if (!entry.isEmpty() && out.length() + entry.length() <= BUDGET) {
                    out.append(entry);
                    continue;
                }
                String line = "- " + (report.isNew(f) ? "**NEW** " : "") + escape(f.message()) + "\n";
                if (out.length() + line.length() <= BUDGET) {
                    out.append(line);
                } else {
                    omitted++;
                }
            }
        }
        if (omitted > 0) {
            out.append("\n_").append(omitted).append(omitted == 1 ? " more finding is" : " more findings are")
                    .append(" left out to keep this comment within GitHub's size limit; the full report (`--format html` or `json`)"
                            + " has every one._\n");
        }
        if (!report.removed().isEmpty()) {
            out.append("\n### removed by this plan (").append(report.removed().size()).append(")\n");
            report.removed().forEach(f -> out.append("- ").append(escape(f.message())).append(" (`").append(f.policy().id()).append("`)\n"));
        }
        if (!report.waived().isEmpty()) {
            out.append("\n<details><summary>waived (").append(report.waived().size()).append(")</summary>\n\n");
            for (Waivers.Waived w : report.waived()) {
                out.append("- ").append(escape(w.finding().message())).append(" — until ").append(w.waiver().expires()).append(", ")
                        .append(escape(w.waiver().owner())).append(": ").append(escape(w.waiver().reason())).append('\n');
            }
            out.append("\n</details>\n");
        }
        if (!report.notes().isEmpty()) {
            out.append("\n**Notes**\n\n");
            report.notes().forEach(n -> out.append("- ").append(escape(n)).append('\n'));
        }
        if (!report.errors().isEmpty()) {
            out.append("\n**Errors**\n\n");
            report.errors().forEach(e -> out.append("- ").append(escape(e)).append('\n'));
        }
        return out.toString();
    }

    private static String entry(Finding f, ScanReport report) {
        StringBuilder out = new StringBuilder();
        out.append("\n<details><summary>").append(report.isNew(f) ? "<b>NEW</b> " : "").append("<b>").append(html(f.policy().title()))
                .append("</b>: ").append(html(f.message())).append(f.certainty().equals("definite") ? "" : " (possible)")
                .append("</summary>\n\n");
        if (f.path().size() > 1 || f.exposure() != null) {
            out.append("```mermaid\n").append(PathDrawing.mermaid(f)).append("```\n\n");
        }
        if (f.exposure() != null) {
            f.exposure().evidence().forEach(e -> out.append("- ").append(escape(e)).append('\n'));
        }
        for (Finding.Step s : f.path()) {
            if (s.hop() != null) {
                s.hop().evidence().forEach(e -> out.append("- ").append(escape(e)).append('\n'));
            }
        }
        if (!f.policy().remediation().isEmpty()) {
            out.append("\n**Fix:** ").append(escape(SarifWriter.oneLine(f.policy().remediation()))).append('\n');
        }
        out.append("\n`").append(f.policy().id()).append("` · `").append(f.id()).append("` · ").append(f.certainty()).append("\n\n</details>\n");
        return out.toString();
    }

    /** Markdown-safe text: no stray emphasis, links or HTML from resource names or evidence. */
    static String escape(String text) {
        return html(text).replace("*", "\\*").replace("_", "\\_").replace("[", "\\[").replace("]", "\\]").replace("`", "\\`")
                .replace("|", "\\|");
    }

    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
