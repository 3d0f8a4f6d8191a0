package dev.breachpath.report;

import dev.breachpath.policy.Finding;
import dev.breachpath.policy.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One self-contained HTML file: no network at all (styles and the small filtering script are
 * inline, paths are drawn as inline SVG), an overview by severity and policy, every finding with
 * its attack path drawn hop by hop (each hop labelled with its witness, possible hops dashed) and
 * its evidence, filters by severity and policy, and a print style that shows everything.
 */
public final class HtmlWriter {
    private static final int WIDTH = 820;
    private static final int BOX = 34;
    private static final int GAP = 58;

    private HtmlWriter() {}

    public static String write(ScanReport report) {
        StringBuilder out = new StringBuilder();
        List<Finding> findings = report.findings();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n")
                .append("<title>breachpath report</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        out.append("<header><h1>breachpath</h1><p>").append(summary(report)).append("</p></header>\n");
        if (!report.complete()) {
            out.append("<p class=\"incomplete\">The scan is incomplete: see the errors at the end.</p>\n");
        }
        overview(out, report);
        out.append("<nav id=\"filters\" aria-label=\"filters\"><span>Show:</span>");
        for (Severity s : Severity.values()) {
            out.append("<label><input type=\"checkbox\" class=\"severity\" value=\"").append(s.label()).append("\" checked> ")
                    .append(s.label()).append("</label>");
        }
        out.append("<label>policy <select id=\"policy\"><option value=\"\">all</option>");
        new TreeMap<>(byPolicy(findings)).keySet().forEach(id -> out.append("<option>").append(esc(id)).append("</option>"));
        out.append("</select></label><span id=\"shown\"></span></nav>\n<main>\n");
        int n = 0;
        for (Finding f : findings) {
            finding(out, f, report, n++);
        }
        if (findings.isEmpty()) {
            out.append("<p>No findings.</p>\n");
        }
        out.append("</main>\n");
        if (!report.removed().isEmpty()) {
            out.append("<section><h2>Removed by this plan</h2><ul>");
            report.removed().forEach(f -> out.append("<li>").append(esc(f.message())).append(" <code>").append(esc(f.policy().id()))
                    .append("</code></li>"));
            out.append("</ul></section>\n");
        }
        if (!report.waived().isEmpty()) {
            out.append("<section><h2>Waived</h2><ul>");
            for (Waivers.Waived w : report.waived()) {
                out.append("<li>").append(esc(w.finding().message())).append(" <code>").append(esc(w.finding().id())).append("</code>: until ")
                        .append(w.waiver().expires()).append(", ").append(esc(w.waiver().owner())).append(": ").append(esc(w.waiver().reason()))
                        .append("</li>");
            }
            out.append("</ul></section>\n");
        }
        list(out, "Notes", report.notes());
        list(out, "Errors", report.errors());
        out.append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return out.toString();
    }

    private static String summary(ScanReport report) {
        int resources = report.inputs().stream().mapToInt(i -> i.elements()).sum();
        StringBuilder s = new StringBuilder().append(report.inputs().size()).append(report.inputs().size() == 1 ? " input, " : " inputs, ")
                .append(resources).append(" resources: ").append(report.findings().size())
                .append(report.findings().size() == 1 ? " finding" : " findings");
        if (report.fresh() != null) {
            s.append(" (").append(report.findings().stream().filter(report::isNew).count()).append(" new in this plan)");
        }
        if (!report.waived().isEmpty()) {
            s.append(", ").append(report.waived().size()).append(" waived");
        }
        if (report.baselined() > 0) {
            s.append(", ").append(report.baselined()).append(" in the baseline");
        }
        return esc(s.toString());
    }

    private static Map<String, List<Finding>> byPolicy(List<Finding> findings) {
        Map<String, List<Finding>> out = new TreeMap<>();
        findings.forEach(f -> out.computeIfAbsent(f.policy().id(), k -> new ArrayList<>()).add(f));
        return out;
    }

    private static void overview(StringBuilder out, ScanReport report) {
        out.append("<section id=\"overview\"><h2>Overview</h2><table><thead><tr><th>severity</th><th>findings</th></tr></thead><tbody>");
        for (Severity s : Severity.values()) {
            long count = report.findings().stream().filter(f -> f.policy().severity() == s).count();
            out.append("<tr class=\"").append(s.label()).append("\"><td>").append(s.label()).append("</td><td>").append(count).append("</td></tr>");
        }
        out.append("</tbody></table><table><thead><tr><th>policy</th><th>severity</th><th>findings</th></tr></thead><tbody>");
        byPolicy(report.findings()).forEach((id, list) -> out.append("<tr><td>").append(esc(list.get(0).policy().title())).append(" <code>")
                .append(esc(id)).append("</code></td><td>").append(list.get(0).policy().severity().label()).append("</td><td>").append(list.size())
                .append("</td></tr>"));
        out.append("</tbody></table></section>\n");
    }

    private static void finding(StringBuilder out, Finding f, ScanReport report, int n) {
        out.append("<article class=\"finding ").append(f.policy().severity().label()).append("\" data-severity=\"")
                .append(f.policy().severity().label()).append("\" data-policy=\"").append(esc(f.policy().id())).append("\" id=\"f")
                .append(esc(f.id())).append("\">\n<h3><span class=\"badge\">").append(f.policy().severity().label()).append("</span> ");
        if (report.isNew(f)) {
            out.append("<span class=\"badge new\">new</span> ");
        }
        out.append(esc(f.policy().title())).append("</h3>\n<p>").append(esc(f.message()))
                .append(f.certainty().equals("definite") ? "" : " <em>(possible)</em>").append("</p>\n");
        if (f.path().size() > 1 || f.exposure() != null) {
            svg(out, f, n);
        }
        out.append("<details><summary>evidence</summary><ul>");
        if (f.exposure() != null) {
            f.exposure().evidence().forEach(e -> out.append("<li>").append(esc(e)).append("</li>"));
        }
        for (Finding.Step s : f.path()) {
            if (s.hop() != null) {
                s.hop().evidence().forEach(e -> out.append("<li>").append(esc(e)).append("</li>"));
            }
        }
        out.append("</ul></details>\n<p class=\"fix\"><b>Fix:</b> ").append(esc(SarifWriter.oneLine(f.policy().remediation())))
                .append("</p>\n<p class=\"meta\"><code>").append(esc(f.policy().id())).append("</code> · <code>").append(esc(f.id()))
                .append("</code> · ").append(f.certainty()).append("</p>\n</article>\n");
    }

    /** The path as a vertical chain of boxes, each arrow labelled with its hop's witness. */
    private static void svg(StringBuilder out, Finding f, int n) {
        List<String> nodes = new ArrayList<>();
        List<String[]> hops = new ArrayList<>();
        if (f.exposure() != null) {
            nodes.add("internet");
            hops.add(new String[] {f.exposure().summary(), f.exposure().certainty()});
        }
        for (Finding.Step s : f.path()) {
            nodes.add(s.id());
            if (s.hop() != null) {
                hops.add(new String[] {s.hop().summary(), s.hop().certainty()});
            } else if (s.relation() != null) {
                hops.add(new String[] {s.relation(), "definite"});
            }
        }
        int height = nodes.size() * BOX + (nodes.size() - 1) * GAP + 8;
        out.append("<svg class=\"path\" role=\"img\" aria-label=\"attack path\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(height).append("\">\n");
        out.append("<defs><marker id=\"a").append(n).append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">")
                .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker></defs>\n");
        for (int i = 0; i < nodes.size(); i++) {
            int y = 4 + i * (BOX + GAP);
            String label = nodes.get(i);
            out.append("<g class=\"node\"><title>").append(esc(label)).append("</title><rect x=\"4\" y=\"").append(y).append("\" width=\"380\" height=\"")
                    .append(BOX).append("\" rx=\"6\"/><text x=\"14\" y=\"").append(y + 22).append("\">").append(esc(fit(label, 52))).append("</text></g>\n");
            if (i + 1 < nodes.size() && i < hops.size()) {
                int y1 = y + BOX;
                int y2 = y + BOX + GAP;
                boolean possible = !hops.get(i)[1].equals("definite");
                out.append("<g class=\"hop").append(possible ? " possible" : "").append("\"><title>").append(esc(hops.get(i)[0]))
                        .append("</title><line x1=\"40\" y1=\"").append(y1).append("\" x2=\"40\" y2=\"").append(y2 - 2).append("\" marker-end=\"url(#a")
                        .append(n).append(")\"/><text x=\"56\" y=\"").append((y1 + y2) / 2 + 4).append("\">").append(esc(fit(hops.get(i)[0], 110)))
                        .append(possible ? " (possible)" : "").append("</text></g>\n");
            }
        }
        out.append("</svg>\n");
    }

