package dev.breachpath.derive;

import dev.breachpath.graph.BP;
import dev.breachpath.iam.Match;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.jena.graph.Node;

/**
 * {@code bp:exposedTo bp:Internet}: compute that anyone on the internet can reach.
 *
 * <ul>
 *   <li>An instance (or an Auto Scaling group, through its launch template) with a public address,
 *       in a subnet whose route table sends {@code 0.0.0.0/0} or {@code ::/0} to an internet
 *       gateway, and a security group that lets in {@code 0.0.0.0/0} or {@code ::/0}.</li>
 *   <li>The targets (instances, groups, functions) of an internet-facing load balancer whose
 *       security groups let the world in on a listener's port.</li>
 *   <li>A Lambda function with a function URL without auth, or a permission for principal {@code *}.</li>
 * </ul>
 * A value unknown before apply makes exposure possible, never none.
 */
record Exposure(View v, Witnesses out) {
    private static final List<String> WORLD = List.of("0.0.0.0/0", "::/0");

    void derive() {
        for (Node c : v.ofType(BP.Ec2Instance)) {
            direct(c, v.link(c, BP.launchTemplate));
        }
        for (Node c : v.ofType(BP.AutoScalingGroup)) {
            direct(c, v.link(c, BP.launchTemplate));
        }
        for (Node lb : v.ofType(BP.LoadBalancer)) {
            loadBalancer(lb);
        }
        for (Node url : v.ofType(BP.LambdaFunctionUrl)) {
            functionUrl(url);
        }
        for (Node p : v.ofType(BP.LambdaPermission)) {
            permission(p);
        }
    }

    // ---- instances and groups: public address + route to an internet gateway + open security group

    private void direct(Node c, Node template) {
        List<String> evidence = new ArrayList<>();
        List<Node> via = new ArrayList<>();
        List<Node> subnets = v.links(c, BP.subnet);
        if (subnets.isEmpty() && template != null) {
            subnets = v.links(template, BP.subnet);
        }
        boolean subnetUnknown = v.unknown(c, BP.subnet);

        Match address = address(c, template, subnets, subnetUnknown, evidence, via);
        if (address == Match.NO) {
            return;
        }
        Match route = route(subnets, subnetUnknown, evidence, via);
        if (route == Match.NO) {
            return;
        }
        List<Node> groups = new ArrayList<>(v.links(c, BP.securityGroup));
        boolean groupsUnknown = v.unknown(c, BP.securityGroup);
        if (template != null) {
            groups.addAll(v.links(template, BP.securityGroup));
            groupsUnknown |= v.unknown(template, BP.securityGroup);
        }
        TreeSet<String> ports = new TreeSet<>();
        Match open = openToWorld(groups, groupsUnknown, ports, evidence, via, null);
        if (open == Match.NO) {
            return;
        }
        Match certainty = address.and(route).and(open);
        var e = out.edge(c, BP.exposedTo, BP.Internet, certainty).rule("exposure.public-address");
        evidence.forEach(e::evidence);
        via.forEach(e::via);
        e.summary((ports.isEmpty() ? "open" : String.join(", ", ports)) + " from the internet; public address; route to an internet gateway");
    }

    private Match address(Node c, Node template, List<Node> subnets, boolean subnetUnknown, List<String> evidence, List<Node> via) {
        for (Node eip : v.subjects(BP.instance, c)) {
            if (v.is(eip, BP.ElasticIp)) {
                evidence.add("public address: Elastic IP " + v.label(eip));
                via.add(eip);
                return Match.YES;
            }
        }
        Optional<String> ip = v.string(c, BP.publicIp).filter(s -> !s.isEmpty());
        if (ip.isPresent()) {
            evidence.add("public address: " + ip.get());
            return Match.YES;
        }
        Node source = v.has(c, BP.associatePublicIp) || template == null ? c : template;
        if (v.unknown(source, BP.associatePublicIp)) {
            evidence.add("public address: associate_public_ip_address unknown before apply");
            return Match.MAYBE;
        }
        Boolean asks = v.bool(source, BP.associatePublicIp);
        if (asks != null) {
            if (asks) {
                evidence.add("public address: " + v.label(source) + " asks for one (associate_public_ip_address)");
                return Match.YES;
            }
            return Match.NO;
        }
        if (subnetUnknown && subnets.isEmpty()) {
            evidence.add("public address: subnet unknown before apply");
            return Match.MAYBE;
        }
        if (subnets.isEmpty()) {
            evidence.add("public address: no subnet given, so a default subnet, which gives public addresses");
            return Match.MAYBE;
        }
        Match best = Match.NO;
        for (Node s : subnets) {
            if (v.unknown(s, BP.mapPublicIpOnLaunch)) {
                best = best.or(Match.MAYBE);
                evidence.add("public address: map_public_ip_on_launch of " + v.label(s) + " unknown");
                continue;
            }
            Boolean maps = v.bool(s, BP.mapPublicIpOnLaunch);
            if (maps == null) {
                if (external(s) || v.bool(s, BP.isDefault) == Boolean.TRUE) {
                    best = best.or(Match.MAYBE);
                    evidence.add("public address: " + v.label(s) + " is not in the inputs; it may give public addresses");
                }
            } else if (maps) {
                best = Match.YES;
                evidence.add("public address: " + v.label(s) + " gives one on launch (map_public_ip_on_launch)");
                via.add(s);
                break;
            }
        }
        return best;
    }

