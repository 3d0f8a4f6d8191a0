package dev.breachpath.iam;

import java.util.List;

/**
 * Every policy in force for one request.
 *
 * @param identity    the principal's identity policies (a user's own and its groups', or a role's)
 * @param boundary    its permissions boundary, or null when it has none
 * @param session     the session policy, or null when none was passed
 * @param resource    the resource's policy (bucket policy, key policy, role trust policy…), or null
 * @param scps        the service control policies of the principal's account, root first, or null
 *                    when the account is governed by none (no organisation, or the management account)
 * @param rcps        the resource control policies of the resource's account, root first, or null
 * @param vpcEndpoint the policies of the VPC endpoint the request goes through, or null
 */
public record Policies(List<IamPolicy> identity, List<IamPolicy> boundary, IamPolicy session, IamPolicy resource,
                       List<Level> scps, List<Level> rcps, List<IamPolicy> vpcEndpoint) {
    /** The policies attached at one level of an organisation (the root, an OU, the account). */
    public record Level(String name, List<IamPolicy> policies) {
        public Level {
            policies = List.copyOf(policies);
        }
    }

    public Policies {
        identity = List.copyOf(identity);
        boundary = boundary == null ? null : List.copyOf(boundary);
        scps = scps == null ? null : List.copyOf(scps);
        rcps = rcps == null ? null : List.copyOf(rcps);
        vpcEndpoint = vpcEndpoint == null ? null : List.copyOf(vpcEndpoint);
    }

    /** Only identity policies. */
    public static Policies identity(List<IamPolicy> identity) {
        return new Policies(identity, null, null, null, null, null, null);
    }

    /** The same policies with this boundary (null for none). */
    public Policies withBoundary(List<IamPolicy> b) {
        return new Policies(identity, b, session, resource, scps, rcps, vpcEndpoint);
    }

    /** The same policies with this resource policy (null for none). */
    public Policies withResource(IamPolicy r) {
        return new Policies(identity, boundary, session, r, scps, rcps, vpcEndpoint);
    }
}
