package dev.breachpath.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breachpath.TestPaths;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.junit.jupiter.api.Test;

/** The ontology, the Java constants and docs/vocabulary.md say the same thing. */
class VocabularyTest {
    private final Ontology ontology = Ontology.get();

    @Test
    void everyConstantIsDeclaredAndEveryTermHasAConstant() throws IllegalAccessException {
        Set<String> constants = new TreeSet<>();
        for (Field f : BP.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == Node.class) {
                Node node = (Node) f.get(null);
                assertThat(node.getURI()).as(f.getName()).isEqualTo(BP.NS + f.getName());
                constants.add(f.getName());
            }
        }
        Set<String> declared = ontology.terms().stream().map(Ontology.Term::localName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(constants).isEqualTo(declared);
    }

    @Test
    void everyTermIsDocumentedAndFiled() {
        for (Ontology.Term t : ontology.terms()) {
            assertThat(t.comment()).as("comment of bp:%s", t.localName()).isNotBlank();
            assertThat(t.section()).as("section of bp:%s", t.localName())
                    .isIn("Core", "Compute", "Network", "Identity", "Data", "Time", "Derived");
        }
    }

    @Test
    void everyClassButStatementsLinkRecordsAndWitnessesIsAResource() {
        for (Ontology.Term t : ontology.terms()) {
            if (t.kind() == Ontology.Kind.CLASS && !t.iri().equals(BP.Statement) && !t.iri().equals(BP.AmbiguousLink)
                    && !t.iri().equals(BP.Witness)) {
                assertThat(ontology.classAndSuperClasses(t.iri())).as("bp:%s", t.localName()).contains(BP.Resource);
            }
        }
    }

    @Test
    void docsAreGeneratedFromTheOntology() throws Exception {
        Path doc = TestPaths.root().resolve("docs/vocabulary.md");
        String expected = VocabularyDoc.markdown(ontology);
        if (Boolean.getBoolean("breachpath.updateDocs")) {
            Files.writeString(doc, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(doc)).as("docs/vocabulary.md exists").isTrue();
        assertThat(Files.readString(doc, StandardCharsets.UTF_8))
                .as("docs/vocabulary.md is out of date; regenerate it with"
                        + " mvn -pl engine test -Dtest=VocabularyTest -Dbreachpath.updateDocs=true")
                .isEqualTo(expected);
    }
}
