package dev.breachpath.resource.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breachpath.graph.BP;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Facts;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Value;
import dev.breachpath.secret.CredentialScanner;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;

/**
 * Credentials embedded in the text a compute resource carries (user data, environment
 * variables, container definitions), written as {@code bp:embeds} parts.
 *
 * <p>The text is the plan's value, or the configuration's literal where the value is unknown or
 * only a digest ({@code aws_instance.user_data} holds a SHA-1 of the script). References from the
 * configuration to an {@code aws_iam_access_key} count too: {@code ${aws_iam_access_key.x.id}}
 * templated into user data puts that key on the machine.
 */
final class Embedded {
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{40}");

    private final TerraformResource r;
    private final Facts out;
    private final Set<String> seen = new HashSet<>();
    private int next;

    private Embedded(TerraformResource r, Facts out) {
        this.r = r;
        this.out = out;
    }

    /** Scans the text attributes of {@code r} at these top-level names or paths. */
    static void scan(TerraformResource r, Facts out, AttrPath... paths) {
        Embedded e = new Embedded(r, out);
        for (AttrPath path : paths) {
            e.scan(path);
        }
    }

    private void scan(AttrPath path) {
        text(path).ifPresent(json -> scanJson(json, path.toString()));
        for (Node key : r.references(path, BP.AccessKey).nodes()) {
            if (seen.add("ref " + key.getURI())) {
                Facts c = part(path.toString());
                c.string(BP.credentialKind, "access-key-reference");
                c.string(BP.encoding, "configuration");
                c.link(BP.refersTo, key);
            }
        }
    }

    /** The value at path, or the configuration's constant where the value is unknown or a digest. */
    private Optional<JsonNode> text(AttrPath path) {
        Value v = r.value(path);
        if (v.isKnown()) {
            Optional<JsonNode> json = v.json();
            boolean digest = json.filter(JsonNode::isTextual).map(j -> DIGEST.matcher(j.asText()).matches()).orElse(false);
            if (json.isPresent() && !json.get().isNull() && !digest) {
                return json;
            }
        }
        return r.constant(path).filter(j -> !j.isNull());
    }

    private void scanJson(JsonNode json, String where) {
        if (json.isTextual()) {
            for (CredentialScanner.Found f : CredentialScanner.scan(json.asText())) {
                if (!seen.add(f.kind() + " " + f.fingerprint())) {
                    continue;
                }
                Facts c = part(where);
                c.string(BP.credentialKind, f.kind().label());
                c.string(BP.encoding, f.encoding());
                c.integer(BP.line, f.line());
                if (!f.maskedId().isEmpty()) {
                    c.string(BP.keyId, f.maskedId());
                    c.string(BP.keyFingerprint, f.fingerprint());
                    c.bool(BP.withSecret, f.withSecret());
                }
            }
        } else if (json.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                scanJson(field.getValue(), where + "." + field.getKey());
            }
        } else if (json.isArray()) {
            for (int i = 0; i < json.size(); i++) {
                scanJson(json.get(i), where + "[" + i + "]");
            }
        }
    }

    private Facts part(String where) {
        Facts c = out.part(BP.embeds, "credential-" + next++, BP.EmbeddedCredential);
        c.string(BP.attribute, where);
        return c;
    }
}
