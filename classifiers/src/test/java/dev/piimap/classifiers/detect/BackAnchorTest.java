package dev.piimap.classifiers.detect;

import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Matches found from a back anchor must be exactly those of RE2J's left-to-right search. */
class BackAnchorTest {
    private static final String APP_WITH_DEVICE = ShippedSpecs.all().stream()
            .filter(s -> s.id().equals("user-agent")).flatMap(s -> s.patterns().stream())
            .filter(p -> p.name().equals("app-with-device")).findFirst().orElseThrow().regex();

    @Test
    void recognisesTokenBeforeLiteralForms() {
        assertThat(BackAnchor.of(APP_WITH_DEVICE)).isNotNull();
        assertThat(BackAnchor.of("\\b[a-z][a-z0-9.+-]*@[a-z]+\\.[a-z]{2,}")).isNotNull();
        assertThat(BackAnchor.of("\\b[A-Z][A-Za-z]*\\.[0-9]+")).isNotNull();
    }

    @Test
    void refusesWhatItCannotAnswerExactly() {
        // Not a token before a literal.
        assertThat(BackAnchor.of("\\b[0-9]{12,19}\\b")).isNull();
        assertThat(BackAnchor.of("[a-z][a-z]*/[0-9]")).isNull();
        assertThat(BackAnchor.of("\\b[a-z][a-z]+/[0-9]")).isNull();
        // The literal is part of the token: a match could pass over it.
        assertThat(BackAnchor.of("\\b[a-z][a-z/]*/[0-9]")).isNull();
        // The first class is not part of the token.
        assertThat(BackAnchor.of("\\b[A-Z][a-z]*/[0-9]")).isNull();
        // A negated class may hold characters outside ASCII; a class with an escape letter, a flag.
        assertThat(BackAnchor.of("\\b[^ ][a-z]*/[0-9]")).isNull();
        assertThat(BackAnchor.of("\\b[\\w][a-z]*/[0-9]")).isNull();
        assertThat(BackAnchor.of("(?i)\\b[a-z][a-z]*/[0-9]")).isNull();
        // A quantifier or metacharacter where the literal should be.
        assertThat(BackAnchor.of("\\b[a-z][a-z]*.[0-9]")).isNull();
        assertThat(BackAnchor.of("\\b[a-z][a-z]*\\d")).isNull();
    }

    @Test
    void findsTheMatchesOfRe2jsSearchInRandomText() {
        Random random = new Random(5);
        String[] pieces = {"Mozilla/5.0", "App/3.2", "x/1", "a.b-c/2.0.1", "Foo_Bar/10", "/", "/9", "2024/11/30", " (",
            "(", ")", " ", "iPhone; iOS 18.1", "Linux", "; ", "Windows NT 10.0", "HTTP/1.1", "-", ".", "_", "+", "é",
            "Ж", "\n", "a", "Z", "9", "Mobile ", "Safari/605.1.15", "@", "user@example.com", "x.y@z.io", "Q.12"};
        List<String> regexes = List.of(APP_WITH_DEVICE, "\\b[a-z][a-z0-9.+-]*@[a-z]+\\.[a-z]{2,}",
                "\\b[A-Z][A-Za-z]*\\.[0-9]+", "\\b[A-Za-z][A-Za-z0-9_.+-]*/(?P<value>[0-9]+)(?:x[0-9])?");
        int compared = 0;
        int withMatches = 0;
        for (String regex : regexes) {
            BackAnchor anchor = BackAnchor.of(regex);
            assertThat(anchor).as(regex).isNotNull();
            Pattern plain = Pattern.compile(regex);
            boolean hasValue = regex.contains("(?P<value>");
            for (int i = 0; i < 3000; i++) {
                String text = ShapeMemoTest.randomPieces(random, pieces, 30);
                int from = random.nextInt(Math.min(4, text.length() + 1));
                int to = Math.max(from, text.length() - random.nextInt(3));
                int[] expected = ShapeMemo.matchesOf(plain, hasValue, text.substring(from, to));
                assertThat(anchor.matches(text, text.toCharArray(), from, to, hasValue))
                        .as("%s in [%s] from %d to %d", regex, text, from, to).containsExactly(expected);
                compared++;
                withMatches += expected.length > 0 ? 1 : 0;
            }
        }
        assertThat(compared).isEqualTo(12_000);
        // The comparison means something only if many texts hold matches.
        assertThat(withMatches).isGreaterThan(3_000);
    }

    @Test
    void costsOneAttemptPerLiteralInAdversarialText() {
        BackAnchor anchor = BackAnchor.of(APP_WITH_DEVICE);
        // A long token with many slashes that all fail: each slash is tried once, from one start.
        String text = "a".repeat(20_000) + "/1 x".repeat(20_000);
        assertThat(anchor.matches(text, text.toCharArray(), 0, text.length(), false)).isEmpty();
        String device = "App/1.0 (iPhone; iOS 18)";
        String many = (device + ", ").repeat(5_000);
        assertThat(anchor.matches(many, many.toCharArray(), 0, many.length(), false)).hasSize(5_000 * 4);
    }
}
