package dev.breachpath.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes account snapshots of realistic shape and any size for benchmarks, as AWS CLI output:
 * a VPC with a public subnet routed to an internet gateway, and N apps of ten resources each,
 * like {@link PlanGenerator}'s: a security group open on 443, three instances with IMDSv1 and an
 * instance profile, the role with an inline policy that reads the app's bucket, the bucket with
 * its tags, a database, a manual snapshot of it and an access key. The same responses a
 * collector writes: one file per call, per-resource calls under folders.
 */
public final class InventoryGenerator {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "123456789012";

    private InventoryGenerator() {}

    /** Writes a snapshot: {@code InventoryGenerator RESOURCES DIR}. */
    public static void main(String[] args) throws IOException {
        write(Integer.parseInt(args[0]), Path.of(args[1]));
    }

    /** Writes a snapshot of about {@code resources} resources into {@code dir}. */
    public static void write(int resources, Path dir) throws IOException {
        int apps = Math.max(1, resources / 10);
        Files.createDirectories(dir);
        String vpc = id("vpc", 0);
        String subnet = id("subnet", 0);
        String igw = id("igw", 0);
        put(dir, "sts.json", F.objectNode().put("UserId", "AIDAEXAMPLE").put("Account", ACCOUNT)
                .put("Arn", "arn:aws:iam::" + ACCOUNT + ":user/auditor"));
        ObjectNode vpcs = F.objectNode();
        vpcs.putArray("Vpcs").addObject().put("VpcId", vpc).put("CidrBlock", "10.0.0.0/8").put("OwnerId", ACCOUNT);
        put(dir, "vpcs.json", vpcs);
        ObjectNode subnets = F.objectNode();
        subnets.putArray("Subnets").addObject().put("SubnetId", subnet).put("VpcId", vpc).put("CidrBlock", "10.0.0.0/16")
                .put("MapPublicIpOnLaunch", true).put("AvailabilityZone", "us-east-1a");
        put(dir, "subnets.json", subnets);
        ObjectNode igws = F.objectNode();
        ObjectNode gateway = igws.putArray("InternetGateways").addObject().put("InternetGatewayId", igw);
        gateway.putArray("Attachments").addObject().put("VpcId", vpc).put("State", "available");
        put(dir, "igws.json", igws);
        ObjectNode tables = F.objectNode();
        ObjectNode table = tables.putArray("RouteTables").addObject().put("RouteTableId", id("rtb", 0)).put("VpcId", vpc);
        table.putArray("Routes").addObject().put("DestinationCidrBlock", "0.0.0.0/0").put("GatewayId", igw);
        table.putArray("Associations").addObject().put("RouteTableAssociationId", id("rtbassoc", 0)).put("SubnetId", subnet)
                .put("Main", false);
        put(dir, "route-tables.json", tables);

        ObjectNode groups = F.objectNode();
        ArrayNode groupList = groups.putArray("SecurityGroups");
        ObjectNode reservations = F.objectNode();
        ArrayNode reservationList = reservations.putArray("Reservations");
        ObjectNode details = F.objectNode();
        details.putArray("UserDetailList");
        details.putArray("GroupDetailList");
        details.putArray("Policies");
        ArrayNode roles = details.putArray("RoleDetailList");
        ObjectNode buckets = F.objectNode();
        ArrayNode bucketList = buckets.putArray("Buckets");
        ObjectNode databases = F.objectNode();
        ArrayNode databaseList = databases.putArray("DBInstances");
        ObjectNode snapshots = F.objectNode();
        ArrayNode snapshotList = snapshots.putArray("DBSnapshots");
        ObjectNode manifest = F.objectNode().put("breachpath_snapshot", 1).put("account", ACCOUNT);
        ArrayNode calls = manifest.putArray("calls");
        for (int m = 0; m < apps; m++) {
            String sg = id("sg", m);
            ObjectNode group = groupList.addObject().put("GroupId", sg).put("GroupName", "app-" + m).put("VpcId", vpc);
            ObjectNode rule = group.putArray("IpPermissions").addObject().put("IpProtocol", "tcp").put("FromPort", 443).put("ToPort", 443);
            rule.putArray("IpRanges").addObject().put("CidrIp", "0.0.0.0/0");
            String profile = "arn:aws:iam::" + ACCOUNT + ":instance-profile/app-" + m;
            ObjectNode reservation = reservationList.addObject().put("OwnerId", ACCOUNT);
            ArrayNode instances = reservation.putArray("Instances");
            for (int i = 0; i < 3; i++) {
                ObjectNode instance = instances.addObject().put("InstanceId", id("i", m * 3 + i)).put("SubnetId", subnet)
                        .put("PublicIpAddress", "203.0." + (m % 250) + "." + i).put("LaunchTime", "2024-01-01T00:00:00Z");
                instance.putObject("Placement").put("AvailabilityZone", "us-east-1a");
                instance.putObject("State").put("Name", "running");
                instance.putArray("SecurityGroups").addObject().put("GroupId", sg);
                instance.putObject("IamInstanceProfile").put("Arn", profile);
                instance.putObject("MetadataOptions").put("HttpTokens", "optional").put("HttpEndpoint", "enabled");
            }
            ObjectNode role = roles.addObject().put("RoleName", "app-" + m).put("Arn", "arn:aws:iam::" + ACCOUNT + ":role/app-" + m);
            role.set("AssumeRolePolicyDocument", JSON.readTree("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                    + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
            role.putArray("InstanceProfileList").addObject().put("InstanceProfileName", "app-" + m).put("Arn", profile);
            ObjectNode inline = role.putArray("RolePolicyList").addObject().put("PolicyName", "read");
            inline.set("PolicyDocument", JSON.readTree("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                    + "\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],\"Resource\":[\"arn:aws:s3:::data-" + m + "\","
                    + "\"arn:aws:s3:::data-" + m + "/*\"]}]}"));
            bucketList.addObject().put("Name", "data-" + m).put("CreationDate", "2024-01-01T00:00:00Z");
            ObjectNode tagging = F.objectNode();
            tagging.putArray("TagSet").addObject().put("Key", "data-classification").put("Value", "confidential");
            String file = "s3-get-bucket-tagging/data-" + m + ".json";
            put(dir, file, tagging);
            calls.addObject().put("file", file).put("operation", "s3:GetBucketTagging").putObject("parameters").put("Bucket", "data-" + m);
            ObjectNode db = databaseList.addObject().put("DBInstanceIdentifier", "db-" + m).put("Engine", "postgres")
                    .put("DBInstanceArn", "arn:aws:rds:us-east-1:" + ACCOUNT + ":db:db-" + m).put("PubliclyAccessible", false)
                    .put("StorageEncrypted", true);
            db.putArray("VpcSecurityGroups").addObject().put("VpcSecurityGroupId", sg);
            snapshotList.addObject().put("DBSnapshotIdentifier", "db-" + m + "-manual").put("DBInstanceIdentifier", "db-" + m)
                    .put("DBSnapshotArn", "arn:aws:rds:us-east-1:" + ACCOUNT + ":snapshot:db-" + m + "-manual")
                    .put("SnapshotType", "manual").put("SnapshotCreateTime", "2024-01-01T00:00:00Z").put("Encrypted", true);
        }
        put(dir, "security-groups.json", groups);
        put(dir, "instances.json", reservations);
        put(dir, "iam.json", details);
        put(dir, "buckets.json", buckets);
        put(dir, "databases.json", databases);
        put(dir, "snapshots.json", snapshots);
        put(dir, "manifest.json", manifest);
    }

    /** An EC2-style id: the prefix and 17 hex digits. */
    private static String id(String prefix, int n) {
        return prefix + "-" + String.format("%017x", n);
    }

    private static void put(Path dir, String name, ObjectNode json) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        JSON.writeValue(file.toFile(), json);
    }
}
