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
            bounded(out, report.removed().stream().map(f -> escape(f.message()) + " (`" + f.policy().id() + "`)").toList());
        }
        if (!report.waived().isEmpty()) {
            out.append("\n<details><summary>waived (").append(report.waived().size()).append(")</summary>\n\n");
            bounded(out, report.waived().stream().map(w -> escape(w.finding().message()) + " — until " + w.waiver().expires() + ", "
                    + escape(w.waiver().owner()) + ": " + escape(w.waiver().reason())).toList());
            out.append("\n</details>\n");
        }
        if (!report.notes().isEmpty()) {
            out.append("\n**Notes**\n\n");
            bounded(out, report.notes().stream().map(MarkdownWriter::escape).toList());
        }
        if (!report.errors().isEmpty()) {
            out.append("\n**Errors**\n\n");
            bounded(out, report.errors().stream().map(MarkdownWriter::escape).toList());
        }
        return out.toString();
    }

    /** A bulleted list, as much of it as the comment's size allows, then how many were left out. */
    private static void bounded(StringBuilder out, List<String> items) {
        int left = 0;
        for (String item : items) {
            if (out.length() + item.length() + 3 < BUDGET + 4_000) {
                out.append("- ").append(item).append('\n');
            } else {
                left++;
            }
        }
        if (left > 0) {
            out.append("- … and ").append(left).append(" more (the full report has them)\n");
        }
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
        return html(text.replace("\\", "\\\\")).replace("*", "\\*").replace("_", "\\_").replace("[", "\\[").replace("]", "\\]").replace("`", "\\`")
                .replace("|", "\\|");
    }

    /** HTML-safe text on one line (a blank line would end the HTML block it stands in). */
    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
