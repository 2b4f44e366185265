package dev.piimap.classifiers.detect;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnchoredSearchTest {
    private static final List<String> PATTERNS = List.of(
            "[0-9]{1,5} (?:[A-Z][a-z]+ ){1,3}(?i:street|st|road|rd)\\.?",
            "(?i:apt|unit)\\.? ?#?[0-9]{1,4}|[0-9]{3}-[0-9]{4}",
            "(a+)(b*)c|ab",
            "x?y?z?",
            "[^a-z ]{2,}(?:[ ,]|$)",
            "(?:é|É|ſt)[a-z]*");
    private static final String ALPHABET = "abcxyzABC 0123456789-.,#éÉſtSstreetroadRDunitApt\n";

    @Test
    void findsWhatAnUnanchoredSearchFinds() {
        Random random = new Random(5);
        int matches = 0;
        for (String regex : PATTERNS) {
            Pattern pattern = Pattern.compile(regex);
            AnchoredSearch search = new AnchoredSearch(pattern);
            for (int i = 0; i < 3_000; i++) {
                StringBuilder b = new StringBuilder();
                int length = random.nextInt(60);
                while (b.length() < length) {
                    b.append(random.nextInt(6) == 0 ? " 12 Main Street apt 7 " : String.valueOf(ALPHABET.charAt(random.nextInt(ALPHABET.length()))));
                }
                String text = b.toString();
                int from = random.nextInt(text.length() + 1);
                int to = from + random.nextInt(text.length() - from + 1);
                List<String> expected = unanchored(pattern, text, from, to);
                assertThat(anchored(search, text, from, to)).as("/%s/ in [%d, %d) of '%s'", regex, from, to, text).isEqualTo(expected);
                matches += expected.size();
            }
        }
        assertThat(matches).isGreaterThan(5_000);
    }

    @Test
    void refusesPatternsThatLookBeforeTheirStart() {
        for (String regex : List.of("\\bab", "a\\Bb", "^ab", "(?m)x|^y", "[a]^")) {
            assertThatThrownBy(() -> new AnchoredSearch(Pattern.compile(regex))).as(regex).isInstanceOf(IllegalArgumentException.class);
        }
        for (String regex : List.of("[^a]b", "[]^]x", "[\\^]x", "a\\\\b", "x$", "[\\]^]")) {
            assertThat(AnchoredSearch.looksBehind(regex)).as(regex).isFalse();
        }
    }

    /** Each match {@code find} reports from {@code from} on, the next search starting at the end of the last (one further after an empty one). */
    private static List<String> unanchored(Pattern pattern, String text, int from, int to) {
        Matcher m = pattern.matcher(text.substring(0, to));
        List<String> found = new ArrayList<>();
        while (from < to && m.find(from)) {
            StringBuilder s = new StringBuilder();
            for (int g = 0; g <= m.groupCount(); g++) {
                s.append(m.start(g)).append('-').append(m.end(g)).append(' ');
            }
            found.add(s.toString());
            from = Math.max(m.end(), m.start() + 1);
        }
        return found;
    }

    private static List<String> anchored(AnchoredSearch search, String text, int from, int to) {
        List<String> found = new ArrayList<>();
        AnchoredSearch.Match m;
        while (from < to && (m = search.find(text, from, to)) != null) {
            StringBuilder s = new StringBuilder();
            for (int g = 0; g <= search.pattern().groupCount(); g++) {
                s.append(m.start(g)).append('-').append(m.end(g)).append(' ');
            }
            found.add(s.toString());
            from = Math.max(m.end(0), m.start(0) + 1);
        }
        return found;
    }
}
