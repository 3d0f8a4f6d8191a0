package dev.breachpath.load.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.breachpath.resource.AttrPath;
import dev.breachpath.resource.Value;
import org.junit.jupiter.api.Test;

/** Unknown is never absent, absent is never unknown, and sensitive stays marked. */
class SnapshotTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private final Snapshot after = new Snapshot(
            json("{\"a\": \"x\", \"n\": null, \"list\": [\"sg-1\"], \"block\": [{\"tokens\": \"optional\"}], \"pw\": \"hunter22\"}"),
            json("{\"id\": true, \"list\": [false, true], \"block\": [{\"hop\": true}]}"),
            json("{\"pw\": true}"), true);

    @Test
    void knownUnknownAndAbsent() {
        assertThat(after.value(AttrPath.of("a")).text()).hasValue("x");
        assertThat(after.value(AttrPath.of("id")).isUnknown()).isTrue();
        assertThat(after.value(AttrPath.of("n")).isAbsent()).isTrue();
        assertThat(after.value(AttrPath.of("missing")).isAbsent()).isTrue();
        assertThat(after.value(AttrPath.of("block", 0, "tokens")).text()).hasValue("optional");
        assertThat(after.value(AttrPath.of("block", 0, "hop")).isUnknown()).isTrue();
    }

    @Test
    void partlyUnknownLists() {
        Value list = after.value(AttrPath.of("list"));
        assertThat(list.isKnown()).isTrue();
        assertThat(list.isPartial()).isTrue();
        assertThat(list.texts()).containsExactly("sg-1");
    }

    @Test
    void sensitiveValuesStayMarked() {
        assertThat(after.value(AttrPath.of("pw")).isSensitive()).isTrue();
        assertThat(after.value(AttrPath.of("a")).isSensitive()).isFalse();
    }

    @Test
    void withoutUnknownMarksAMissingValueMayBeUnknown() {
        Snapshot planned = new Snapshot(json("{\"a\": \"x\"}"), null, null, false);
        assertThat(planned.value(AttrPath.of("id")).isUnknown()).isTrue();
    }

    @Test
    void wholeUnknownObjects() {
        Snapshot unknown = new Snapshot(json("{}"), json("true"), null, true);
        assertThat(unknown.value(AttrPath.of("anything", 0, "deep")).isUnknown()).isTrue();
    }

    @Test
    void sensitivityMarksAreUnited() {
        JsonNode union = PlanReader.union(json("{\"a\": true, \"b\": {}}"), json("{\"b\": {\"c\": true}, \"d\": [false, true]}"));
        assertThat(union).isEqualTo(json("{\"a\": true, \"b\": {\"c\": true}, \"d\": [false, true]}"));
        assertThat(PlanReader.union(null, json("true"))).isEqualTo(json("true"));
    }

    @Test
    void rawAttributesShowUnknownsAndHideSecrets() {
        JsonNode raw = RawAttributes.render(new Snapshot(
                json("{\"name\": \"web\", \"password\": \"hunter22\", \"env\": {\"DB_PASSWORD\": \"x1\", \"MODE\": \"prod\"},"
                        + " \"key\": \"s3cr3t-value\", \"count\": 3}"),
                json("{\"id\": true, \"tags\": {\"Team\": true}}"), json("{\"key\": true}"), true));
        assertThat(raw.get("name").asText()).isEqualTo("web");
        assertThat(raw.get("id").asText()).isEqualTo("(known after apply)");
        assertThat(raw.get("tags").get("Team").asText()).isEqualTo("(known after apply)");
        assertThat(raw.get("password").asText()).isEqualTo("(sensitive value)");
        assertThat(raw.get("env").get("DB_PASSWORD").asText()).isEqualTo("(sensitive value)");
        assertThat(raw.get("env").get("MODE").asText()).isEqualTo("prod");
        assertThat(raw.get("key").asText()).isEqualTo("(sensitive value)");
        assertThat(raw.get("count").asInt()).isEqualTo(3);
    }

    @Test
    void documentsInsideStringsGetTheSameRules() {
        String containers = "[{\"name\": \"app\", \"environment\": [{\"name\": \"DB_PASSWORD\", \"value\": \"hunter22\"},"
                + " {\"name\": \"MODE\", \"value\": \"prod\"}]}]";
        JsonNode raw = RawAttributes.render(new Snapshot(
                json("{\"container_definitions\": \"" + containers.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}"),
                null, null, true));
        String rendered = raw.get("container_definitions").asText();
        assertThat(rendered).doesNotContain("hunter22").contains("prod").contains("DB_PASSWORD");
    }
}
