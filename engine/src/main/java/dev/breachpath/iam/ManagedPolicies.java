package dev.breachpath.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Documents of AWS-managed policies, by ARN, from the catalogue shipped with the engine. A few
 * common policies for now; an ARN not in it has no known document.
 */
public final class ManagedPolicies {
    private static final Map<String, PolicyDocument> CATALOGUE = load();

    private ManagedPolicies() {}

    /** The document of the AWS-managed policy with this ARN, if the catalogue has it. */
    public static Optional<PolicyDocument> byArn(String arn) {
        return Optional.ofNullable(CATALOGUE.get(arn));
    }

    private static Map<String, PolicyDocument> load() {
        try (InputStream in = ManagedPolicies.class.getResourceAsStream("/dev/breachpath/iam/aws-managed-policies.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, PolicyDocument> out = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().startsWith("arn:")) {
                    out.put(e.getKey(), PolicyParser.parse(e.getValue()));
                }
            }
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (PolicyException e) {
            throw new IllegalStateException("the managed policy catalogue does not parse: " + e.getMessage(), e);
        }
    }
}
