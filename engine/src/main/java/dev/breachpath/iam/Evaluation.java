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
    /** The three answers, written {@code Allow}, {@code Deny}, {@code Possible}. */
    public enum Decision {
        ALLOW, DENY, POSSIBLE;

        @Override
        public String toString() {
            return aws(name());
        }
    }

    /** AWS's names for how a decision came about: {@code Allowed}, {@code ImplicitlyDenied}, {@code ExplicitlyDenied}. */
    public enum Detail {
        ALLOWED, IMPLICITLY_DENIED, EXPLICITLY_DENIED;

        @Override
        public String toString() {
            return aws(name());
        }
    }

    /** An enum constant as AWS writes the word: {@code IMPLICITLY_DENIED} is {@code ImplicitlyDenied}. */
    private static String aws(String constant) {
        StringBuilder out = new StringBuilder();
        for (String word : constant.split("_")) {
            out.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return out.toString();
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
