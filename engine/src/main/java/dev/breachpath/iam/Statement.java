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
 */
public record Statement(String sid, String effect, List<String> actions, List<String> notActions,
                        List<String> resources, List<String> notResources, List<String> principals,
                        List<String> notPrincipals, JsonNode condition) {
    public Statement {
        actions = List.copyOf(actions);
        notActions = List.copyOf(notActions);
        resources = List.copyOf(resources);
        notResources = List.copyOf(notResources);
        principals = List.copyOf(principals);
        notPrincipals = List.copyOf(notPrincipals);
    }
}
