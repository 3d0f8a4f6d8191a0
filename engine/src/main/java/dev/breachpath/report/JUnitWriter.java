package dev.breachpath.report;

import dev.breachpath.policy.Finding;
import dev.breachpath.policy.Policy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JUnit XML for CI systems that show test results: a test suite per policy, a failing test
 * case per finding (named by its resource), a skipped one per waived finding, and one passing
 * case for a policy that found nothing. A policy that failed is an errored case.
 */
public final class JUnitWriter {
    private JUnitWriter() {}

    public static String write(ScanReport report) {
        Map<String, Policy> policies = new LinkedHashMap<>();
        report.policies().forEach(p -> policies.put(p.id(), p));
        report.findings().forEach(f -> policies.putIfAbsent(f.policy().id(), f.policy()));
        report.waived().forEach(w -> policies.putIfAbsent(w.finding().policy().id(), w.finding().policy()));
        StringBuilder suites = new StringBuilder();
        int tests = 0, failures = 0, skipped = 0, errors = 0;
        for (Policy p : policies.values()) {
            List<Finding> found = report.findings().stream().filter(f -> f.policy().id().equals(p.id())).toList();
            List<Waivers.Waived> waived = report.waived().stream().filter(w -> w.finding().policy().id().equals(p.id())).toList();
            List<String> failed = report.errors().stream().filter(e -> e.contains(": policy " + p.id() + " failed")).toList();
            StringBuilder cases = new StringBuilder();
            for (Finding f : found) {
                cases.append("    <testcase classname=\"breachpath.").append(xml(p.id())).append("\" name=\"").append(xml(name(f)))
                        .append("\">\n      <failure type=\"").append(p.severity().label()).append("\" message=\"").append(xml(f.message()))
                        .append("\">").append(xml(details(f))).append("</failure>\n    </testcase>\n");
            }
            for (Waivers.Waived w : waived) {
                cases.append("    <testcase classname=\"breachpath.").append(xml(p.id())).append("\" name=\"").append(xml(name(w.finding())))
                        .append("\">\n      <skipped message=\"").append(xml("waived until " + w.waiver().expires() + " by "
                                + w.waiver().owner() + ": " + w.waiver().reason())).append("\"/>\n    </testcase>\n");
            }
            for (String e : failed) {
                cases.append("    <testcase classname=\"breachpath.").append(xml(p.id())).append("\" name=\"policy\">\n      <error message=\"")
                        .append(xml(e)).append("\"/>\n    </testcase>\n");
            }
            int n = found.size() + waived.size() + failed.size();
            if (n == 0) {
                cases.append("    <testcase classname=\"breachpath.").append(xml(p.id())).append("\" name=\"no findings\"/>\n");
                n = 1;
            }
            suites.append("  <testsuite name=\"").append(xml(p.id())).append("\" tests=\"").append(n).append("\" failures=\"")
                    .append(found.size()).append("\" errors=\"").append(failed.size()).append("\" skipped=\"").append(waived.size())
                    .append("\">\n").append(cases).append("  </testsuite>\n");
            tests += n;
            failures += found.size();
            skipped += waived.size();
            errors += failed.size();
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"breachpath\" tests=\"" + tests + "\" failures=\"" + failures
                + "\" errors=\"" + errors + "\" skipped=\"" + skipped + "\">\n" + suites + "</testsuites>\n";
    }

    private static String name(Finding f) {
        return f.path().size() > 1 ? f.source().id() + " -> " + f.target().id() : f.source().id();
    }

    private static String details(Finding f) {
        StringBuilder out = new StringBuilder(f.policy().title()).append('\n').append(f.id()).append(" · ").append(f.certainty()).append('\n');
        if (f.exposure() != null) {
            out.append("internet -> ").append(f.source().id()).append(": ").append(f.exposure().summary()).append('\n');
        }
        for (int i = 0; i + 1 < f.path().size(); i++) {
            Finding.Step s = f.path().get(i);
            out.append(s.id()).append(" -> ").append(f.path().get(i + 1).id()).append(": ")
                    .append(s.hop() == null ? s.relation() : s.hop().summary()).append('\n');
        }
        return out.append("fix: ").append(SarifWriter.oneLine(f.policy().remediation())).toString();
    }

    /** Text safe in XML content and attributes; characters XML 1.0 forbids are dropped. */
    static String xml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if ((c >= 0x20 && c < 0xD800) || (c > 0xDFFF && c < 0xFFFE) || c == '\n' || c == '\t' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
