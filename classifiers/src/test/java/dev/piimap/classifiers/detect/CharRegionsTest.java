package dev.piimap.classifiers.detect;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way of finding regions (from digit clusters, required characters, strides, or, for alphabets
 * holding all printable ASCII, from the index alone) gives what a plain scan of every character gives.
 */
class CharRegionsTest {
    private static final String CHARS = "0123456789 -.:=/@_abcxyzABCXYZ\n\t\r\u0001é€Ж°";

    @Test
    void findEqualsAPlainScanForEveryShippedPrefilter() {
        Random random = new Random(5);
        List<DetectorSpec.Prefilter> prefilters = new ArrayList<>();
        ShippedSpecs.all().forEach(s -> prefilters.add(s.prefilter()));
        prefilters.add(new DetectorSpec.Prefilter("!-~ \t", false, ":=é", 2, 3, 4));
        prefilters.add(new DetectorSpec.Prefilter("!-~ ", true, "", 0, 0, 0));
        int ruledOut = 0;
        for (DetectorSpec.Prefilter prefilter : prefilters) {
            CharRegions regions = new CharRegions(prefilter);
            for (int i = 0; i < 300; i++) {
                String text = randomText(random, random.nextInt(120));
                TextIndex index = TextIndex.of(text);
                int[] expected = plainScan(prefilter, text);
                assertThat(regions.find(index)).as("%s on '%s'", prefilter, text).containsExactly(expected);
                if (!regions.mayFind(index)) {
                    ruledOut++;
                    assertThat(expected).as("%s ruled out '%s'", prefilter, text).isEmpty();
                }
                int[] anchors = randomPositions(random, text.length());
                assertThat(regions.around(index, anchors)).as("%s around %s on '%s'", prefilter, java.util.Arrays.toString(anchors), text)
                        .containsExactly(holding(expected, anchors, prefilter, text));
            }
        }
        assertThat(ruledOut).as("texts ruled out from the counts alone").isGreaterThan(1_000);
    }

    /**
     * Digit-heavy texts, where prefilters needing many digits find their regions through the index's
     * {@link DigitChains}: the same regions as a plain scan, also for an index whose chains were found
     * before the prefilter's alphabet was registered.
     */
    @Test
    void digitClustersFoundThroughChainsEqualAPlainScan() {
        Random random = new Random(8);
        String digitHeavy = "01234567890123456789 -./+()AZaé€";
        List<DetectorSpec.Prefilter> prefilters = new ArrayList<>();
        ShippedSpecs.all().stream().map(DetectorSpec::prefilter).filter(p -> p.minDigits() >= DigitChains.MIN_DIGITS)
                .forEach(prefilters::add);
        assertThat(prefilters).as("shipped prefilters that use chains").hasSizeGreaterThan(8);
        prefilters.add(new DetectorSpec.Prefilter("0-9 -", true, "", 8, 12, 0));
        prefilters.add(new DetectorSpec.Prefilter("0-9 .", false, "", 9, 4, 11));
        int found = 0;
        for (DetectorSpec.Prefilter prefilter : prefilters) {
            CharRegions regions = new CharRegions(prefilter);
            for (int i = 0; i < 400; i++) {
                String text = randomText(random, digitHeavy, random.nextInt(150));
                int[] expected = plainScan(prefilter, text);
                assertThat(regions.find(TextIndex.of(text))).as("%s on '%s'", prefilter, text).containsExactly(expected);
                found += expected.length / 2;
            }
        }
        assertThat(found).as("regions found").isGreaterThan(2_000);

        String text = "ref 12.345.678.901 or 1234 5678 9012";
        TextIndex stale = TextIndex.of(text);
        stale.digitChains();
        DetectorSpec.Prefilter late = new DetectorSpec.Prefilter("0-9 .~", false, "", 11, 4, 0);
        assertThat(new CharRegions(late).find(stale)).as("an alphabet registered after the index's chains were found")
                .containsExactly(plainScan(late, text)).containsExactly(3, 19, 21, 36);
    }

    /**
     * Runs of the alphabet about as long as {@code min-length}, many of them just shorter: runs passed
     * over after one look at their {@code min-length - 1}-th character, around anchors and in strides,
     * give what a plain scan gives.
     */
    @Test
    void runsJustShorterThanTheMinimumArePassedOverExactly() {
        Random random = new Random(21);
        List<DetectorSpec.Prefilter> prefilters = List.of(
                new DetectorSpec.Prefilter("0-9a-f:.-", false, ":.-", 0, 4, 6),
                new DetectorSpec.Prefilter("0-9A-F:", false, ":", 0, 0, 5),
                new DetectorSpec.Prefilter("A-Z0-9", false, "", 0, 3, 7),
                new DetectorSpec.Prefilter("a-z0-9_", true, "", 0, 0, 4));
        int found = 0;
        for (DetectorSpec.Prefilter prefilter : prefilters) {
            CharRegions regions = new CharRegions(prefilter);
            for (int i = 0; i < 2_000; i++) {
                String text = randomText(random, "0123456789abcdefABCDEFZ:.-_ é/", random.nextInt(80));
                TextIndex index = TextIndex.of(text);
                int[] expected = plainScan(prefilter, text);
                assertThat(regions.find(index)).as("%s on '%s'", prefilter, text).containsExactly(expected);
                int[] anchors = randomPositions(random, text.length());
                assertThat(regions.around(index, anchors)).as("%s around %s on '%s'", prefilter, java.util.Arrays.toString(anchors), text)
                        .containsExactly(holding(expected, anchors, prefilter, text));
                found += expected.length / 2;
            }
        }
        assertThat(found).as("regions found").isGreaterThan(2_000);
    }

