package dev.breachpath.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A policy that cannot be used is refused whole, with one line naming the file and line. */
class PolicyLoaderTest {
    private static Policy parse(String yaml) throws PolicyException {
        return PolicyLoader.parse(Yaml.parse("p/policy.yaml", yaml), "p");
    }

    private static final String HEAD = "id: p\ntitle: A policy\nseverity: high\n";

    @Test
    void readsAPathPolicy() throws Exception {
        Policy p = parse(HEAD + "path:\n  from: \"?source bp:exposedTo bp:Internet .\"\n  to: \"?target bp:sensitive true .\"\n"
                + "  relations: [runsAs, canAccess]\n  max-hops: 3\n");
        assertThat(p.isPath()).isTrue();
        assertThat(p.path().maxHops()).isEqualTo(3);
        assertThat(p.path().relations()).extracting(n -> n.getLocalName()).containsExactly("runsAs", "canAccess");
    }

    @Test
    void refusesWithFileAndLine() {
        assertThatThrownBy(() -> parse(HEAD + "titel: x\nquery: SELECT ?resource WHERE {}\n"))
                .hasMessageStartingWith("p/policy.yaml:4: unknown key titel");
        assertThatThrownBy(() -> parse("id: p\ntitle: A\nseverity: severe\nquery: SELECT ?resource WHERE {}\n"))
                .hasMessage("p/policy.yaml:3: severity must be one of critical, high, medium, low, info");
        assertThatThrownBy(() -> parse(HEAD + "query: |\n  SELECT ?x WHERE { ?x a bp:Resource }\n"))
                .hasMessage("p/policy.yaml:4: query must be a SELECT with ?resource");
        assertThatThrownBy(() -> parse(HEAD + "query: |\n  SELECT ?resource WHERE { ?resource a }\n"))
                .hasMessageStartingWith("p/policy.yaml:4: query: ");
        assertThatThrownBy(() -> parse(HEAD + "query: |\n  SELECT ?resource WHERE { SERVICE <http://x/> { ?resource ?p ?o } }\n"))
                .hasMessageStartingWith("p/policy.yaml:4: query: ");
        assertThatThrownBy(() -> parse(HEAD + "path:\n  from: \"?source a bp:Compute .\"\n  to: \"?target a bp:DataStore .\"\n"
                + "  relations: [teleports]\n  max-hops: 3\n"))
                .hasMessageStartingWith("p/policy.yaml:7: unknown relation teleports");
        assertThatThrownBy(() -> parse(HEAD + "path:\n  from: \"?source a bp:Compute .\"\n  to: \"?target a bp:DataStore .\"\n"
                + "  relations: [runsAs]\n  max-hops: 99\n"))
                .hasMessage("p/policy.yaml:8: path.max-hops must be a number from 1 to 16");
        assertThatThrownBy(() -> parse("id: q\ntitle: A\nseverity: low\nquery: SELECT ?resource WHERE {}\n"))
                .hasMessage("p/policy.yaml:1: id q differs from its folder name p");
        assertThatThrownBy(() -> parse(HEAD + "query: SELECT ?resource WHERE {}\npath: {}\n"))
                .hasMessage("p/policy.yaml: a policy has either query or path (exactly one)");
    }

    @Test
    void badYamlIsOneLineThatQuotesNothing() {
        assertThatThrownBy(() -> parse("id: p\ntitle: [unclosed secret-value-here\n"))
                .hasMessageStartingWith("p/policy.yaml:")
                .hasMessageNotContaining("secret-value-here")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
