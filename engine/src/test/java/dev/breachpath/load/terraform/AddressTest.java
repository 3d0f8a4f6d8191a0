package dev.breachpath.load.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AddressTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "aws_instance.web",
        "aws_instance.web[0]",
        "aws_s3_bucket.logs[\"a\"]",
        "data.aws_iam_policy_document.assume",
        "module.network.aws_subnet.public[1]",
        "module.app[\"blue\"].module.iam.aws_iam_role.this",
        "module.a[0].module.b[\"x.y\"].data.aws_caller_identity.current",
        "module.m[\"with \\\"quote\\\" and \\\\ slash\"].aws_vpc.main",
        "aws_security_group.sg-loadBalancer-noncompliant"})
    void printsExactlyWhatItParsed(String address) {
        assertThat(Address.parse(address).toString()).isEqualTo(address);
    }

    @Test
    void splitsModulesFromTheResource() {
        Address a = Address.parse("module.app[\"blue\"].module.iam.aws_iam_role.this[0]");
        assertThat(a.moduleInstance()).isEqualTo("module.app[\"blue\"].module.iam");
        assertThat(a.moduleCall()).isEqualTo("module.app.module.iam");
        assertThat(a.resourceInModule()).isEqualTo("aws_iam_role.this");
        assertThat(a.key()).isEqualTo(new InstanceKey("0"));
        assertThat(a.data()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "aws_instance", "module.x", "aws_instance.web[", "aws_instance.web[\"a]",
        "aws_instance.web.extra", "aws_instance.web[]"})
    void refusesWhatIsNotAnInstanceAddress(String text) {
        assertThatThrownBy(() -> Address.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysFromPlanIndexesMatchKeysInAddresses() {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(InstanceKey.of(mapper.valueToTree(2))).isEqualTo(Address.parse("a.b[2]").key());
        assertThat(InstanceKey.of(mapper.valueToTree("x\"y"))).isEqualTo(Address.parse("a.b[\"x\\\"y\"]").key());
    }

    @Test
    void readsTheReferencesThatLeadToResources() {
        assertThat(Reference.parse("aws_vpc.main.id")).isEqualTo(
                new Reference(Reference.Kind.RESOURCE, "aws_vpc.main", null, "id"));
        assertThat(Reference.parse("data.aws_iam_policy_document.x.json")).isEqualTo(
                new Reference(Reference.Kind.RESOURCE, "data.aws_iam_policy_document.x", null, "json"));
        assertThat(Reference.parse("aws_subnet.public[0]")).isEqualTo(
                new Reference(Reference.Kind.RESOURCE, "aws_subnet.public", new InstanceKey("0"), null));
        assertThat(Reference.parse("module.app[\"blue\"].instance_id")).isEqualTo(
                new Reference(Reference.Kind.MODULE, "app", InstanceKey.ofString("blue"), "instance_id"));
        assertThat(Reference.parse("module.network.public_subnet_ids[0]")).isEqualTo(
                new Reference(Reference.Kind.MODULE, "network", null, "public_subnet_ids"));
        assertThat(Reference.parse("var.subnet_id").kind()).isEqualTo(Reference.Kind.VARIABLE);
        assertThat(Reference.parse("each.value.id").kind()).isEqualTo(Reference.Kind.EACH_VALUE);
        assertThat(Reference.parse("each.key").kind()).isEqualTo(Reference.Kind.EACH_KEY);
        assertThat(Reference.parse("count.index").kind()).isEqualTo(Reference.Kind.COUNT_INDEX);
        assertThat(Reference.parse("local.tags").kind()).isEqualTo(Reference.Kind.OTHER);
        assertThat(Reference.parse("path.module").kind()).isEqualTo(Reference.Kind.OTHER);
        assertThat(Reference.parse("%%not a reference").kind()).isEqualTo(Reference.Kind.OTHER);
    }
}
