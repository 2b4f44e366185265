package dev.piimap.classifiers;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * RELIABILITY item 5: 1 MiB inputs built to make backtracking engines explode finish in linear time:
 * runs of separators, digits and hex, and of the prefixes and labels the detectors key on (base64 and
 * JWT fragments, user-agent comments, password labels, PEM headers, URLs, coordinate halves).
 * The bound (20 s per 1 MiB input) is far above the linear times measured (tens to hundreds of
 * milliseconds on an idle core; a few seconds on a machine loaded by parallel builds) and far below
 * what a quadratic or backtracking path needs on 1 MiB (minutes to hours), so it separates the two
 * without flaking under load. Measured times are printed.
 */
class AdversarialInputTest {
    private static final int MIB = 1 << 20;
    private static final Duration BOUND = Duration.ofSeconds(20);

    @BeforeAll
    static void warmUp() {
        Classifier.defaults().detect("warm up 4111 1111 1111 1111 a@example.com 10.0.0.1 +1 202 456 1111");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "1-", "1 ", "a@", ".", "1.", "1:", "a:", "+1 ", "4111 ", "a.", "A1", "@.", "0-",
            "DE89 ", "(1)", "ab", "\u00e9@",
            "0a:", "aa-", "a:a:a:", "001a.", "Mozilla/5.0 (", "Mozilla/5.0 (X) Gecko/1 ", "curl/1 ", "a/1 (iPhone ",
            // Back anchors: one user-agent match across the whole text, one match per unit, a token before every slash.
            "a/1 (iOS) ", "a/1 (iOS)x", "ab/1 ",
            "eyJ", "eyJhbGciOiJIUzI1NiJ9.", "QUJD", "A1b2", "AKIA", "ghp_", "xoxb-1-", "sk-a", "-----BEGIN RSA PRIVATE KEY-----\n",
            "password: ", "password=", "pwd=\"", "token: ", "api_key=a", "Authorization: Bearer ", "postgres://a:",
            "dob: ", "DOB: 1", "born on 14 ", "passport ", "passport no. A", "lat: 1.1234, ", "\"lat\": ", "1.1234, ",
            "https://a.b/?", "http://a/?token=", "https://a/@", "User-Agent: ", "AB 12 ", "943 ", "9", "X1234567",
            "RSSMRA", "DE1", "FR 4", "NL1B", "2A ", "date of birth?\n", "born in Leeds ", "n\u00e9 \u00e0 Lyon le ", "<td>dob</td>",
            "1\u00b0", "1\u00b01'1\"N ", "N 1\u00b01.1' ", "AT81 ", "password=a&", "$aB1",
            // Street addresses, one region end to end: every position may start an anchored attempt of each shape.
            "12 Main Street, ", "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaweg 1 ", "12 Aaaaaaaaaaaaa Bbbbbbbbbbbbbb Street Apt 1 ",
            "Via Aaaaaaaaaaa Bbbbbbbbbbbb 12, ", "12 rue de la Aaaaaaaaaaaa Bbbbbbbbbbb "})
    void finishesARepeatedPatternOfOneMebibyteWellWithinTheBound(String unit) {
        String text = unit.repeat(MIB / unit.length());

        long started = System.nanoTime();
        assertTimeoutPreemptively(BOUND, () -> assertThatCode(() -> Classifier.defaults().detect(text)).doesNotThrowAnyException());
        long millis = (System.nanoTime() - started) / 1_000_000;

        System.out.printf("adversarial 1 MiB of '%s': %d ms%n", unit, millis);
        assertThat(Duration.ofMillis(millis)).isLessThan(BOUND);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@a.", "1.2.3.", "4111-1111-", "DE89 3704 ", "::1:", "Mozilla/5.0 (Windows NT 10.0",
            "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7bq98x3vY2eU9Kf1Jz8sH0wQm3XlP4rN6tB2cD5eF7gH8iJ9kL0m",
            "password: \"", "date of birth: 14 ", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.", "https://example.com/?token=",
            "52.5200, 13.4", "48\u00b051'29.6\"N 2\u00b017'40.2", "date of birth?\n[10:00] Ana: 14/03/"})
    void finishesOneMebibyteEndingInAnAlmostMatch(String tail) {
        String text = "x".repeat(MIB - tail.length()) + tail;

        assertTimeoutPreemptively(BOUND, () -> Classifier.defaults().detect(text));
    }
}
