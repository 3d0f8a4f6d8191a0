package dev.breachpath.load.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** EC2 responses: instances and their user data, launch templates, and the network around them. */
final class Ec2Api {
    /** A route's Terraform attribute and the API field that holds it. */
    private static final String[][] ROUTE_FIELDS = {
            {"cidr_block", "DestinationCidrBlock"},
            {"ipv6_cidr_block", "DestinationIpv6CidrBlock"},
            {"destination_prefix_list_id", "DestinationPrefixListId"},
            {"gateway_id", "GatewayId"},
            {"nat_gateway_id", "NatGatewayId"},
            {"instance_id", "InstanceId"},
            {"network_interface_id", "NetworkInterfaceId"},
            {"transit_gateway_id", "TransitGatewayId"},
            {"vpc_peering_connection_id", "VpcPeeringConnectionId"},
            {"egress_only_gateway_id", "EgressOnlyInternetGatewayId"},
            {"local_gateway_id", "LocalGatewayId"},
            {"carrier_gateway_id", "CarrierGatewayId"},
            {"core_network_arn", "CoreNetworkArn"}};

    private Ec2Api() {}

    /** DescribeInstances: reservations of instances. */
    static void instances(JsonNode response, Out out) {
        for (JsonNode reservation : response.path("Reservations")) {
            for (JsonNode instance : reservation.path("Instances")) {
                instance(instance, Tf.str(reservation.path("OwnerId")), out);
            }
        }
    }

    static void instance(JsonNode i, String owner, Out out) {
        String id = Tf.str(i.path("InstanceId"));
        if (id == null) {
            out.rejected("instance without an InstanceId", "expected InstanceId");
            return;
        }
        String state = i.path("State").path("Name").asText("");
        if (state.equals("terminated") || state.equals("shutting-down")) {
            out.unmodelled("AWS::EC2::Instance (" + state + ")", id);
            return;
        }
        Tf t = Tf.of("aws_instance", id);
        t.text("subnet_id", Tf.str(i.path("SubnetId")));
        t.list("vpc_security_group_ids", i.path("SecurityGroups"), "GroupId");
        JsonNode publicIp = i.path("PublicIpAddress");
        t.bool("associate_public_ip_address", publicIp.isTextual());
        t.put("public_ip", publicIp);
        t.put("private_ip", i.path("PrivateIpAddress"));
        t.put("availability_zone", i.path("Placement").path("AvailabilityZone"));
        t.put("iam_instance_profile", i.path("IamInstanceProfile").path("Arn"));
        t.put("instance_state", i.path("State").path("Name"));
        t.put("launch_time", i.path("LaunchTime"));
        t.text("owner_id", owner);
        metadata(t, i.path("MetadataOptions"));
        for (JsonNode eni : i.path("NetworkInterfaces")) {
            Tf.put(t.block("network_interface"), "network_interface_id", eni.path("NetworkInterfaceId"));
        }
        JsonNode template = i.path("LaunchTemplate");
        if (template.isObject()) {
            ObjectNode lt = t.block("launch_template");
            Tf.put(lt, "id", template.path("LaunchTemplateId"));
            Tf.put(lt, "name", template.path("LaunchTemplateName"));
        }
        t.tags(i.path("Tags"));
        out.add(t);
    }

    /** DescribeInstanceAttribute: the user data (base64, as the API returns it) of one instance. */
    static void instanceAttribute(JsonNode response, Out out) {
        String id = Tf.str(response.path("InstanceId"));
        if (id == null) {
            out.rejected("instance attribute", "expected InstanceId");
            return;
        }
        JsonNode userData = response.path("UserData");
        if (userData.has("Value")) {
            out.add(Tf.of("aws_instance", id).put("user_data_base64", userData.get("Value")));
        } else if (response.has("UserData")) {
            out.add(Tf.of("aws_instance", id)); // no user data
        } else {
            out.unmodelled("AWS::EC2::InstanceAttribute", id);
        }
    }

    /** DescribeIamInstanceProfileAssociations: which profile each instance has. */
    static void profileAssociations(JsonNode response, Out out) {
        for (JsonNode a : response.path("IamInstanceProfileAssociations")) {
            String id = Tf.str(a.path("InstanceId"));
            String state = a.path("State").asText("associated");
            if (id == null) {
                out.rejected("instance profile association", "expected InstanceId");
            } else if (!state.equals("associated") && !state.equals("associating")) {
                out.unmodelled("AWS::EC2::IamInstanceProfileAssociation (" + state + ")", a.path("AssociationId").asText(id));
            } else {
                out.add(Tf.of("aws_instance", id).put("iam_instance_profile", a.path("IamInstanceProfile").path("Arn")));
            }
        }
    }

