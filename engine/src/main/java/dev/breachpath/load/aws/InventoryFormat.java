package dev.breachpath.load.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breachpath.load.InputFormat;
import dev.breachpath.load.ParsedInput;
import dev.breachpath.resource.aws.AwsMappings;
import java.util.List;

/**
 * What the AWS APIs say is deployed: responses exactly as the AWS CLI prints them
 * ({@code aws ec2 describe-instances > x.json}), AWS Config snapshots, configuration items and
 * history, and the manifest that {@code breachpath collect} writes beside them. Every such file
 * of a run adds to one inventory, since one resource is described by several calls (an instance
 * by DescribeInstances and its user data by DescribeInstanceAttribute).
 */
public final class InventoryFormat implements InputFormat {
    /** Names of the file kinds in reports. */
    static final String RESPONSE = "aws-api-response";
    static final String CONFIG = "aws-config";
    static final String MANIFEST = "breachpath-snapshot-manifest";

    private final AwsMappings mappings;

    public InventoryFormat(AwsMappings mappings) {
        this.mappings = mappings;
    }

    @Override
    public String name() {
        return RESPONSE;
    }

    @Override
    public Detection detect(JsonNode root) {
        if (Manifest.is(root)) {
            return Manifest.problem(root).map(Detection::refused).orElse(Detection.mine());
        }
        return Config.is(root) || Api.of(root).isPresent() ? Detection.mine() : Detection.notMine();
    }

    @Override
    public ParsedInput read(String path, JsonNode root) {
        return new InventoryFile(path, root);
    }

    @Override
    public List<ParsedInput> combine(List<ParsedInput> read) {
        return List.of(new Inventory(read.stream().map(InventoryFile.class::cast).toList(), mappings));
    }
}
