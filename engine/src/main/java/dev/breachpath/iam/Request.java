package dev.breachpath.iam;

/**
 * One request to authorize: a principal, one action, one resource ARN ({@code *} for an action
 * that takes no resource), the account that owns the resource, and the condition keys.
 *
 * @param principal       who asks
 * @param action          the action, {@code service:Name}
 * @param resource        the resource ARN, or {@code *}
 * @param resourceAccount the account owning the resource, or null when it is the principal's own
 * @param context         the condition keys, with those the principal determines filled in
 */
public record Request(Principal principal, String action, String resource, String resourceAccount, RequestContext context) {
    /**
     * A request whose context is {@code context} plus what the principal determines and the
     * context does not already say: {@code aws:PrincipalArn}, {@code aws:PrincipalAccount},
     * {@code aws:PrincipalType}, and {@code aws:username} for a user.
     */
    public static Request of(Principal principal, String action, String resource, String resourceAccount, RequestContext context) {
        return new Request(principal, action, resource, resourceAccount, withPrincipal(principal, context.toBuilder()).build());
    }

    /** Adds to a context what the principal determines and the context does not already say (see {@link #of}). */
    public static RequestContext.Builder withPrincipal(Principal principal, RequestContext.Builder b) {
        if (principal.kind() != Principal.Kind.ANONYMOUS && principal.kind() != Principal.Kind.SERVICE) {
            b.putIfUndetermined("aws:PrincipalArn", principal.principalArn());
            b.putIfUndetermined("aws:PrincipalAccount", principal.account());
            b.putIfUndetermined("aws:PrincipalType", principal.type());
        }
        if (principal.kind() == Principal.Kind.USER) {
            b.putIfUndetermined("aws:username", principal.name());
        } else {
            b.absent("aws:username");
        }
        if (principal.kind() == Principal.Kind.SERVICE) {
            b.putIfUndetermined("aws:PrincipalServiceName", principal.name());
            b.putIfUndetermined("aws:PrincipalIsAWSService", "true");
        } else {
            b.putIfUndetermined("aws:PrincipalIsAWSService", "false");
        }
        return b;
    }

    /** The account that owns the resource: given, else taken from its ARN, else the principal's. */
    public String owner() {
        if (resourceAccount != null && !resourceAccount.isEmpty()) {
            return resourceAccount;
        }
        String[] p = resource.split(":", 6);
        if (p.length == 6 && !p[4].isEmpty()) {
            return p[4];
        }
        return principal.account();
    }

    /** Whether the principal and the resource belong to different accounts. */
    public boolean crossAccount() {
        String owner = owner();
        return principal.account() != null && owner != null && !owner.equals(principal.account())
                && !owner.contains(Arns.UNKNOWN) && !principal.account().contains(Arns.UNKNOWN);
    }
}
