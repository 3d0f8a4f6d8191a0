package dev.breachpath.derive;

import dev.breachpath.graph.BP;
import dev.breachpath.iam.Match;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;

/**
 * {@code bp:holdsCredential} and {@code bp:identifies}: compute that carries an access key (in
 * its own text or its launch template's), and the user an active key authenticates as.
 *
 * <p>A key found by id is matched to the {@code aws_iam_access_key} with the same fingerprint; a
 * configuration reference names the key directly. A key that matches nothing stays an
 * {@code bp:EmbeddedCredential} of unknown owner.
 */
record Credentials(View v, Witnesses out) {
    void derive() {
        Map<String, List<Node>> keysByFingerprint = new HashMap<>();
        for (Node key : v.ofType(BP.AccessKey)) {
            v.string(key, BP.keyFingerprint).ifPresent(f -> keysByFingerprint.computeIfAbsent(f, x -> new ArrayList<>()).add(key));
            identifies(key);
        }
        for (Node c : v.ofType(BP.Compute)) {
            List<Node> carriers = new ArrayList<>(List.of(c));
            Node template = v.link(c, BP.launchTemplate);
            if (template != null && !v.is(c, BP.LaunchTemplate)) {
                carriers.add(template);
            }
            for (Node carrier : carriers) {
                for (Node found : v.links(carrier, BP.embeds)) {
                    holds(c, carrier, found, keysByFingerprint);
                }
            }
        }
    }

    private void holds(Node c, Node carrier, Node found, Map<String, List<Node>> keysByFingerprint) {
        String where = v.string(found, BP.attribute).orElse("?");
        String place = carrier.equals(c) ? where : v.label(carrier) + " " + where;
        String kind = v.string(found, BP.credentialKind).orElse("");
        if (kind.equals("access-key-reference")) {
            Node key = v.link(found, BP.refersTo);
            if (key != null) {
                out.edge(c, BP.holdsCredential, key, Match.YES).rule("credential.configuration-reference").via(found)
                        .evidence(place + " is templated from " + v.label(key) + " in the configuration")
                        .summary(place + " embeds the key of " + v.label(key));
            }
            return;
        }
        String masked = v.string(found, BP.keyId).orElse("");
        String encoding = v.string(found, BP.encoding).orElse("plain");
        String line = v.string(found, BP.line).map(l -> " line " + l).orElse("");
        String how = encoding.equals("plain") ? "" : " (" + encoding + ")";
        List<Node> keys = v.string(found, BP.keyFingerprint).map(f -> keysByFingerprint.getOrDefault(f, List.of())).orElse(List.of());
        if (!keys.isEmpty()) {
            for (Node key : keys) {
                out.edge(c, BP.holdsCredential, key, Match.YES).rule("credential.key-id").via(found)
                        .evidence(place + line + how + " holds key id " + masked + ", the id of " + v.label(key))
                        .summary(place + " embeds key " + masked);
            }
            return;
        }
        String what = masked.isEmpty() ? "a string shaped like a secret access key" : "key id " + masked;
        out.edge(c, BP.holdsCredential, found, Match.YES).rule("credential.found").via(found)
                .evidence(place + line + how + " holds " + what + ", of no access key in the inputs")
                .summary(place + " embeds " + (masked.isEmpty() ? "a secret access key" : "key " + masked));
    }

    private void identifies(Node key) {
        Node user = v.link(key, BP.user);
        if (user == null) {
            return;
        }
        Match m;
        if (v.unknown(key, BP.status)) {
            m = Match.MAYBE;
        } else if ("Inactive".equals(v.string(key, BP.status).orElse("Active"))) {
            return;
        } else {
            m = Match.YES;
        }
        out.edge(key, BP.identifies, user, m).rule("credential.key-owner")
                .evidence(v.label(key) + " is an " + (m == Match.YES ? "active" : "(status unknown)") + " key of " + v.label(user))
                .summary("key of");
    }
}
