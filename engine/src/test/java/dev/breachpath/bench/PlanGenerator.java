package dev.breachpath.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Makes plans of realistic shape and any size for benchmarks: a VPC and subnet in the root, and
 * N instances of an {@code app} module ({@code for_each}) of ten resources each: a security group
 * open on 443, three counted instances with IMDSv1 and an instance profile, a role with an
 * inline policy, a bucket with a policy, and a database. Everything is created, so links come
 * from configuration references through module inputs, as in a first deploy.
 */
public final class PlanGenerator {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String AWS = "registry.terraform.io/hashicorp/aws";
    /** Each app's role reads its own bucket. */
    private static String policy(int m) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Read\",\"Effect\":\"Allow\","
                + "\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],\"Resource\":[\"arn:aws:s3:::data-" + m + "\","
                + "\"arn:aws:s3:::data-" + m + "/*\"]}]}";
    }
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    private final ArrayNode changes = F.arrayNode();

    private PlanGenerator() {}

    /** A plan with {@code modules} app instances: {@code 10 * modules + 5} resources. */
    public static ObjectNode plan(int modules) {
        return new PlanGenerator().build(modules);
    }

    /** A benchmark's argument as a plan: a number of resources (a generated plan, deleted at exit) or a plan file. */
    static Path planFor(String arg) throws IOException {
        if (!arg.matches("\\d+")) {
            return Path.of(arg);
        }
        Path plan = java.nio.file.Files.createTempFile("plan-" + arg + "-", ".json");
        plan.toFile().deleteOnExit();
        write(Integer.parseInt(arg), plan);
        return plan;
    }

    /** Writes a plan: {@code PlanGenerator RESOURCES FILE}. */
    public static void main(String[] args) throws IOException {
        write(Integer.parseInt(args[0]), Path.of(args[1]));
    }

    /** Writes a plan of about {@code resources} resources to {@code file}. */
    public static void write(int resources, Path file) throws IOException {
        new ObjectMapper().writeValue(file.toFile(), plan(Math.max(1, resources / 10)));
    }

    private ObjectNode build(int modules) {
        ObjectNode root = F.objectNode().put("format_version", "1.2").put("terraform_version", "1.9.8");
        ArrayNode rootResources = F.arrayNode();
        rootResources.add(resource("aws_vpc.main", null, obj("cidr_block", "10.0.0.0/8"), unknown("id", "arn"), null));
        rootResources.add(resource("aws_subnet.public", null, obj("cidr_block", "10.0.0.0/16").put("map_public_ip_on_launch", true),
                unknown("id", "vpc_id"), null));
        rootResources.add(resource("aws_internet_gateway.main", null, F.objectNode(), unknown("id", "vpc_id"), null));
        ObjectNode route = obj("cidr_block", "0.0.0.0/0");
        ObjectNode routeTable = F.objectNode();
        routeTable.set("route", F.arrayNode().add(route));
        ObjectNode routeUnknown = unknown("id", "vpc_id");
        routeUnknown.set("route", F.arrayNode().add(unknown("gateway_id")));
        rootResources.add(resource("aws_route_table.public", null, routeTable, routeUnknown, null));
        rootResources.add(resource("aws_route_table_association.public", null, F.objectNode(),
                unknown("id", "subnet_id", "route_table_id"), null));
        ArrayNode children = F.arrayNode();
        for (int m = 0; m < modules; m++) {
            String module = "module.app[\"a" + m + "\"]";
            ArrayNode resources = F.arrayNode();
            ObjectNode rule = obj("protocol", "tcp", "description", "").put("from_port", 443).put("to_port", 443).put("self", false);
            rule.set("cidr_blocks", F.arrayNode().add("0.0.0.0/0"));
            rule.set("ipv6_cidr_blocks", F.arrayNode());
            rule.set("security_groups", F.arrayNode());
            rule.set("prefix_list_ids", F.arrayNode());
            ObjectNode sg = obj("name", "web" + m);
            sg.set("ingress", F.arrayNode().add(rule));
            resources.add(resource(module + ".aws_security_group.web", module, sg, unknown("id", "vpc_id"), null));
            for (int i = 0; i < 3; i++) {
                ObjectNode instance = obj("ami", "ami-0d64bb532e0502c46", "instance_type", "t3.micro",
                        "user_data", String.format("%040x", m * 3L + i));
                instance.set("metadata_options", F.arrayNode().add(obj("http_tokens", "optional", "http_endpoint", "enabled")));
                instance.set("tags", obj("Name", "web" + m + "-" + i));
                resources.add(resource(module + ".aws_instance.web[" + i + "]", module, instance,
                        unknown("id", "subnet_id", "vpc_security_group_ids", "iam_instance_profile"), F.numberNode(i)));
            }
            resources.add(resource(module + ".aws_iam_role.web", module, obj("name", "web" + m, "assume_role_policy", TRUST),
                    unknown("id", "arn"), null));
            resources.add(resource(module + ".aws_iam_instance_profile.web", module, obj("name", "web" + m), unknown("id", "role"), null));
            resources.add(resource(module + ".aws_iam_role_policy.web", module, obj("name", "read", "policy", policy(m)),
                    unknown("id", "role"), null));
            ObjectNode bucket = obj("bucket", "data-" + m);
            bucket.set("tags", obj("data-classification", "confidential"));
            resources.add(resource(module + ".aws_s3_bucket.data", module, bucket, unknown("id", "arn"), null));
            resources.add(resource(module + ".aws_s3_bucket_policy.data", module, obj("policy", policy(m)), unknown("id", "bucket"), null));
            resources.add(resource(module + ".aws_db_instance.db", module, obj("identifier", "db" + m, "engine", "postgres")
                    .put("publicly_accessible", false).put("storage_encrypted", true), unknown("id", "vpc_security_group_ids"), null));
            children.add(F.objectNode().put("address", module).set("resources", resources));
        }
        ObjectNode rootModule = F.objectNode();
        rootModule.set("resources", rootResources);
        rootModule.set("child_modules", children);
        root.set("planned_values", F.objectNode().set("root_module", rootModule));
        root.set("resource_changes", changes);
        root.set("configuration", configuration());
        return root;
    }

    private ObjectNode resource(String address, String module, ObjectNode after, ObjectNode unknown, com.fasterxml.jackson.databind.JsonNode index) {
        String[] parts = address.substring(module == null ? 0 : module.length() + 1).split("[.\\[]");
        ObjectNode planned = F.objectNode().put("address", address).put("mode", "managed").put("type", parts[0])
                .put("name", parts[1]).put("provider_name", AWS).put("schema_version", 0);
        ObjectNode change = planned.deepCopy();
        if (index != null) {
            planned.set("index", index);
            change.set("index", index);
        }
        planned.set("values", after);
        if (module != null) {
            change.put("module_address", module);
        }
        ObjectNode c = F.objectNode();
        c.set("actions", F.arrayNode().add("create"));
        c.putNull("before");
        c.set("after", after);
        c.set("after_unknown", unknown);
        change.set("change", c);
        changes.add(change);
        return planned;
    }

    private static ObjectNode configuration() {
        ArrayNode app = F.arrayNode();
        app.add(config("aws_security_group", "web", exprs("vpc_id", refs("var.vpc_id"))));
        ObjectNode instance = config("aws_instance", "web", exprs("subnet_id", refs("var.subnet_id"),
                "vpc_security_group_ids", refs("aws_security_group.web.id", "aws_security_group.web"),
                "iam_instance_profile", refs("aws_iam_instance_profile.web.name", "aws_iam_instance_profile.web")));
        instance.set("count_expression", F.objectNode().put("constant_value", 3));
        app.add(instance);
        app.add(config("aws_iam_role", "web", F.objectNode()));
        app.add(config("aws_iam_instance_profile", "web", exprs("role", refs("aws_iam_role.web.name", "aws_iam_role.web"))));
        app.add(config("aws_iam_role_policy", "web", exprs("role", refs("aws_iam_role.web.id", "aws_iam_role.web"))));
        app.add(config("aws_s3_bucket", "data", F.objectNode()));
        app.add(config("aws_s3_bucket_policy", "data", exprs("bucket", refs("aws_s3_bucket.data.id", "aws_s3_bucket.data"))));
        app.add(config("aws_db_instance", "db", exprs("vpc_security_group_ids", refs("aws_security_group.web.id", "aws_security_group.web"))));
        ObjectNode call = F.objectNode().put("source", "./app");
        call.set("for_each_expression", refs("var.apps"));
        call.set("expressions", exprs("vpc_id", refs("aws_vpc.main.id", "aws_vpc.main"),
                "subnet_id", refs("aws_subnet.public.id", "aws_subnet.public")));
        call.set("module", F.objectNode().set("resources", app));
        ArrayNode rootResources = F.arrayNode();
        rootResources.add(config("aws_vpc", "main", F.objectNode()));
        rootResources.add(config("aws_subnet", "public", exprs("vpc_id", refs("aws_vpc.main.id", "aws_vpc.main"))));
        rootResources.add(config("aws_internet_gateway", "main", exprs("vpc_id", refs("aws_vpc.main.id", "aws_vpc.main"))));
        ObjectNode routeBlock = exprs("cidr_block", F.objectNode().put("constant_value", "0.0.0.0/0"),
                "gateway_id", refs("aws_internet_gateway.main.id", "aws_internet_gateway.main"));
        ObjectNode table = exprs("vpc_id", refs("aws_vpc.main.id", "aws_vpc.main"));
        table.set("route", F.arrayNode().add(routeBlock));
        rootResources.add(config("aws_route_table", "public", table));
        rootResources.add(config("aws_route_table_association", "public", exprs(
                "subnet_id", refs("aws_subnet.public.id", "aws_subnet.public"),
                "route_table_id", refs("aws_route_table.public.id", "aws_route_table.public"))));
        ObjectNode rootModule = F.objectNode();
        rootModule.set("resources", rootResources);
        rootModule.set("module_calls", F.objectNode().set("app", call));
        ObjectNode provider = F.objectNode();
        provider.set("aws", F.objectNode().put("name", "aws")
                .set("expressions", exprs("region", F.objectNode().put("constant_value", "eu-west-1"))));
        ObjectNode configuration = F.objectNode();
        configuration.set("provider_config", provider);
        configuration.set("root_module", rootModule);
        return configuration;
    }

    private static ObjectNode config(String type, String name, ObjectNode expressions) {
        ObjectNode c = F.objectNode().put("address", type + "." + name).put("mode", "managed").put("type", type)
                .put("name", name).put("provider_config_key", "aws");
        c.set("expressions", expressions);
        return c;
    }

    private static ObjectNode refs(String... references) {
        ArrayNode list = F.arrayNode();
        for (String r : references) {
            list.add(r);
        }
        return F.objectNode().set("references", list);
    }

    private static ObjectNode exprs(Object... pairs) {
        ObjectNode out = F.objectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            out.set((String) pairs[i], (ObjectNode) pairs[i + 1]);
        }
        return out;
    }

    private static ObjectNode obj(String... pairs) {
        ObjectNode out = F.objectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return out;
    }

    private static ObjectNode unknown(String... names) {
        ObjectNode out = F.objectNode();
        for (String n : names) {
            out.put(n, true);
        }
        return out;
    }
}
