package dev.breachpath.iam;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A parsed policy document.
 *
 * @param version    the Version, or null
 * @param statements its statements in order
 * @param json       the document as parsed, for evaluation that needs more than the model
 */
public record PolicyDocument(String version, List<Statement> statements, JsonNode json) {
    public PolicyDocument {
        statements = List.copyOf(statements);
    }
}