    /** DescribeLaunchTemplates: the templates, without their content. */
    static void launchTemplates(JsonNode response, Out out) {
        Tf.each(response.path("LaunchTemplates"), "LaunchTemplateId", "launch template", out, (lt, id) -> {
            out.add(Tf.of("aws_launch_template", id).put("name", lt.path("LaunchTemplateName")).tags(lt.path("Tags")));
        });
    }

    /** DescribeLaunchTemplateVersions: each template's default version (else its latest) is what launches. */
    static void launchTemplateVersions(JsonNode response, Out out) {
        java.util.Map<String, JsonNode> chosen = new java.util.TreeMap<>();
        Tf.each(response.path("LaunchTemplateVersions"), "LaunchTemplateId", "launch template version", out, (v, id) -> {
            JsonNode previous = chosen.get(id);
            boolean better = previous == null
                    || (v.path("DefaultVersion").asBoolean(false) && !previous.path("DefaultVersion").asBoolean(false))
                    || (v.path("DefaultVersion").asBoolean(false) == previous.path("DefaultVersion").asBoolean(false)
                            && v.path("VersionNumber").asLong() > previous.path("VersionNumber").asLong());
            if (better) {
                if (previous != null) {
                    out.unmodelled("AWS::EC2::LaunchTemplateVersion (not launched)", id + " version " + previous.path("VersionNumber").asText());
                }
                chosen.put(id, v);
            } else {
                out.unmodelled("AWS::EC2::LaunchTemplateVersion (not launched)", id + " version " + v.path("VersionNumber").asText());
            }
        });
        chosen.forEach((id, v) -> {
            JsonNode d = v.path("LaunchTemplateData");
            Tf t = Tf.of("aws_launch_template", id).put("name", v.path("LaunchTemplateName"));
            t.put("user_data", d.path("UserData"));
            JsonNode profile = d.path("IamInstanceProfile");
            if (profile.isObject()) {
                ObjectNode p = t.block("iam_instance_profile");
                Tf.put(p, "arn", profile.path("Arn"));
                Tf.put(p, "name", profile.path("Name"));
            }
            if (d.has("SecurityGroupIds")) {
                t.list("vpc_security_group_ids", d.path("SecurityGroupIds"), null);
            }
            for (JsonNode eni : d.path("NetworkInterfaces")) {
                ObjectNode n = t.block("network_interfaces");
                Tf.put(n, "associate_public_ip_address", eni.path("AssociatePublicIpAddress"));
                Tf.put(n, "subnet_id", eni.path("SubnetId"));
                n.set("security_groups", Tf.texts(eni.path("Groups"), null));
            }
            metadata(t, d.path("MetadataOptions"));
            out.add(t);
        });
    }

    /** An instance's or launch template's metadata options, as Terraform's metadata_options block. */
    private static void metadata(Tf t, JsonNode metadata) {
        if (metadata.isObject()) {
            ObjectNode m = t.block("metadata_options");
            Tf.put(m, "http_tokens", metadata.path("HttpTokens"));
            Tf.put(m, "http_endpoint", metadata.path("HttpEndpoint"));
            Tf.put(m, "http_put_response_hop_limit", metadata.path("HttpPutResponseHopLimit"));
        }
    }

    /** DescribeSecurityGroups: groups with their rules. */
    static void securityGroups(JsonNode response, Out out) {
        Tf.each(response.path("SecurityGroups"), "GroupId", "security group", out, (g, id) -> {
            Tf t = Tf.of("aws_security_group", id).put("name", g.path("GroupName")).put("vpc_id", g.path("VpcId"))
                    .put("description", g.path("Description")).text("owner_id", Tf.str(g.path("OwnerId")));
            t.attributes.set("ingress", rules(g.path("IpPermissions")));
            t.attributes.set("egress", rules(g.path("IpPermissionsEgress")));
            t.tags(g.path("Tags"));
            out.add(t);
        });
    }

