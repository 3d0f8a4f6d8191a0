package dev.breachpath.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What identifies a resource that is a relation (a role's inline policy, a policy attachment, a
 * function's permission statement) when its ids differ between a plan and the APIs: Terraform
 * names an attachment by a random id, the APIs by nothing at all. Both can tell what it relates;
 * that, normalised (a role by its name, whether written as a name or an ARN), is the key.
 */
public final class NaturalKeys {
    private static final Map<String, List<String>> BY_TYPE = Map.of(
            "aws_iam_role_policy", List.of("role", "name"),
            "aws_iam_user_policy", List.of("user", "name"),
            "aws_iam_group_policy", List.of("group", "name"),
            "aws_iam_role_policy_attachment", List.of("role", "policy_arn"),
            "aws_iam_user_policy_attachment", List.of("user", "policy_arn"),
            "aws_iam_group_policy_attachment", List.of("group", "policy_arn"),
            "aws_lambda_permission", List.of("function_name", "statement_id"),
            "aws_lb_target_group_attachment", List.of("target_group_arn", "target_id"));

    private NaturalKeys() {}

    /**
     * The natural key of a resource of {@code type} whose known text attributes {@code value}
     * gives, if its type has one and every part of it is known.
     */
    public static Optional<String> of(String type, Function<String, Optional<String>> value) {
        List<String> parts = BY_TYPE.get(type);
        if (parts == null) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        for (String part : parts) {
            Optional<String> v = value.apply(part).filter(s -> !s.isEmpty());
            if (v.isEmpty()) {
                return Optional.empty();
            }
            values.add(normal(part, v.get()));
        }
        return Optional.of("natural:" + type + "|" + String.join("|", values));
    }

    /** A principal or function by its name, whether given as a name or an ARN. */
    private static String normal(String part, String v) {
        if (!v.startsWith("arn:")) {
            return v;
        }
        return switch (part) {
            case "role", "user", "group" -> v.substring(v.lastIndexOf('/') + 1);
            case "function_name" -> {
                String[] fields = v.split(":");
                yield fields.length >= 7 ? fields[6] : v;
            }
            default -> v;
        };
    }
}
