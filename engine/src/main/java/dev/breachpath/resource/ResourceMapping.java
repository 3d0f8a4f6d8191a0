package dev.breachpath.resource;

import java.util.Set;
import org.apache.jena.graph.Node;

/**
 * Turns one kind of AWS resource into facts in the vocabulary. One class per kind, registered in
 * {@code resource.aws.AwsMappings}; the same class serves every input format, so a resource
 * from a plan and the same resource from the AWS APIs become the same kind of node.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface ResourceMapping {
    /** The vocabulary class of the nodes this mapping makes. */
    Node kind();

    /**
     * The Terraform types this mapping reads: {@code aws_instance}, or {@code data.aws_caller_identity}
     * for a data source.
     */
    Set<String> terraformTypes();

    /**
     * Writes the facts of one Terraform resource instance. The loader has already written the
     * core facts (type, address, raw attributes, tags, id, ARN, references).
     *
     * @throws MappingException if the resource cannot be understood; it is then reported rejected
     */
    void terraform(TerraformResource resource, Facts out);
}
