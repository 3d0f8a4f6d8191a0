package dev.breachpath.resource;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.apache.jena.graph.Node;

/**
 * One Terraform resource instance in one state (before or after the plan), as a mapping sees it.
 *
 * <p>Attribute values come from the plan's values with its unknown and sensitive marks; targets
 * come from known values (an id, ARN or name that another resource has) and, where values are
 * unknown, from the configuration's references, followed through module inputs, outputs,
 * {@code count} and {@code for_each}.
 */
public interface TerraformResource {
    /** The address exactly as Terraform prints it. */
    String address();

    /** The resource type, e.g. {@code aws_instance} (without {@code data.} for data sources). */
    String type();

    /** True for a data source. */
    boolean isDataSource();

    /** The node that stands for this resource in the graph. */
    Node node();

    /** The value at {@code path}. */
    Value value(AttrPath path);

    /** The value at the path of these segments. */
    default Value value(Object... segments) {
        return value(AttrPath.of(segments));
    }

    /**
     * The number of elements of the list, set or nested block at {@code path}: 0 if absent or
     * unknown (ask {@link #value(AttrPath)} to tell those apart).
     */
    default int size(AttrPath path) {
        return value(path).json().filter(JsonNode::isArray).map(JsonNode::size).orElse(0);
    }

    /**
     * The nodes of class {@code cls} (or its subclasses) that the attribute at {@code path}
     * refers to by id or ARN. A known value that no input describes becomes an external node.
     *
     * @param multiValued true if the attribute holds several references by nature (a list of
     *                    security group ids), so a reference to every instance of a counted
     *                    resource is meant and not ambiguous
     */
    Targets targets(AttrPath path, Node cls, boolean multiValued);

    /** Like {@link #targets(AttrPath, Node, boolean)}, for attributes that hold names (or ARNs). */
    Targets targetsByName(AttrPath path, Node cls, boolean multiValued);

    /**
     * The nodes of class {@code cls} that the configuration expression at {@code path} refers
     * to, without looking at values: for attributes whose value is built from references (a
     * policy rendered from a document, an ARN inside a string).
     */
    Targets references(AttrPath path, Node cls);

    /** The literal that the configuration gives for {@code path}, if it was a constant. */
    Optional<JsonNode> constant(AttrPath path);

    /**
     * The number of nested blocks the configuration writes at {@code path} (0 if none, or in the
     * before state): lets a mapping walk blocks whose values are wholly unknown.
     */
    int configuredBlocks(AttrPath path);

    /**
     * The number of elements to walk at {@code path}: the known elements, or the configured
     * blocks when the value is unknown.
     */
    default int blocks(AttrPath path) {
        Value v = value(path);
        return v.isUnknown() ? configuredBlocks(path) : Math.max(size(path), v.isPartial() ? configuredBlocks(path) : 0);
    }

    /** Records something worth telling about this resource that loses nothing (a policy that is not JSON). */
    void warn(String message);
}