    private static void list(StringBuilder out, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        out.append("<section><h2>").append(title).append("</h2><ul>");
        items.forEach(i -> out.append("<li>").append(esc(i)).append("</li>"));
        out.append("</ul></section>\n");
    }

    private static String fit(String text, int max) {
        return PathDrawing.cut(text, max);
    }

    static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static final String STYLE = """
            body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 0 auto; max-width: 980px; padding: 16px; color: #1b1f24; }
            header h1 { margin: 0 0 4px; font-size: 22px; }
            h2 { font-size: 17px; margin-top: 28px; }
            h3 { font-size: 15px; margin: 0 0 6px; }
            table { border-collapse: collapse; margin: 8px 16px 8px 0; display: inline-table; vertical-align: top; }
            th, td { border: 1px solid #d0d7de; padding: 3px 10px; text-align: left; }
            code { font-size: 12px; background: #f3f4f6; padding: 1px 4px; border-radius: 4px; }
            nav { position: sticky; top: 0; background: #fff; padding: 8px 0; border-bottom: 1px solid #d0d7de; z-index: 1; }
            nav label { margin-right: 12px; }
            #shown { color: #57606a; }
            .finding { border: 1px solid #d0d7de; border-left: 6px solid #8c959f; border-radius: 6px; padding: 12px 14px; margin: 14px 0; page-break-inside: avoid; }
            .finding.critical { border-left-color: #a40e26; } .finding.high { border-left-color: #d1242f; }
            .finding.medium { border-left-color: #bf8700; } .finding.low { border-left-color: #0969da; }
            .badge { font-size: 11px; text-transform: uppercase; background: #eaeef2; border-radius: 10px; padding: 1px 8px; }
            .badge.new { background: #ffebe9; color: #a40e26; font-weight: bold; }
            .incomplete { background: #fff8c5; padding: 8px; border-radius: 6px; }
            svg.path { max-width: 100%; height: auto; display: block; margin: 8px 0; }
            svg .node rect { fill: #f6f8fa; stroke: #57606a; }
            svg .node text { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; fill: #1b1f24; }
            svg .hop line { stroke: #555; stroke-width: 1.5; }
            svg .hop.possible line { stroke-dasharray: 5 4; }
            svg .hop text { font-size: 12px; fill: #57606a; }
            .meta { color: #57606a; font-size: 12px; }
            [hidden] { display: none !important; }
            @media print { nav { display: none; } .finding[hidden] { display: block !important; } details { display: block; } details > * { display: block; } }
            """;

    private static final String SCRIPT = """
            (function () {
              var boxes = Array.prototype.slice.call(document.querySelectorAll('#filters input.severity'));
              var policy = document.getElementById('policy');
              var findings = Array.prototype.slice.call(document.querySelectorAll('article.finding'));
              var shown = document.getElementById('shown');
              function apply() {
                var severities = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
                var count = 0;
                findings.forEach(function (f) {
                  var visible = severities.indexOf(f.dataset.severity) >= 0 && (!policy.value || f.dataset.policy === policy.value);
                  f.hidden = !visible;
                  if (visible) { count++; }
                });
                shown.textContent = count + ' of ' + findings.length + ' shown';
                document.body.dataset.ready = 'true';
              }
              boxes.forEach(function (b) { b.addEventListener('change', apply); });
              policy.addEventListener('change', apply);
              apply();
            })();
            """;
}
