package dev.breachpath.iam;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Documents of the AWS-managed policies (default versions), by ARN, from the catalogue shipped
 * with the engine (see NOTICE). A document is parsed the first time it is asked for.
 */
public final class ManagedPolicies {
    private static final Map<String, PolicyDocument> PARSED = new ConcurrentHashMap<>();

    private ManagedPolicies() {}

    private static final class Holder {
        static final Map<String, String> TEXT = load();
    }

    /** The document of the AWS-managed policy with this ARN, if the catalogue has it. */
    public static Optional<PolicyDocument> byArn(String arn) {
        String text = Holder.TEXT.get(arn);
        if (text == null) {
            return Optional.empty();
        }
        return Optional.of(PARSED.computeIfAbsent(arn, a -> {
            try {
                return PolicyParser.parse(text);
            } catch (PolicyException e) {
                throw new IllegalStateException("the AWS-managed policy catalogue does not parse at " + a + ": " + e.getMessage(), e);
            }
        }));
    }

    /** How many policies the catalogue holds. */
    public static int size() {
        return Holder.TEXT.size();
    }

    private static Map<String, String> load() {
        Map<String, String> out = new HashMap<>(4096);
        Catalogue.read("/dev/breachpath/iam/aws-managed-policies.tsv.gz", out::put);
        return Map.copyOf(out);
    }
}
