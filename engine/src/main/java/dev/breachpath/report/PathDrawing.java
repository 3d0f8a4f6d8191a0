package dev.breachpath.report;

import dev.breachpath.policy.Finding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Attack paths as pictures: Mermaid flowcharts (rendered by GitHub and GitLab in Markdown) and
 * Graphviz DOT. Each hop is labelled with its witness's summary; a possible hop is dashed. Node
 * ids are local to the drawing; labels are the resources' ids.
 */
public final class PathDrawing {
    private PathDrawing() {}

    /** One hop of a drawing. */
    private record Edge(String from, String to, String label, boolean possible) {}

    /** A Mermaid flowchart of one finding's path (from the internet, when its source is exposed). */
    public static String mermaid(Finding f) {
        return mermaid(List.of(f));
    }

    /** A Mermaid flowchart of the paths of several findings, shared resources drawn once. */
    public static String mermaid(List<Finding> findings) {
        Map<String, String> nodes = new LinkedHashMap<>();
        List<Edge> edges = edges(findings, nodes);
        StringBuilder out = new StringBuilder("flowchart LR\n");
        nodes.forEach((id, local) -> out.append("  ").append(local)
                .append(id.equals("internet") ? "((\"internet\"))" : "[\"" + mermaidText(id) + "\"]").append('\n'));
        for (Edge e : edges) {
            out.append("  ").append(nodes.get(e.from)).append(e.possible ? " -.->" : " -->").append("|\"")
                    .append(mermaidText(shorten(e.label))).append("\"| ").append(nodes.get(e.to)).append('\n');
        }
        return out.toString();
    }

    /** A Graphviz DOT digraph of the paths of the findings, shared resources drawn once. */
    public static String dot(List<Finding> findings) {
        Map<String, String> nodes = new LinkedHashMap<>();
        List<Edge> edges = edges(findings, nodes);
        StringBuilder out = new StringBuilder("digraph breachpath {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n"
                + "  edge [fontname=\"Helvetica\", fontsize=10];\n");
        nodes.forEach((id, local) -> out.append("  ").append(local).append(" [label=\"").append(dotText(id)).append('"')
                .append(id.equals("internet") ? ", shape=ellipse" : "").append("];\n"));
        for (Edge e : edges) {
            out.append("  ").append(nodes.get(e.from)).append(" -> ").append(nodes.get(e.to)).append(" [label=\"")
                    .append(dotText(shorten(e.label))).append('"').append(e.possible ? ", style=dashed" : "").append("];\n");
        }
        return out.append("}\n").toString();
    }

    private static List<Edge> edges(List<Finding> findings, Map<String, String> nodes) {
        Map<String, Edge> edges = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (f.exposure() != null) {
                add(nodes, "internet");
                add(nodes, f.source().id());
                edges.putIfAbsent("internet\n" + f.source().id(), new Edge("internet", f.source().id(), f.exposure().summary(),
                        !f.exposure().certainty().equals("definite")));
            }
            List<Finding.Step> path = f.path();
            add(nodes, path.get(0).id());
            for (int i = 0; i + 1 < path.size(); i++) {
                Finding.Step s = path.get(i);
                String to = path.get(i + 1).id();
                add(nodes, to);
                edges.putIfAbsent(s.id() + "\n" + to, new Edge(s.id(), to, s.hop() == null ? s.relation() : s.hop().summary(),
                        s.hop() != null && !s.hop().certainty().equals("definite")));
            }
        }
        return List.copyOf(edges.values());
    }

    private static void add(Map<String, String> nodes, String id) {
        nodes.putIfAbsent(id, "n" + nodes.size());
    }

    static String shorten(String text) {
        return cut(text, 80);
    }

    /** The text on one line, cut to at most {@code max} characters (never inside a character) with an ellipsis. */
    static String cut(String text, int max) {
        String t = text.replaceAll("\\s+", " ").strip();
        if (t.codePointCount(0, t.length()) <= max) {
            return t;
        }
        return t.substring(0, t.offsetByCodePoints(0, max - 1)) + "…";
    }

    /** Text safe inside a quoted Mermaid label. */
    static String mermaidLabel(String text) {
        return mermaidText(text);
    }

    private static String mermaidText(String text) {
        return text.replace("#", "#35;").replace("&", "#amp;").replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;")
                .replace("|", "#124;").replace("`", "#96;");
    }

    private static String dotText(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