    /** IpPermissions as Terraform's inline rule blocks. */
    private static ArrayNode rules(JsonNode permissions) {
        ArrayNode out = Tf.array();
        for (JsonNode p : permissions) {
            ObjectNode rule = out.addObject();
            String protocol = p.path("IpProtocol").asText("-1");
            rule.put("protocol", protocol);
            // The API leaves the ports out for all protocols; Terraform writes 0 to 0. A port that
            // is no port (out of range, not a number) is taken as widely as it could be meant.
            int from = port(p.path("FromPort"), 0);
            int to = port(p.path("ToPort"), 0);
            if (from == Integer.MIN_VALUE || to == Integer.MIN_VALUE) {
                from = 0;
                to = 65535;
            }
            rule.put("from_port", from);
            rule.put("to_port", to);
            // The API gives IpRanges as {CidrIp}; AWS Config gives ipRanges as plain strings and ipv4Ranges as {cidrIp}.
            ArrayNode cidrs = Tf.array();
            for (JsonNode range : p.path("IpRanges")) {
                JsonNode cidr = range.isTextual() ? range : range.path("CidrIp");
                if (cidr.isTextual()) {
                    cidrs.add(cidr.asText());
                }
            }
            for (JsonNode range : p.path("Ipv4Ranges")) {
                String cidr = Tf.str(range.path("CidrIp"));
                if (cidr != null && !cidrs.toString().contains("\"" + cidr + "\"")) {
                    cidrs.add(cidr);
                }
            }
            rule.set("cidr_blocks", cidrs);
            rule.set("ipv6_cidr_blocks", Tf.texts(p.path("Ipv6Ranges"), "CidrIpv6"));
            rule.set("prefix_list_ids", Tf.texts(p.path("PrefixListIds"), "PrefixListId"));
            rule.set("security_groups", Tf.texts(p.path("UserIdGroupPairs"), "GroupId"));
        }
        return out;
    }

    /** A port (-1 to 65535), {@code absent} when missing, or {@link Integer#MIN_VALUE} when it is no port. */
    private static int port(JsonNode v, int absent) {
        if (v.isMissingNode() || v.isNull()) {
            return absent;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < -1 || v.asInt() > 65535) {
            return Integer.MIN_VALUE;
        }
        return v.asInt();
    }

    /** DescribeSubnets. */
    static void subnets(JsonNode response, Out out) {
        Tf.each(response.path("Subnets"), "SubnetId", "subnet", out, (s, id) -> {
            out.add(Tf.of("aws_subnet", id).put("vpc_id", s.path("VpcId")).put("cidr_block", s.path("CidrBlock"))
                    .put("availability_zone", s.path("AvailabilityZone"))
                    .put("map_public_ip_on_launch", s.path("MapPublicIpOnLaunch"))
                    .put("default_for_az", s.path("DefaultForAz")).put("arn", s.path("SubnetArn"))
                    .text("owner_id", Tf.str(s.path("OwnerId"))).tags(s.path("Tags")));
        });
    }

    /** DescribeVpcs. */
    static void vpcs(JsonNode response, Out out) {
        Tf.each(response.path("Vpcs"), "VpcId", "vpc", out, (v, id) -> {
            out.add(Tf.of("aws_vpc", id).put("cidr_block", v.path("CidrBlock")).put("default", v.path("IsDefault"))
                    .text("owner_id", Tf.str(v.path("OwnerId"))).tags(v.path("Tags")));
        });
    }

    /** DescribeRouteTables: tables with their routes, and their associations as Terraform's association resources. */
    static void routeTables(JsonNode response, Out out) {
        Tf.each(response.path("RouteTables"), "RouteTableId", "route table", out, (rt, id) -> {
            Tf t = Tf.of("aws_route_table", id).put("vpc_id", rt.path("VpcId")).text("owner_id", Tf.str(rt.path("OwnerId")));
            ArrayNode routes = t.attributes.putArray("route");
            for (JsonNode r : rt.path("Routes")) {
                if ("local".equals(r.path("GatewayId").asText()) || "blackhole".equals(r.path("State").asText())) {
                    continue; // the VPC's own range, or a route that leads nowhere
                }
                ObjectNode route = routes.addObject();
                for (String[] field : ROUTE_FIELDS) {
                    Tf.put(route, field[0], r.path(field[1]));
                }
            }
            t.tags(rt.path("Tags"));
            out.add(t);
            for (JsonNode a : rt.path("Associations")) {
                String association = Tf.str(a.path("RouteTableAssociationId"));
                String state = a.path("AssociationState").path("State").asText("associated");
                if (association == null || !state.equals("associated")) {
                    continue;
                }
                if (a.path("Main").asBoolean(false)) {
                    out.add(Tf.of("aws_main_route_table_association", association).text("route_table_id", id)
                            .put("vpc_id", rt.path("VpcId")));
                } else if (a.has("SubnetId")) {
                    out.add(Tf.of("aws_route_table_association", association).text("route_table_id", id)
                            .put("subnet_id", a.path("SubnetId")));
                } else {
                    out.unmodelled("AWS::EC2::GatewayRouteTableAssociation", association);
                }
            }
        });
    }

