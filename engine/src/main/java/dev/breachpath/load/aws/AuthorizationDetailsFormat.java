package dev.breachpath.load.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breachpath.load.InputFormat;
import dev.breachpath.load.ParsedInput;

/**
 * The output of {@code aws iam get-account-authorization-details} (the IAM API's
 * GetAccountAuthorizationDetails): every user, group and role of an account with their inline,
 * attached and boundary policies and trust policies, and the managed policies with their
 * versions. Policy documents may be JSON or URL-encoded JSON text, as the raw API returns them.
 */
public final class AuthorizationDetailsFormat implements InputFormat {
    /** The format's name in reports. */
    public static final String NAME = "aws-iam-authorization-details";

    private static final String[] LISTS = {"UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"};

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Detection detect(JsonNode root) {
        if (!root.isObject() || !(root.has("UserDetailList") || root.has("RoleDetailList") || root.has("GroupDetailList"))) {
            return Detection.notMine();
        }
        for (String list : LISTS) {
            if (root.has(list) && !root.get(list).isArray()) {
                return Detection.refused(list + " is not a list: expected the output of aws iam get-account-authorization-details");
            }
        }
        return Detection.mine();
    }

    @Override
    public ParsedInput read(String path, JsonNode root) {
        return new AuthorizationDetailsInput(path, root);
    }
}
