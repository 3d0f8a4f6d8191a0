package dev.breachpath.load.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breachpath.load.InputFormat;
import dev.breachpath.load.ParsedInput;
import dev.breachpath.resource.aws.AwsMappings;

/** The JSON of {@code terraform show -json PLANFILE}, format versions 0.x and 1.x. */
public final class TerraformPlanFormat implements InputFormat {
    /** The format's name in reports. */
    public static final String NAME = "terraform-plan";

    private final AwsMappings mappings;

    /** A plan format that maps resources with {@code mappings}. */
    public TerraformPlanFormat(AwsMappings mappings) {
        this.mappings = mappings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Detection detect(JsonNode root) {
        if (!root.isObject()) {
            return Detection.notMine();
        }
        boolean planLike = root.has("planned_values") || root.has("resource_changes")
                || root.has("configuration") && root.has("format_version")
                || root.has("plan_format_version") || root.has("terraform_version")
                || root.has("lineage") && root.has("serial");
        if (!planLike) {
            return Detection.notMine();
        }
        return PlanReader.refusal(root).map(Detection::refused).orElse(Detection.mine());
    }

    @Override
    public ParsedInput read(String path, JsonNode root) {
        return new PlanInput(PlanReader.read(path, root), mappings);
    }
}
