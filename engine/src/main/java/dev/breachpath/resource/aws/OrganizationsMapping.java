package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.ResourceMapping;
import dev.breachpath.resource.TerraformResource;
import java.util.Set;
import org.apache.jena.graph.Node;

/**
 * AWS Organizations: roots and units, accounts, control policies and their attachments, so that
 * the service control policies above an account cap what its principals may do.
 */
final class OrganizationsMapping {
    private OrganizationsMapping() {}

    /** A root or organizational unit and the unit it is in. */
    static final class Unit implements ResourceMapping {
        @Override
        public Node kind() {
            return BP.OrganizationUnit;
        }

        @Override
        public Set<String> terraformTypes() {
            return Set.of("aws_organizations_organizational_unit");
        }

        @Override
        public void terraform(TerraformResource r, Facts out) {
            out.string(BP.name, r.value("name"));
            Links.byId(r, out, BP.parent, BP.OrganizationUnit, "parent_id");
        }
    }

    /** An account of the organization, the unit it is in, and whether it is the management account. */
    static final class Account implements ResourceMapping {
        @Override
        public Node kind() {
            return BP.Account;
        }

        @Override
        public Set<String> terraformTypes() {
            return Set.of("aws_organizations_account");
        }

        @Override
        public void terraform(TerraformResource r, Facts out) {
            out.string(BP.name, r.value("name"));
            out.string(BP.accountId, r.value("id"));
            Links.byId(r, out, BP.parent, BP.OrganizationUnit, "parent_id");
            if (r.value("management").bool().orElse(false)) {
                out.bool(BP.managementAccount, true);
            }
        }
    }

    /** A service or resource control policy and its statements. */
    static final class Policy implements ResourceMapping {
        @Override
        public Node kind() {
            return BP.OrganizationPolicy;
        }

        @Override
        public Set<String> terraformTypes() {
            return Set.of("aws_organizations_policy", "data.aws_organizations_policy");
        }

        @Override
        public void terraform(TerraformResource r, Facts out) {
            out.string(BP.name, r.value("name"));
            var type = r.value("type");
            if (type.isAbsent()) {
                out.string(BP.policyType, "SERVICE_CONTROL_POLICY"); // the provider's default
            } else {
                out.string(BP.policyType, type);
            }
            var content = r.value("content");
            if (!content.isAbsent()) {
                PolicyFacts.document(r, out, "content");
            }
        }
    }

    /** A policy attached to a root, unit or account (an account target is its 12-digit id). */
    static final class Attachment implements ResourceMapping {
        @Override
        public Node kind() {
            return BP.Resource;
        }

        @Override
        public Set<String> terraformTypes() {
            return Set.of("aws_organizations_policy_attachment");
        }

        @Override
        public void terraform(TerraformResource r, Facts out) {
            var policies = r.targets(AttrPath.of("policy_id"), BP.OrganizationPolicy, false);
            boolean account = r.value("target_id").text().map(t -> t.matches("\\d{12}")).orElse(false);
            var targets = r.targets(AttrPath.of("target_id"), account ? BP.Account : BP.OrganizationUnit, false);
            Links.pairs(policies, targets, out, BP.attachedTo);
        }
    }
}
