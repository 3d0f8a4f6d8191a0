package dev.breachpath.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class RedactorTest {
    @Test
    void masksKeyIdsAndRemovesSecrets() {
        String script = "#!/bin/bash\nexport AWS_ACCESS_KEY_ID=AKIA2JQ7ZK4LEGACYKEY\n"
                + "export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG+bPxRfiCYCANARY0001\n";
        String scrubbed = Redactor.scrub(script);
        assertThat(scrubbed).contains("AKIA…YKEY").doesNotContain("AKIA2JQ7ZK4LEGACYKEY")
                .doesNotContain("wJalrXUtnFEMI").contains("#!/bin/bash");
    }

    @Test
    void leavesOrdinaryTextAndDigestsAlone() {
        List<String> innocent = List.of("t3.micro", "arn:aws:iam::123456789012:role/app-server-role",
                "0beec7b5ea3f0fdbc95d0dd47f3c5bc275da8a33", "10.0.0.0/16", "ami-0d64bb532e0502c46",
                "arn:aws:s3:::my-bucket/some/deep/path/to/objects/and/more/of/them",
                "AWSServiceRoleForElasticLoadBalancingWhichIsVeryLong");
        for (String s : innocent) {
            assertThat(Redactor.scrub(s)).isEqualTo(s);
        }
    }

    @Test
    void leavesIamActionsArnsAndConditionKeysAlone() {
        List<String> identifiers = List.of("secretsmanager:GetSecretValue", "sts:GetSessionToken", "kms:Decrypt",
                "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf",
                "arn:aws:ssm:eu-west-1:123456789012:parameter/app/api_token", "secretsmanager:*",
                "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser",
                "arn:aws:events:eu-west-1:719261439472:rule/StepFunctionsGetEventForCodeBuildStartBuildRule",
                "{\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"arn:aws:secretsmanager:eu-west-1:1:secret:x\"}");
        for (String s : identifiers) {
            assertThat(Redactor.scrub(s)).isEqualTo(s);
        }
    }

    @Test
    void removesAssignedPasswordsAndPrivateKeys() {
        assertThat(Redactor.scrub("export AWS_SECRET_ACCESS_KEY=abc123def")).isEqualTo("export AWS_SECRET_ACCESS_KEY=(redacted)");
        assertThat(Redactor.scrub("curl -H 'x-api-key: abc123def' https://x?token=t0ken&a=1"))
                .doesNotContain("abc123def").doesNotContain("t0ken").contains("a=1");
        assertThat(Redactor.scrub("client_secret: s3cr3tvalue")).isEqualTo("client_secret: (redacted)");
        assertThat(Redactor.scrub("DB_PASSWORD=hunter2 ./run")).isEqualTo("DB_PASSWORD=(redacted) ./run");
        assertThat(Redactor.scrub("{\"password\": \"hunter2\"}")).doesNotContain("hunter2");
        assertThat(Redactor.scrub("-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----"))
                .isEqualTo(Redactor.REDACTED);
    }

    @Test
    void knowsSecretNames() {
        assertThat(List.of("password", "master_password", "secret", "DB_PASSWORD", "token", "private_key", "api_key",
                "client_secret", "secret_string", "GITHUB_TOKEN", "dbPassword", "x-api-key", "AWS_SECRET_ACCESS_KEY",
                "password_data", "ses_smtp_password_v4", "credentials"))
                .allMatch(Redactor::isSecretName);
        assertThat(List.of("secret_arn", "kms_key_id", "name", "user_data", "auth_type", "http_tokens", "api_key_source",
                "secret_id", "token_url", "secretsmanager", "key_name", "keepers", "image_pull_credentials_type"))
                .noneMatch(Redactor::isSecretName);
    }

    @Property(tries = 500)
    void aSecretAccessKeyNeverSurvives(@ForAll("secrets") String secret, @ForAll("glue") String before,
                                       @ForAll("glue") String after) {
        String text = before + secret + after;
        assertThat(Redactor.scrub(text)).doesNotContain(secret);
        String base64 = Base64.getEncoder().encodeToString(("export KEY=" + secret + "\n").getBytes());
        assertThat(Redactor.scrub(before + base64 + after)).doesNotContain(base64);
    }

    @Property(tries = 500)
    void aKeyIdNeverSurvivesWhole(@ForAll("keyIds") String keyId, @ForAll("glue") String before, @ForAll("glue") String after) {
        assertThat(Redactor.scrub(before + keyId + after)).doesNotContain(keyId);
    }

    @Provide
    Arbitrary<String> secrets() {
        return Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
                .ofLength(40).filter(s -> s.chars().anyMatch(Character::isUpperCase)
                        && s.chars().anyMatch(Character::isLowerCase)
                        && s.chars().anyMatch(c -> Character.isDigit(c) || c == '+' || c == '/'));
    }

    @Provide
    Arbitrary<String> keyIds() {
        return Combinators.combine(Arbitraries.of("AKIA", "ASIA"),
                Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567").ofLength(16)).as(String::concat);
    }

    @Provide
    Arbitrary<String> glue() {
        return Arbitraries.oneOf(Arbitraries.of("", " ", "=", "\"", "'", "\n", ":", "KEY=", "secret", "x", "\\n"),
                Arbitraries.strings().alpha().ofMaxLength(6));
    }
}
