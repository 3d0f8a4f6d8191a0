package dev.breachpath.graph;

import java.nio.charset.StandardCharsets;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * How nodes are named. A Terraform resource instance is named by its address, which is stable
 * across runs and known before apply; an AWS resource that no input describes but an input refers
 * to is named by its ARN, else by its kind and AWS id. Parts of a resource (a security group's
 * inline rule, a policy's statement) are named below their resource. No blank nodes: their
 * labels would change from run to run.
 */
public final class Iris {
    /** Prefix of nodes named by Terraform address. */
    public static final String TERRAFORM = "https://breachpath.dev/tf/";
    /** Prefix of nodes named by AWS kind and id. */
    public static final String AWS = "https://breachpath.dev/aws/";

    private Iris() {}

    /** The node of a Terraform resource instance address, e.g. {@code module.a["x"].aws_vpc.main}. */
    public static Node terraform(String address) {
        return NodeFactory.createURI(TERRAFORM + encode(address));
    }

    /**
     * The node of an AWS resource known only by its ARN. An access key id in it (as a resource
     * id) is masked as in literals, so no IRI shows what no literal may.
     */
    public static Node arn(String arn) {
        return NodeFactory.createURI(encode(dev.breachpath.secret.Redactor.maskKeyIds(arn)));
    }

    /** The node of an AWS resource of a vocabulary class known only by an id or name. */
    public static Node aws(Node cls, String id) {
        String local = cls.getURI().substring(BP.NS.length());
        return NodeFactory.createURI(AWS + local + "/" + encode(dev.breachpath.secret.Redactor.maskKeyIds(id)));
    }

    /** A part of a node, e.g. {@code part(sg, "ingress-0")}. */
    public static Node part(Node parent, String name) {
        String iri = parent.getURI();
        return NodeFactory.createURI(iri + (iri.indexOf('#') < 0 ? "#" : "/") + encode(name));
    }

    /** The predicate of the tag with this key. */
    public static Node tag(String key) {
        return NodeFactory.createURI(BP.TAG_NS + encode(key));
    }

    /**
     * Percent-encodes every character that is not safe in an IRI written in Turtle or N-Triples,
     * and {@code %} itself, so distinct strings give distinct IRIs. Keeps {@code :} and
     * {@code /}, so ARNs stay readable.
     */
    static String encode(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSafe(c)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
            for (byte b : s.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
            i = end - 1;
        }
        return out == null ? s : out.toString();
    }

    private static boolean isSafe(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "-._~:/@!$&'()*+,;=".indexOf(c) >= 0;
    }
}