    @Test
    void aWideAlphabetRunEndsOnlyAtCharactersOutsideIt() {
        CharRegions regions = new CharRegions(new DetectorSpec.Prefilter("!-~ \t", false, ":", 1, 4, 3));
        String text = "a: 1\nb = 2\nc: 123456 x: 7\u0001d:9";

        // "b = 2" lacks the ':'; "c: " before the long digit run lacks a digit; "\u0001" ends a run.
        assertThat(regions.find(TextIndex.of(text))).containsExactly(0, 4, 20, 25, 26, 29);
    }

    /** The reference: every alphabet run scanned character by character, split at digit runs over the maximum. */
    private static int[] plainScan(DetectorSpec.Prefilter p, String text) {
        List<Integer> out = new ArrayList<>();
        boolean whole = p.alphabet().isEmpty() && !p.anyLetter();
        int maxRun = p.maxDigitRun() > 0 ? p.maxDigitRun() : Integer.MAX_VALUE;
        int minLength = Math.max(1, p.minLength());
        if (whole) {
            int digits = 0;
            boolean required = p.anyOf().isEmpty();
            for (char c : text.toCharArray()) {
                digits += isDigit(c) ? 1 : 0;
                required |= !isDigit(c) && p.anyOf().indexOf(c) >= 0;
            }
            return text.length() >= minLength && required && digits >= p.minDigits() ? new int[] {0, text.length()} : new int[0];
        }
        int i = 0;
        while (i < text.length()) {
            if (!inAlphabet(p, text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int digits = 0;
            int run = 0;
            boolean required = p.anyOf().isEmpty();
            while (i < text.length() && inAlphabet(p, text.charAt(i))) {
                char c = text.charAt(i);
                if (isDigit(c)) {
                    run++;
                    if (run > maxRun) {
                        int end = i - run + 1;
                        if (end - start >= minLength && required && digits - (run - 1) >= p.minDigits()) {
                            out.add(start);
                            out.add(end);
                        }
                        while (i < text.length() && isDigit(text.charAt(i))) {
                            i++;
                        }
                        start = i;
                        digits = 0;
                        run = 0;
                        required = p.anyOf().isEmpty();
                        continue;
                    }
                    digits++;
                } else {
                    run = 0;
                    required |= p.anyOf().indexOf(c) >= 0;
                }
                i++;
            }
            if (i - start >= minLength && required && digits >= p.minDigits() && i > start) {
                out.add(start);
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The regions of {@code all} lying in an alphabet run that holds one of {@code anchors}. */
    private static int[] holding(int[] all, int[] anchors, DetectorSpec.Prefilter p, String text) {
        if (p.alphabet().isEmpty() && !p.anyLetter()) {
            return anchors.length > 0 ? all : new int[0];
        }
        List<Integer> out = new ArrayList<>();
        for (int r = 0; r < all.length; r += 2) {
            int runStart = all[r];
            while (runStart > 0 && inAlphabet(p, text.charAt(runStart - 1))) {
                runStart--;
            }
            int runEnd = all[r + 1];
            while (runEnd < text.length() && inAlphabet(p, text.charAt(runEnd))) {
                runEnd++;
            }
            for (int a : anchors) {
                if (a >= runStart && a < runEnd) {
                    out.add(all[r]);
                    out.add(all[r + 1]);
                    break;
                }
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean inAlphabet(DetectorSpec.Prefilter p, char c) {
        if (c >= 128) {
            return p.anyLetter() && Character.isLetterOrDigit(c);
        }
        String a = p.alphabet();
        for (int i = 0; i < a.length(); i++) {
            if (i + 2 < a.length() && a.charAt(i + 1) == '-') {
                if (c >= a.charAt(i) && c <= a.charAt(i + 2)) {
                    return true;
                }
                i += 2;
            } else if (a.charAt(i) == c) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String randomText(Random random, int length) {
        return randomText(random, CHARS, length);
    }

    private static String randomText(Random random, String chars, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(chars.charAt(random.nextInt(chars.length())));
        }
        return b.toString();
    }

    private static int[] randomPositions(Random random, int length) {
        return random.ints(random.nextInt(6), 0, Math.max(1, length)).filter(p -> p < length).sorted().distinct().toArray();
    }
}