    /** DescribeInternetGateways. */
    static void internetGateways(JsonNode response, Out out) {
        Tf.each(response.path("InternetGateways"), "InternetGatewayId", "internet gateway", out, (g, id) -> {
            Tf t = Tf.of("aws_internet_gateway", id).text("owner_id", Tf.str(g.path("OwnerId"))).tags(g.path("Tags"));
            for (JsonNode a : g.path("Attachments")) {
                String state = a.path("State").asText("available");
                if (state.equals("available") || state.equals("attached")) {
                    t.put("vpc_id", a.path("VpcId"));
                }
            }
            out.add(t);
        });
    }

    /** DescribeNatGateways. */
    static void natGateways(JsonNode response, Out out) {
        Tf.each(response.path("NatGateways"), "NatGatewayId", "NAT gateway", out, (g, id) -> {
            String state = g.path("State").asText("available");
            if (state.equals("deleted") || state.equals("deleting") || state.equals("failed")) {
                out.unmodelled("AWS::EC2::NatGateway (" + state + ")", id);
                return;
            }
            Tf t = Tf.of("aws_nat_gateway", id).put("subnet_id", g.path("SubnetId"))
                    .put("connectivity_type", g.path("ConnectivityType")).tags(g.path("Tags"));
            JsonNode address = g.path("NatGatewayAddresses").path(0);
            t.put("public_ip", address.path("PublicIp")).put("private_ip", address.path("PrivateIp"));
            out.add(t);
        });
    }

    /** DescribeAddresses: Elastic IPs and what they are associated with. */
    static void addresses(JsonNode response, Out out) {
        for (JsonNode a : response.path("Addresses")) {
            String id = a.path("AllocationId").asText(Tf.str(a.path("PublicIp")));
            if (id == null) {
                out.rejected("address", "expected AllocationId or PublicIp");
                continue;
            }
            out.add(Tf.of("aws_eip", id).put("public_ip", a.path("PublicIp")).put("instance", a.path("InstanceId"))
                    .put("network_interface", a.path("NetworkInterfaceId")).put("private_ip", a.path("PrivateIpAddress"))
                    .tags(a.path("Tags")));
        }
    }

    /** DescribeNetworkInterfaces. */
    static void networkInterfaces(JsonNode response, Out out) {
        Tf.each(response.path("NetworkInterfaces"), "NetworkInterfaceId", "network interface", out, (n, id) -> {
            Tf t = Tf.of("aws_network_interface", id).put("subnet_id", n.path("SubnetId"))
                    .list("security_groups", n.path("Groups"), "GroupId")
                    .list("private_ips", n.path("PrivateIpAddresses"), "PrivateIpAddress")
                    .put("description", n.path("Description")).put("interface_type", n.path("InterfaceType"))
                    .text("owner_id", Tf.str(n.path("OwnerId"))).tags(n.has("TagSet") ? n.path("TagSet") : n.path("Tags"));
            JsonNode attachment = n.path("Attachment");
            if (attachment.has("InstanceId")) {
                ObjectNode a = t.block("attachment");
                Tf.put(a, "instance", attachment.path("InstanceId"));
                Tf.put(a, "device_index", attachment.path("DeviceIndex"));
            }
            JsonNode association = n.path("Association");
            t.put("public_ip", association.path("PublicIp"));
            out.add(t);
            String allocation = Tf.str(association.path("AllocationId"));
            if (allocation != null) {
                out.add(Tf.of("aws_eip", allocation).put("public_ip", association.path("PublicIp")).text("network_interface", id));
            }
        });
    }
}
