package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import dev.breachpath.resource.Value;

/**
 * Security group rules. Inline blocks, {@code aws_security_group_rule} and the newer
 * {@code aws_vpc_security_group_*_rule} name the same things differently; all become one
 * {@code bp:SecurityGroupRule} shape.
 */
final class Rules {
    private Rules() {}

    /** An inline rule block or {@code aws_security_group_rule} at {@code at}. */
    static void classic(TerraformResource r, Facts rule, AttrPath at, String peerAttribute) {
        rule.string(BP.protocol, r.value(at.then("protocol")));
        rule.integer(BP.fromPort, r.value(at.then("from_port")));
        rule.integer(BP.toPort, r.value(at.then("to_port")));
        cidrs(r, rule, at.then("cidr_blocks"));
        cidrs(r, rule, at.then("ipv6_cidr_blocks"));
        rule.strings(BP.prefixList, r.value(at.then("prefix_list_ids")));
        peers(r, rule, at.then(peerAttribute), true);
        Value self = r.value(at.then("self"));
        if (!self.isAbsent()) {
            rule.bool(BP.self, self);
        }
    }

    /** An {@code aws_vpc_security_group_ingress_rule} or {@code _egress_rule}. */
    static void vpc(TerraformResource r, Facts rule) {
        rule.string(BP.protocol, r.value("ip_protocol"));
        rule.integer(BP.fromPort, r.value("from_port"));
        rule.integer(BP.toPort, r.value("to_port"));
        cidrs(r, rule, AttrPath.of("cidr_ipv4"));
        cidrs(r, rule, AttrPath.of("cidr_ipv6"));
        rule.strings(BP.prefixList, r.value("prefix_list_id"));
        peers(r, rule, AttrPath.of("referenced_security_group_id"), false);
    }

    private static void cidrs(TerraformResource r, Facts rule, AttrPath path) {
        Value v = r.value(path);
        if (v.isUnknown() || v.isKnown()) {
            rule.strings(BP.cidr, v);
        }
    }

    private static void peers(TerraformResource r, Facts rule, AttrPath path, boolean multiValued) {
        Targets peers = r.targets(path, BP.SecurityGroup, multiValued);
        if (!peers.isEmpty()) {
            rule.link(BP.peerSecurityGroup, peers, path);
        }
    }
}
