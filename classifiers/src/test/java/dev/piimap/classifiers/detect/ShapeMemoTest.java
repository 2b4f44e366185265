package dev.piimap.classifiers.detect;

import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A memoised answer must be exactly RE2J's, for every shipped pattern and any window. */
class ShapeMemoTest {
    /** Characters the shipped patterns care about, a line break, and a few outside ASCII. */
    private static final String CHARS = "0123456789000111999 -./:+()@_,;='\"\n\tabcdefxyzABCDEFLMNXYZT#%&°éßЖ";

    @Test
    void givesRe2jsMatchesForEveryShippedPattern() {
        List<DetectorSpec> specs = ShippedSpecs.all();
        assertThat(specs).hasSizeGreaterThan(20);
        Random random = new Random(11);
        int memoised = 0;
        for (DetectorSpec spec : specs) {
            for (DetectorSpec.NamedPattern p : spec.patterns()) {
                CompiledPattern compiled = CompiledPattern.of(p, spec.shrinkOnFail());
                ShapeMemo memo = ShapeMemo.of(p.regex(), compiled.regex(), compiled.hasValue());
                if (memo == null) {
                    continue;
                }
                memoised++;
                // Few distinct shapes per pattern, so most windows are answered from the memo.
                String[] seeds = new String[8];
                for (int s = 0; s < seeds.length; s++) {
                    seeds[s] = randomText(random, CHARS, 1 + random.nextInt(40));
                }
                for (int i = 0; i < 400; i++) {
                    String text = mutateDigits(random, seeds[random.nextInt(seeds.length)]);
                    int from = Math.min(random.nextInt(3), text.length());
                    int to = Math.max(from, text.length() - random.nextInt(3));
                    int[] expected = ShapeMemo.matchesOf(compiled.regex(), compiled.hasValue(), text.substring(from, to));
                    assertThat(memo.matches(text, text.toCharArray(), from, to))
                            .as("%s/%s on '%s'", spec.id(), p.name(), text.substring(from, to))
                            .containsExactly(expected);
                }
            }
        }
        assertThat(memoised).isGreaterThan(40);
    }

    @Test
    void tellsApartCharactersTheRegexTellsApart() {
        Pattern regex = Pattern.compile("\\b0[0-9]{2}[ -][0-9]{3}\\b");
        ShapeMemo memo = ShapeMemo.of(regex.pattern(), regex, false);

        assertThat(memo.matches("012-345", "012-345".toCharArray(), 0, 7)).containsExactly(0, 7, -1, -1);
        assertThat(memo.matches("112-345", "112-345".toCharArray(), 0, 7)).isEmpty();
        assertThat(memo.matches("a012-345", "a012-345".toCharArray(), 0, 8)).isEmpty();
        assertThat(memo.matches(" 012-345", " 012-345".toCharArray(), 0, 8)).containsExactly(1, 8, -1, -1);
        assertThat(memo.matches("012 345", "012 345".toCharArray(), 0, 7)).containsExactly(0, 7, -1, -1);
    }

    @Test
    void reportsTheValueGroup() {
        Pattern regex = Pattern.compile("id=(?P<value>[0-9]+)");
        ShapeMemo memo = ShapeMemo.of(regex.pattern(), regex, true);

        assertThat(memo.matches("x id=42 id=7", "x id=42 id=7".toCharArray(), 0, 12)).containsExactly(2, 7, 5, 7, 8, 12, 11, 12);
        assertThat(memo.matches("x id=99 id=1", "x id=99 id=1".toCharArray(), 0, 12)).containsExactly(2, 7, 5, 7, 8, 12, 11, 12);
    }

    @Test
    void matchesLongAndNonAsciiWindowsDirectly() {
        Pattern regex = Pattern.compile("[0-9]+");
        ShapeMemo memo = ShapeMemo.of(regex.pattern(), regex, false);
        String longText = "7".repeat(ShapeMemo.MAX_WINDOW + 1);

        assertThat(memo.matches(longText, longText.toCharArray(), 0, longText.length())).containsExactly(0, longText.length(), -1, -1);
        assertThat(memo.matches("é12", "é12".toCharArray(), 0, 3)).containsExactly(1, 3, -1, -1);
    }

    @Test
    void startsOverWhenFullAndStaysExact() {
        Pattern regex = Pattern.compile("[0-9]+");
        ShapeMemo memo = ShapeMemo.of(regex.pattern(), regex, false);
        // Digit runs and spaces in every arrangement of 13 characters: more shapes than the memo keeps.
        for (int bits = 0; bits < ShapeMemo.MAX_ENTRIES + 100; bits++) {
            char[] text = new char[13];
            for (int i = 0; i < text.length; i++) {
                text[i] = (bits >> i & 1) == 0 ? ' ' : '7';
            }
            String s = new String(text);
            assertThat(memo.matches(s, text, 0, text.length)).as("'%s'", s)
                    .containsExactly(ShapeMemo.matchesOf(regex, false, s));
            assertThat(memo.size()).isLessThanOrEqualTo(ShapeMemo.MAX_ENTRIES);
        }
        assertThat(memo.size()).as("started over once full").isLessThan(ShapeMemo.MAX_ENTRIES);
    }

    @Test
    void refusesRegexesThatClearAFlag() {
        Pattern regex = Pattern.compile("(?i)ab(?-i:C)");

        assertThat(ShapeMemo.of(regex.pattern(), regex, false)).isNull();
        assertThat(ShapeMemo.clearsFlag("(?i-s:x)")).isTrue();
        assertThat(ShapeMemo.clearsFlag("(?i:x)(?P<value>y)")).isFalse();
    }

    /** {@code length} characters drawn from {@code chars}. */
    static String randomText(Random random, String chars, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(chars.charAt(random.nextInt(chars.length())));
        }
        return b.toString();
    }

    /** Up to {@code maxPieces} of {@code pieces} (at least one), drawn at random and joined. */
    static String randomPieces(Random random, String[] pieces, int maxPieces) {
        StringBuilder b = new StringBuilder();
        for (int k = random.nextInt(maxPieces); k >= 0; k--) {
            b.append(pieces[random.nextInt(pieces.length)]);
        }
        return b.toString();
    }

    /** The text with some digits replaced by other digits: the same shape, other values (where the classes allow). */
    static String mutateDigits(Random random, String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= '0' && chars[i] <= '9' && random.nextInt(3) == 0) {
                chars[i] = (char) ('0' + random.nextInt(10));
            }
        }
        return new String(chars);
    }
}
