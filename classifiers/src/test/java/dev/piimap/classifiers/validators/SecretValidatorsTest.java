package dev.piimap.classifiers.validators;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The validators that tell a secret, a token or a URL carrying one from a placeholder or a look-alike. */
class SecretValidatorsTest {
    private static boolean valid(String validator, String candidate) {
        return Validators.byName(validator).isValid(candidate);
    }

    @Test
    void registersTheSecretValidatorsByName() {
        assertThat(Validators.names()).contains("password-value", "secret-value", "token-shape", "jwt",
                "pem-private-key", "url-with-pii");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hunter2", "S3cret!", "Tr0ub4dor&3", "correcthorsebatterystaple", "azerty123", "hunTer", "mail4me2day",
            "$llIa183ZvcMEHd7", "$zX__tRKzdTKo", "%aM#NQNDuVj6Aa", "#Summer2024!"})
    void passwordValueAcceptsPasswords(String value) {
        assertThat(valid("password-value", value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"********", "ab***", "xxxxxxxx", "<redacted>", "[REDACTED]", "${env:X}", "{{ secret }}",
            "%(password)s", "$DB_PASSWORD", "$dbPassword", "$db_pass2", "%DB_PASSWORD%", "%{pass}", "#{secret}", "process.env.DB_PASS", "changeme", "password", "null", "None", "example",
            "your_password_here", "required", "Reset", "abc", "....", "\u2022\u2022\u2022\u2022\u2022\u2022"})
    void passwordValueRejectsPlaceholdersAndProse(String value) {
        assertThat(valid("password-value", value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"7f3e9a2b1c8d4e6f0a5b3c9d", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "Zx9-kP2_qL7-mN4v",
            "123e4567-e89b-12d3-a456-426614174000", "dXNlcjpwYXNzd29yZDEyMw=="})
    void secretValueAcceptsMachineGeneratedValues(String value) {
        assertThat(valid("secret-value", value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4096", "refresh", "my-cool-token", "YOUR_API_KEY", "abc123", "aaaaaaaaaaaa1", "sk_****************",
            "<your-api-key>"})
    void secretValueRejectsWordsCountsAndPlaceholders(String value) {
        assertThat(valid("secret-value", value)).isFalse();
    }

    @Test
    void tokenShapeLooksAtTheRandomPartAfterTheVendorPrefix() {
        assertThat(valid("token-shape", "AKIAIOSFODNN7EXAMPLE")).isTrue();
        assertThat(valid("token-shape", "ghp_1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R")).isTrue();
        assertThat(valid("token-shape", "AKIAXXXXXXXXXXXXXXXX")).isFalse();
        assertThat(valid("token-shape", "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")).isFalse();
        assertThat(valid("token-shape", "sk-telekom-product-catalogue")).as("one character class").isFalse();
        assertThat(valid("token-shape", "glpat-Ab1")).as("too short").isFalse();
        assertThat(valid("token-shape", "AKIAJHXXCGFAPSQXHAFB")).as("AWS base32 body without a digit").isTrue();
        assertThat(valid("token-shape", "ASIAPACIFICREGIONALH")).as("reads like words: too many vowels").isFalse();
        assertThat(valid("token-shape", "AKIAABCDEFGHIJKLMNOP")).as("alphabet run").isFalse();
        assertThat(valid("token-shape", "AKIAQQQWWWEEERRRTTTY")).as("too few different letters").isFalse();
        assertThat(valid("token-shape", "ghp_ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJ")).as("letters only outside AWS").isFalse();
    }

    @Test
    void jwtNeedsAJsonHeaderWithAnAlgorithmAndASignature() {
        String header = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";
        String payload = "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ";
        assertThat(valid("jwt", header + "." + payload + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c")).isTrue();
        assertThat(valid("jwt", header + "." + payload + ".")).as("no signature").isFalse();
        assertThat(valid("jwt", "eyJ0eXAiOiJKV1QifQ." + payload + ".sig")).as("no alg").isFalse();
        assertThat(valid("jwt", "eyJhbGciOiJub25lIn0." + payload + ".sig")).as("alg none").isFalse();
        assertThat(valid("jwt", header + ".bm90IGpzb24.sig")).as("payload not JSON").isFalse();
        assertThat(valid("jwt", header + ".%%%.sig")).as("not base64url").isFalse();
    }

    @Test
    void pemPrivateKeyNeedsABody() {
        String body = "MIIEowIBAAKCAQEA7bq98x3vY2eU9Kf1Jz8sH0wQm3XlP4rN6tB2cD5eF7gH8iJ9kL0m";
        assertThat(valid("pem-private-key", "-----BEGIN RSA PRIVATE KEY-----\n" + body + "\n-----END RSA PRIVATE KEY-----")).isTrue();
        assertThat(valid("pem-private-key", "-----BEGIN PRIVATE KEY-----\\n" + body + "\\n-----END PRIVATE KEY-----")).isTrue();
        assertThat(valid("pem-private-key", "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----")).isFalse();
        assertThat(valid("pem-private-key", "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF\n\n-----END RSA PRIVATE KEY-----"))
                .as("headers are not the body").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com/reset?token=a8f3k29dk3x", "https://example.com/u/john%40example.com",
            "https://crm.example.com/users/jane.doe@example.com/profile", "http://example.com/cb#access_token=ya29.a0AfH6",
            "https://shop.example.com/cart;jsessionid=8F3A2B1C9D0E7F6A", "https://x.example.com/?X-Amz-Signature=abcdef0123456789"})
    void urlWithPiiAcceptsUrlsCarryingAnEmailOrASecret(String url) {
        assertThat(valid("url-with-pii", url)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com/docs?page=2", "https://example.com/?key=", "https://example.com/?token=YOUR_TOKEN",
            "https://example.com/?sig=abc", "https://www.npmjs.com/package/@scope/pkg", "ftp://example.com/?token=a8f3k29dk3x",
            "https://user:pw@example.com/", "https://"})
    void urlWithPiiRejectsOthers(String url) {
        assertThat(valid("url-with-pii", url)).isFalse();
    }
}
