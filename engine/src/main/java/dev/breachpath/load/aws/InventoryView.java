package dev.breachpath.load.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.breachpath.load.LinkIndex;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.TerraformResource;
import dev.breachpath.resource.Targets;
import dev.breachpath.resource.Value;
import dev.breachpath.resource.aws.AwsIds;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;

/**
 * A deployed resource as mappings see it: every value is known, as the API returned it, and a
 * reference is by the id, ARN or name the value holds, found wherever an input describes it.
 * There is no configuration, so no references to follow and no constants.
 */
final class InventoryView implements TerraformResource {
    private final String type;
    private final String name;
    private final ObjectNode attributes;
    private final Node node;
    private final LinkIndex index;
    private final Consumer<String> warnings;
    private final String account;

    /**
     * @param account the resource's account, if known: a name several accounts use is taken to
     *                mean the one in the same account, as AWS means it
     */
    InventoryView(String type, String name, ObjectNode attributes, Node node, String account, LinkIndex index,
                  Consumer<String> warnings) {
        this.account = account;
        this.type = type;
        this.name = name;
        this.attributes = attributes;
        this.node = node;
        this.index = index;
        this.warnings = warnings;
    }

    @Override
    public String address() {
        return name;
    }

    @Override
    public String type() {
        return type.startsWith("data.") ? type.substring(5) : type;
    }

    @Override
    public boolean isDataSource() {
        return type.startsWith("data.");
    }

    @Override
    public Node node() {
        return node;
    }

    @Override
    public Value value(AttrPath path) {
        return value(attributes, path);
    }

    /** The value at {@code path} of a tree of known values. */
    static Value value(JsonNode root, AttrPath path) {
        JsonNode v = root;
        for (Object segment : path.segments()) {
            if (segment instanceof Integer i) {
                v = v != null && v.isArray() ? v.get(i) : null;
            } else {
                v = v != null && v.isObject() ? v.get((String) segment) : null;
            }
        }
        return v == null || v.isNull() || v.isMissingNode() ? Value.absent() : Value.known(v, false);
    }

    @Override
    public Targets targets(AttrPath path, Node cls, boolean multiValued) {
        return link(path, cls, false);
    }

    @Override
    public Targets targetsByName(AttrPath path, Node cls, boolean multiValued) {
        return link(path, cls, true);
    }

    private Targets link(AttrPath path, Node cls, boolean byName) {
        Value value = value(path);
        TreeSet<Node> found = new TreeSet<>(Comparator.comparing(Node::getURI));
        boolean ambiguous = false;
        for (String text : value.texts()) {
            List<Node> matches = index.find(text, cls);
            if (account != null && !AwsIds.isArn(text) && AwsIds.classOfId(text).isEmpty()
                    && !text.matches("\\d{12}|(r|ou|p)-[0-9a-zA-Z_-]+")) {
                // A name means the resource of that name in the same account: never one of
                // another account. An ARN says its account itself, and an EC2 id is unique
                // everywhere (a subnet shared from another account is that account's), and so are
                // accounts and the roots, units and policies of an organization.
                List<Node> own = matches.stream().filter(m -> index.accountOf(m).map(account::equals).orElse(false)).toList();
                matches = !own.isEmpty() ? own
                        : matches.stream().filter(m -> index.accountOf(m).isEmpty()).toList();
            }
            if (matches.isEmpty()) {
                index.external(text, cls, byName).ifPresent(found::add);
            } else {
                found.addAll(matches);
                ambiguous |= matches.size() > 1;
            }
        }
        return new Targets(List.copyOf(found), ambiguous, false);
    }

    @Override
    public Targets references(AttrPath path, Node cls) {
        return Targets.none();
    }

    @Override
    public Optional<JsonNode> constant(AttrPath path) {
        return Optional.empty();
    }

    @Override
    public int configuredBlocks(AttrPath path) {
        return 0;
    }

    @Override
    public void warn(String message) {
        warnings.accept(name + ": " + message);
    }
}
