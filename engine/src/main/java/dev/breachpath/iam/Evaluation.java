package dev.breachpath.iam;

import java.util.List;

/**
 * The answer to one request.
 *
 * @param decision   Allow, Deny, or Possible (allowed only if the residual conditions hold)
 * @param detail     why, as AWS names it: Allowed, ImplicitlyDenied or ExplicitlyDenied (for
 *                   Possible, what it is when the conditions hold)
 * @param reason     one line saying what decided it
 * @param statements the statements that decided it, named by policy and Sid or position
 * @param conditions with Possible, the tests whose answer is unknown offline: those of the
 *                   allowing statements must hold, those written {@code not …} (of a Deny) must not
 */
public record Evaluation(Decision decision, Detail detail, String reason, List<String> statements, List<String> conditions) {
    /** The three answers. */
    public enum Decision {
        ALLOW("Allow"), DENY("Deny"), POSSIBLE("Possible");

        private final String text;

        Decision(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** AWS's names for how a decision came about. */
    public enum Detail {
        ALLOWED("Allowed"), IMPLICITLY_DENIED("ImplicitlyDenied"), EXPLICITLY_DENIED("ExplicitlyDenied");

        private final String text;

        Detail(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    public Evaluation {
        statements = List.copyOf(statements);
        conditions = List.copyOf(conditions);
    }

    /** The decision as a {@link Match}: YES allowed, MAYBE possible, NO denied. */
    public Match match() {
        return switch (decision) {
            case ALLOW -> Match.YES;
            case POSSIBLE -> Match.MAYBE;
            case DENY -> Match.NO;
        };
    }
}