    private Match route(List<Node> subnets, boolean subnetUnknown, List<String> evidence, List<Node> via) {
        if (subnets.isEmpty()) {
            evidence.add(subnetUnknown ? "route: subnet unknown before apply" : "route: a default subnet routes to the internet gateway");
            return Match.MAYBE;
        }
        Match best = Match.NO;
        for (Node s : subnets) {
            Node table = v.link(s, BP.routeTable);
            if (table == null) {
                Node vpc = v.link(s, BP.vpc);
                table = vpc == null ? null : v.link(vpc, BP.mainRouteTable);
            }
            if (table == null) {
                // No explicit association: the VPC's main table. One the inputs create has only the
                // local route unless a main-route-table association says otherwise.
                Node vpc = v.link(s, BP.vpc);
                boolean known = !external(s) && !v.unknown(s, BP.routeTable) && vpc != null && !external(vpc)
                        && !v.unknown(vpc, BP.mainRouteTable);
                if (!known) {
                    best = best.or(Match.MAYBE);
                    evidence.add("route: the route table of " + v.label(s) + " is not in the inputs");
                }
                continue;
            }
            Match m = internetRoute(table, evidence, via);
            best = best.or(m);
            if (best == Match.YES) {
                break;
            }
        }
        return best;
    }

    private boolean external(Node n) {
        return v.bool(n, BP.external) == Boolean.TRUE;
    }

    private Match internetRoute(Node table, List<String> evidence, List<Node> via) {
        List<Node> routes = new ArrayList<>(v.links(table, BP.route));
        for (Node r : v.subjects(BP.routeTable, table)) {
            if (v.is(r, BP.Route) && !routes.contains(r)) {
                routes.add(r);
            }
        }
        if (external(table) && routes.isEmpty()) {
            evidence.add("route: " + v.label(table) + " is not in the inputs");
            return Match.MAYBE;
        }
        Match best = Match.NO;
        for (Node r : routes) {
            List<String> destinations = v.strings(r, BP.destination);
            boolean world = destinations.stream().anyMatch(WORLD::contains);
            boolean unknownDest = v.unknown(r, BP.destination);
            if (!world && !unknownDest) {
                continue;
            }
            Node target = v.link(r, BP.routeTarget);
            Match m;
            if (target != null && v.is(target, BP.InternetGateway)) {
                m = world ? Match.YES : Match.MAYBE;
                evidence.add("route: " + (world ? String.join(", ", destinations.stream().filter(WORLD::contains).toList()) : "a destination unknown before apply")
                        + " → " + v.label(target) + " in " + v.label(table));
                via.add(r);
                via.add(target);
            } else if (target == null && v.unknown(r, BP.routeTarget)) {
                m = Match.MAYBE;
                evidence.add("route: " + v.label(r) + " goes to a gateway unknown before apply");
                via.add(r);
            } else {
                m = Match.NO;
            }
            best = best.or(m);
        }
        return best;
    }

    /**
     * Whether the groups let the world in (on {@code port} if given): collects the port ranges.
     * No group known and none unknown means the VPC's default group, which only admits itself.
     */
    private Match openToWorld(List<Node> groups, boolean unknown, TreeSet<String> ports, List<String> evidence, List<Node> via, Integer port) {
        Match best = unknown ? Match.MAYBE : Match.NO;
        if (unknown) {
            evidence.add("security groups unknown before apply");
        }
        for (Node sg : groups) {
            List<Node> rules = new ArrayList<>(v.links(sg, BP.rule));
            for (Node r : v.subjects(BP.securityGroup, sg)) {
                if (v.is(r, BP.SecurityGroupRule) && !rules.contains(r)) {
                    rules.add(r);
                }
            }
            for (Node rule : rules) {
                if (!"ingress".equals(v.string(rule, BP.direction).orElse(""))) {
                    continue;
                }
                List<String> cidrs = v.strings(rule, BP.cidr).stream().filter(WORLD::contains).toList();
                Match m = !cidrs.isEmpty() ? Match.YES : v.unknown(rule, BP.cidr) ? Match.MAYBE : Match.NO;
                if (m == Match.NO) {
                    continue;
                }
                String range = ports(rule);
                if (port != null && !covers(rule, port)) {
                    continue;
                }
                ports.add(range);
                evidence.add(v.label(rule) + ": " + range + " from " + (cidrs.isEmpty() ? "a CIDR unknown before apply" : String.join(", ", cidrs)));
                via.add(rule);
                best = best.or(m);
            }
        }
        return best;
    }

