package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Node;

/** What AWS ids and ARNs tell by their shape alone. */
public final class AwsIds {
    private static final Map<String, Node> PREFIXES = Map.ofEntries(
            Map.entry("vpc", BP.Vpc),
            Map.entry("subnet", BP.Subnet),
            Map.entry("sg", BP.SecurityGroup),
            Map.entry("rtb", BP.RouteTable),
            Map.entry("igw", BP.InternetGateway),
            Map.entry("nat", BP.NatGateway),
            Map.entry("eipalloc", BP.ElasticIp),
            Map.entry("eni", BP.NetworkInterface),
            Map.entry("i", BP.Ec2Instance),
            Map.entry("lt", BP.LaunchTemplate));

    private AwsIds() {}

    /** The class an EC2-style id ({@code igw-0abc…}) names, if its prefix is one we model. */
    public static Optional<Node> classOfId(String id) {
        int dash = id.indexOf('-');
        if (dash <= 0 || dash == id.length() - 1) {
            return Optional.empty();
        }
        String rest = id.substring(dash + 1);
        if (!rest.matches("[0-9a-f]{8}|[0-9a-f]{17}")) {
            return Optional.empty();
        }
        return Optional.ofNullable(PREFIXES.get(id.substring(0, dash)));
    }

    /** True if {@code text} is an ARN. */
    public static boolean isArn(String text) {
        return text.startsWith("arn:") && text.chars().filter(c -> c == ':').count() >= 5;
    }

    /** The region of an ARN, if it has one. */
    public static Optional<String> arnRegion(String arn) {
        return arnField(arn, 3);
    }

    /** The account of an ARN, if it has one ({@code aws} for AWS-managed policies is not an account). */
    public static Optional<String> arnAccount(String arn) {
        return arnField(arn, 4).filter(a -> a.matches("\\d{12}"));
    }

    private static Optional<String> arnField(String arn, int index) {
        if (!isArn(arn)) {
            return Optional.empty();
        }
        String[] parts = arn.split(":", 6);
        return parts.length > index && !parts[index].isEmpty() ? Optional.of(parts[index]) : Optional.empty();
    }
}
