package dev.piimap.classifiers;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * RELIABILITY item 5: 1 MiB inputs built to make backtracking engines explode finish in linear time.
 * The bound is generous (5 s) so a loaded CI machine does not flake; measured times are printed.
 */
class AdversarialInputTest {
    private static final int MIB = 1 << 20;
    private static final Duration BOUND = Duration.ofSeconds(5);

    @BeforeAll
    static void warmUp() {
        Classifier.defaults().detect("warm up 4111 1111 1111 1111 a@example.com 10.0.0.1 +1 202 456 1111");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "1-", "1 ", "a@", ".", "1.", "1:", "a:", "+1 ", "4111 ", "a.", "A1", "@.", "0-",
            "DE89 ", "(1)", "ab", "\u00e9@"})
    void finishesARepeatedPatternOfOneMebibyteWellWithinTheBound(String unit) {
        String text = unit.repeat(MIB / unit.length());

        long started = System.nanoTime();
        assertTimeoutPreemptively(BOUND, () -> assertThatCode(() -> Classifier.defaults().detect(text)).doesNotThrowAnyException());
        long millis = (System.nanoTime() - started) / 1_000_000;

        System.out.printf("adversarial 1 MiB of '%s': %d ms%n", unit, millis);
        assertThat(Duration.ofMillis(millis)).isLessThan(BOUND);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@a.", "1.2.3.", "4111-1111-", "DE89 3704 ", "::1:"})
    void finishesOneMebibyteEndingInAnAlmostMatch(String tail) {
        String text = "x".repeat(MIB - tail.length()) + tail;

        assertTimeoutPreemptively(BOUND, () -> Classifier.defaults().detect(text));
    }
}
