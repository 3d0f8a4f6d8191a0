package dev.breachpath.iam;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One statement of a policy document, as written: nothing is expanded or normalised except that
 * single values become one-element lists and principals are written {@code TYPE:value}.
 *
 * @param sid           the Sid, or null
 * @param effect        {@code Allow} or {@code Deny} as written
 * @param actions       Action patterns
 * @param notActions    NotAction patterns
 * @param resources     Resource patterns
 * @param notResources  NotResource patterns
 * @param principals    principals as {@code AWS:arn}, {@code Service:name}, or {@code *}
 * @param notPrincipals NotPrincipal entries, written the same way
 * @param condition     the Condition block, or null
 * @param version       the Version of the document it belongs to, or null: policy variables are
 *                      substituted only under {@code 2012-10-17}
 */
public record Statement(String sid, String effect, List<String> actions, List<String> notActions,
                        List<String> resources, List<String> notResources, List<String> principals,
                        List<String> notPrincipals, JsonNode condition, String version) {
    /** The version of the policy language in which policy variables exist. */
    public static final String VARIABLES = "2012-10-17";

    /** A statement of a document whose version is the current one. */
    public Statement(String sid, String effect, List<String> actions, List<String> notActions,
                     List<String> resources, List<String> notResources, List<String> principals,
                     List<String> notPrincipals, JsonNode condition) {
        this(sid, effect, actions, notActions, resources, notResources, principals, notPrincipals, condition, VARIABLES);
    }

    public Statement {
        actions = List.copyOf(actions);
        notActions = List.copyOf(notActions);
        resources = List.copyOf(resources);
        notResources = List.copyOf(notResources);
        principals = List.copyOf(principals);
        notPrincipals = List.copyOf(notPrincipals);
    }

    /** Whether the effect is Allow. */
    public boolean allows() {
        return "Allow".equals(effect);
    }

    /** Whether the effect is Deny. */
    public boolean denies() {
        return "Deny".equals(effect);
    }

    /** Whether it has a non-empty Condition block. */
    public boolean conditional() {
        return condition != null && !condition.isEmpty();
    }

    /** Whether policy variables in it are substituted. */
    public boolean substitutes() {
        return VARIABLES.equals(version);
    }
}
