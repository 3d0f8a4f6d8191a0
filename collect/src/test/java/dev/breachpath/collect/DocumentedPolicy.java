package dev.breachpath.collect;

import dev.breachpath.iam.Evaluator;
import dev.breachpath.iam.Match;
import dev.breachpath.iam.PolicyDocument;
import dev.breachpath.iam.PolicyParser;
import dev.breachpath.iam.Statement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The IAM policy docs/collect.md gives for the collector, read from the page itself and judged by breachpath's evaluator. */
final class DocumentedPolicy {
    static final Path PAGE = Path.of("..", "docs", "collect.md");

    private DocumentedPolicy() {}

    /** The read-only policy's text: the first JSON block after the heading "## Permissions". */
    static String text() {
        return text(0);
    }

    /** The {@code n}th JSON block after the heading "## Permissions", from 0. */
    static String text(int n) {
        String page;
        try {
            page = Files.readString(PAGE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int heading = page.indexOf("\n## Permissions");
        int start = page.indexOf("```json\n", heading);
        for (int i = 0; i < n && start >= 0; i++) {
            start = page.indexOf("```json\n", start + 8);
        }
        if (heading < 0 || start < 0) {
            throw new AssertionError("docs/collect.md has no JSON policy under ## Permissions");
        }
        int end = page.indexOf("\n```", start + 8);
        return page.substring(start + 8, end);
    }

    static List<Statement> statements() {
        return statements(0);
    }

    static List<Statement> statements(int n) {
        try {
            PolicyDocument doc = PolicyParser.parse(text(n));
            return doc.statements();
        } catch (dev.breachpath.iam.PolicyException e) {
            throw new AssertionError("docs/collect.md's policy does not parse: " + e.getMessage(), e);
        }
    }

    /** Whether the read-only policy allows the action, or for {@code sts:AssumeRole} the caller's policy of an organization run. */
    static boolean allows(String action) {
        if (action.equalsIgnoreCase("sts:AssumeRole")) {
            return Evaluator.decide(statements(1), action, "arn:aws:iam::123456789012:role/BreachpathAudit").match() == Match.YES;
        }
        return Evaluator.decide(statements(), action, "*").match() == Match.YES;
    }

    /** The actions the policy names, as written. */
    static Set<String> actions() {
        Set<String> out = new TreeSet<>();
        for (Statement s : statements()) {
            out.addAll(s.actions());
        }
        return out;
    }
}