    private String ports(Node rule) {
        String protocol = v.string(rule, BP.protocol).orElse("?");
        if (protocol.equals("-1") || protocol.equalsIgnoreCase("all")) {
            return "all traffic";
        }
        Optional<String> from = v.string(rule, BP.fromPort);
        Optional<String> to = v.string(rule, BP.toPort);
        if (from.isEmpty()) {
            return protocol;
        }
        return protocol + "/" + (from.equals(to) || to.isEmpty() ? from.get() : from.get() + "-" + to.get());
    }

    private boolean covers(Node rule, int port) {
        String protocol = v.string(rule, BP.protocol).orElse("?");
        if (protocol.equals("-1") || protocol.equalsIgnoreCase("all")) {
            return true;
        }
        try {
            int from = Integer.parseInt(v.string(rule, BP.fromPort).orElse("0"));
            int to = Integer.parseInt(v.string(rule, BP.toPort).orElse("65535"));
            return from <= port && port <= to;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    // ---- load balancers

    private void loadBalancer(Node lb) {
        Match facing;
        if (v.unknown(lb, BP.internetFacing)) {
            facing = Match.MAYBE;
        } else if (v.bool(lb, BP.internetFacing) == Boolean.TRUE) {
            facing = Match.YES;
        } else {
            return;
        }
        List<Node> listeners = new ArrayList<>(v.links(lb, BP.listener));
        for (Node l : v.subjects(BP.loadBalancer, lb)) {
            if (v.is(l, BP.Listener) && !listeners.contains(l)) {
                listeners.add(l);
            }
        }
        List<Node> groups = v.links(lb, BP.securityGroup);
        boolean groupsUnknown = v.unknown(lb, BP.securityGroup);
        boolean classic = "classic".equals(v.string(lb, BP.loadBalancerType).orElse(""));
        for (Node listener : listeners) {
            Integer port = v.string(listener, BP.port).map(Integer::valueOf).orElse(null);
            List<String> evidence = new ArrayList<>();
            List<Node> via = new ArrayList<>(List.of(lb, listener));
            TreeSet<String> ports = new TreeSet<>();
            Match open;
            if (groups.isEmpty() && !groupsUnknown) {
                open = Match.YES; // a network load balancer without security groups admits everyone
                ports.add(v.string(listener, BP.protocol).orElse("") + "/" + (port == null ? "?" : port));
            } else {
                open = openToWorld(groups, groupsUnknown, ports, evidence, via, port);
            }
            if (open == Match.NO) {
                continue;
            }
            List<Node> targets = new ArrayList<>();
            if (classic) {
                targets.addAll(v.links(lb, BP.target));
            }
            for (Node tg : v.links(listener, BP.targetGroup)) {
                via.add(tg);
                targets.addAll(v.links(tg, BP.target));
                for (Node asg : v.subjects(BP.targetGroup, tg)) {
                    if (v.is(asg, BP.AutoScalingGroup)) {
                        targets.add(asg);
                    }
                }
            }
            String listenerText = v.string(listener, BP.protocol).map(p -> p + "/").orElse("") + (port == null ? "?" : port);
            for (Node t : targets) {
                if (!v.is(t, BP.Compute)) {
                    continue;
                }
                var e = out.edge(t, BP.exposedTo, BP.Internet, facing.and(open)).rule("exposure.load-balancer");
                e.evidence("internet-facing " + v.label(lb) + " listens on " + listenerText + " (" + v.label(listener) + ")");
                evidence.forEach(e::evidence);
                via.forEach(e::via);
                e.summary("through internet-facing " + v.label(lb) + " on " + listenerText);
            }
        }
    }

    // ---- Lambda

    private void functionUrl(Node url) {
        Node fn = v.link(url, BP.function);
        if (fn == null) {
            return;
        }
        Match m;
        if (v.unknown(url, BP.authType)) {
            m = Match.MAYBE;
        } else if ("NONE".equals(v.string(url, BP.authType).orElse(""))) {
            m = Match.YES;
        } else {
            return;
        }
        out.edge(fn, BP.exposedTo, BP.Internet, m).rule("exposure.function-url")
                .evidence(v.label(url) + ": authorization NONE").via(url)
                .summary("function URL " + v.label(url) + " without auth");
    }

    private void permission(Node p) {
        Node fn = v.link(p, BP.function);
        if (fn == null || !"*".equals(v.string(p, BP.permissionPrincipal).orElse(""))) {
            return;
        }
        String action = v.string(p, BP.permissionAction).orElse("");
        if (!dev.breachpath.iam.Arns.actionMatches(action, "lambda:InvokeFunction")
                && !dev.breachpath.iam.Arns.actionMatches(action, "lambda:InvokeFunctionUrl")) {
            return;
        }
        if (v.has(p, BP.sourceArn) || v.has(p, BP.sourceAccount)) {
            return;
        }
        out.edge(fn, BP.exposedTo, BP.Internet, Match.YES).rule("exposure.lambda-permission")
                .evidence(v.label(p) + ": " + action + " for principal *").via(p)
                .summary("permission " + v.label(p) + " lets anyone invoke it");
    }
}
