package dev.breachpath.resource.aws;

import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Value;

/** Instance metadata service settings, the same block on instances, launch templates and configurations. */
final class Imds {
    private Imds() {}

    /**
     * Writes the settings of the {@code metadata_options} block. With no block at all, AWS's
     * defaults for the resource apply, which depend on the AMI and account settings; they are
     * left unwritten rather than guessed.
     */
    static void write(TerraformResource r, Facts out) {
        AttrPath block = AttrPath.of("metadata_options");
        Value options = r.value(block);
        if (options.isUnknown()) {
            out.link(BP.imdsTokens, BP.Unknown);
            out.link(BP.imdsEndpoint, BP.Unknown);
            return;
        }
        if (r.size(block) == 0) {
            return;
        }
        out.string(BP.imdsTokens, r.value(block.then(0, "http_tokens")));
        out.string(BP.imdsEndpoint, r.value(block.then(0, "http_endpoint")));
        out.integer(BP.imdsHopLimit, r.value(block.then(0, "http_put_response_hop_limit")));
    }
}
