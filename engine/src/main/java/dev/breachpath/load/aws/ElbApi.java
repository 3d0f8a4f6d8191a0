package dev.breachpath.load.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Elastic Load Balancing responses: v2 (application and network) load balancers, listeners, target groups and targets, and classic ones. */
final class ElbApi {
    private ElbApi() {}

    /** elbv2 DescribeLoadBalancers. */
    static void loadBalancers(JsonNode response, Out out) {
        Tf.each(response.path("LoadBalancers"), "LoadBalancerArn", "load balancer", out, (lb, arn) -> {
            Tf t = Tf.of("aws_lb", arn).text("arn", arn).put("name", lb.path("LoadBalancerName"))
                    .put("load_balancer_type", lb.path("Type")).put("dns_name", lb.path("DNSName"))
                    .put("vpc_id", lb.path("VpcId"));
            if (lb.has("Scheme")) {
                t.bool("internal", "internal".equals(lb.path("Scheme").asText()));
            }
            t.list("security_groups", lb.path("SecurityGroups"), null);
            t.list("subnets", lb.path("AvailabilityZones"), "SubnetId");
            out.add(t);
        });
    }

    /** elbv2 DescribeListeners. */
    static void listeners(JsonNode response, Out out) {
        Tf.each(response.path("Listeners"), "ListenerArn", "listener", out, (l, arn) -> {
            Tf t = Tf.of("aws_lb_listener", arn).text("arn", arn).put("load_balancer_arn", l.path("LoadBalancerArn"))
                    .put("port", l.path("Port")).put("protocol", l.path("Protocol"));
            for (JsonNode action : l.path("DefaultActions")) {
                ObjectNode a = t.block("default_action");
                Tf.put(a, "type", action.path("Type"));
                Tf.put(a, "target_group_arn", action.path("TargetGroupArn"));
                JsonNode groups = action.path("ForwardConfig").path("TargetGroups");
                if (groups.isArray() && !groups.isEmpty()) {
                    ObjectNode forward = a.putArray("forward").addObject();
                    for (JsonNode g : groups) {
                        Tf.put(forward.withArray("target_group").addObject(), "arn", g.path("TargetGroupArn"));
                    }
                }
            }
            out.add(t);
        });
    }

    /** elbv2 DescribeTargetGroups. */
    static void targetGroups(JsonNode response, Out out) {
        Tf.each(response.path("TargetGroups"), "TargetGroupArn", "target group", out, (g, arn) -> {
            out.add(Tf.of("aws_lb_target_group", arn).text("arn", arn).put("name", g.path("TargetGroupName"))
                    .put("port", g.path("Port")).put("protocol", g.path("Protocol"))
                    .put("target_type", g.path("TargetType")).put("vpc_id", g.path("VpcId")));
        });
    }

    /**
     * elbv2 DescribeTargetHealth: the targets of one group. The response does not name the group;
     * the manifest's TargetGroupArn parameter does.
     */
    static void targetHealth(JsonNode response, Out out) {
        String group = out.context().parameter("TargetGroupArn");
        int i = 0;
        for (JsonNode d : response.path("TargetHealthDescriptions")) {
            String target = Tf.str(d.path("Target").path("Id"));
            String element = "target " + (target == null ? String.valueOf(i) : target);
            i++;
            if (group == null) {
                out.rejected(element, "the response does not say which target group it describes;"
                        + " give TargetGroupArn in the snapshot manifest (docs/inventory.md)");
            } else if (target == null) {
                out.rejected(element, "expected Target.Id");
            } else {
                out.add(Tf.of("aws_lb_target_group_attachment", group + "/" + target).text("target_group_arn", group)
                        .text("target_id", target).put("port", d.path("Target").path("Port")));
            }
        }
    }

    /** Classic ELB DescribeLoadBalancers. */
    static void classic(JsonNode response, Out out) {
        Tf.each(response.path("LoadBalancerDescriptions"), "LoadBalancerName", "classic load balancer", out, (lb, name) -> {
            Tf t = Tf.of("aws_elb", name).text("name", name).put("dns_name", lb.path("DNSName")).put("vpc_id", lb.has("VPCId") ? lb.path("VPCId") : lb.path("VpcId"));
            if (lb.has("Scheme")) {
                t.bool("internal", "internal".equals(lb.path("Scheme").asText()));
            }
            t.list("security_groups", lb.path("SecurityGroups"), null);
            t.list("subnets", lb.path("Subnets"), null);
            t.list("instances", lb.path("Instances"), "InstanceId");
            for (JsonNode l : lb.path("ListenerDescriptions")) {
                JsonNode listener = l.path("Listener");
                ObjectNode block = t.block("listener");
                Tf.put(block, "lb_port", listener.path("LoadBalancerPort"));
                Tf.put(block, "lb_protocol", listener.path("Protocol"));
                Tf.put(block, "instance_port", listener.path("InstancePort"));
                Tf.put(block, "instance_protocol", listener.path("InstanceProtocol"));
            }
            out.add(t);
        });
    }
}
