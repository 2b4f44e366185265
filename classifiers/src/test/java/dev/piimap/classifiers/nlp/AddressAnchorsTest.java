package dev.piimap.classifiers.nlp;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The anchors found by reading only the stretches within reach of a digit run, and judging words
 * mostly without copying them, are those a plain reading of every word finds.
 */
class AddressAnchorsTest {
    private static final String[] TOKENS = {"Street", "st", "ST.", "Rd", "rue", "Bd", "C/", "c/Mayor", "a/b", "x/", "/", "Via", "Viale", "Calle",
        "Hauptstraße", "Lindenweg", "HAUPTSTRASSE", "Karl-Marx-Str", "Hauptstr", "Keizersgracht", "Springfield", "Main", "Oak", "Corner", "vía", "Allée",
        "İstanbul", "ſt", "Kelvinweg", "Wörthstraße", "the", "and", "a", "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaweg",
        "12", "4b", "123456", "10115", "1012", "62704", "3", " ", " ", " ", ", ", "\n", ".", "-", "é", "Ж"};

    @Test
    void regionsEqualThoseOfAPlainReadingOfEveryWord() {
        Random random = new Random(31);
        int withRegions = 0;
        for (int i = 0; i < 3_000; i++) {
            StringBuilder b = new StringBuilder();
            int tokens = random.nextInt(i < 1_500 ? 12 : 200);
            for (int k = 0; k < tokens; k++) {
                b.append(TOKENS[random.nextInt(TOKENS.length)]);
                if (random.nextInt(3) == 0) {
                    b.append(' ');
                }
            }
            String text = b.toString();
            int reach = 1 + random.nextInt(StreetAddressDetector.ANCHOR_REACH);
            List<int[]> expected = plainRegions(text, reach, StreetAddressDetector.RADIUS);
            List<int[]> actual = AddressAnchors.regions(text, reach, StreetAddressDetector.RADIUS);
            assertThat(actual).as("reach %d in '%s'", reach, text).usingElementComparator(Comparator.comparing(java.util.Arrays::toString))
                    .containsExactlyElementsOf(expected);
            withRegions += expected.isEmpty() ? 0 : 1;
        }
        assertThat(withRegions).isGreaterThan(1_000);
    }

    @Test
    void theQuickRejectionOfWordsAgreesWithTheLookUp() {
        Random random = new Random(32);
        for (int i = 0; i < 50_000; i++) {
            String text = TOKENS[random.nextInt(TOKENS.length)] + TOKENS[random.nextInt(TOKENS.length)] + (random.nextBoolean() ? "." : "");
            int start = random.nextInt(text.length());
            int end = start + random.nextInt(text.length() - start + 1);
            assertThat(AddressAnchors.streetShapes(text, start, end)).as("[%d, %d) of '%s'", start, end, text)
                    .isEqualTo(AddressAnchors.streetShapes(text, start, end, false));
        }
    }

    /** The anchors as a plain reading finds them: every digit run, then every word of the text. */
    private static List<int[]> plainRegions(String text, int reach, int radius) {
        int n = text.length();
        List<Integer> runs = new ArrayList<>();
        List<int[]> anchors = new ArrayList<>();
        for (int i = 0; i < n; ) {
            if (!isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
            }
            if (i - start <= 5) {
                runs.add(start);
                if (i - start >= 4 && i + 1 < n && text.charAt(i) == ' ' && Character.isUpperCase(text.charAt(i + 1))) {
                    anchors.add(new int[] {start, i, AddressPatterns.POSTCODE_SHAPES});
                }
            }
        }
        if (runs.isEmpty()) {
            return List.of();
        }
        for (int i = 0; i < n; ) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '/' && i == start + 1)) {
                i++;
            }
            int end = i;
            boolean near = runs.stream().anyMatch(p -> p >= start - reach && p <= end + reach);
            int shapes = near ? AddressAnchors.streetShapes(text, start, end, false) : 0;
            if (shapes != 0) {
                anchors.add(new int[] {start, end, shapes});
            }
        }
        anchors.sort(Comparator.comparingInt(a -> a[0]));
        List<int[]> regions = new ArrayList<>();
        for (int[] a : anchors) {
            int from = Math.max(0, a[0] - radius);
            int to = Math.min(n, a[1] + radius);
            int[] last = regions.isEmpty() ? null : regions.get(regions.size() - 1);
            if (last != null && from <= last[1]) {
                last[1] = Math.max(last[1], to);
                last[2] |= a[2];
            } else {
                regions.add(new int[] {from, to, a[2]});
            }
        }
        return regions;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
