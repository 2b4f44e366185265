package dev.piimap.classifiers.detect;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** What the memo of region shapes answers must be what each pattern finds on its own, for every shipped spec it serves. */
class RegionMemoTest {
    /** Characters the shipped patterns care about and a line break (windows outside ASCII are not kept). */
    private static final String CHARS = "0123456789000111999 -./:+()@_,;='\"\n\tabcdefxyzABCDEFLMNXYZT#%&";
    /** Values of the shapes the specs look for, and of the shapes that look like them (dates, times, versions). */
    private static final String[] SHAPED = {"+44 20 7946 0958", "030 901820", "(415) 555-2671", "612 345 678",
        "00:1A:2B:3C:4D:5E", "0a1b.2c3d.4e5f", "192.168.0.1", "2.4.10.3", "4111 1111 1111 1111", "4111111111111111",
        "123-45-6789", "912-78-1234", "AB123456C", "943 476 5919", "12345678Z", "X1234567L", "2024-11-30", "12:34:56",
        "48.8584, 2.2945", "011000015", "1 85 05 78 006 084 36"};

    @Test
    void givesWhatEachPatternFindsAloneForEveryShippedSpecItServes() {
        Random random = new Random(12);
        int served = 0;
        int withMatches = 0;
        for (DetectorSpec spec : ShippedSpecs.all()) {
            List<CompiledPattern> patterns = spec.patterns().stream().map(p -> CompiledPattern.of(p, spec.shrinkOnFail())).toList();
            RegionMemo memo = RegionMemo.of(patterns);
            if (memo == null) {
                assertThat(patterns).as(spec.id()).anyMatch(p -> p.startWords() != null
                        || ShapeMemo.of(p.spec().regex(), p.regex(), p.hasValue()) == null);
                continue;
            }
            served++;
            // Few distinct shapes, so that most regions are answered from the memo.
            String[] seeds = new String[12];
            for (int s = 0; s < seeds.length; s++) {
                seeds[s] = ShapeMemoTest.randomText(random, CHARS, random.nextInt(4)) + SHAPED[random.nextInt(SHAPED.length)]
                        + ShapeMemoTest.randomText(random, CHARS, random.nextInt(4));
            }
            for (int i = 0; i < 600; i++) {
                String text = ShapeMemoTest.mutateDigits(random, seeds[random.nextInt(seeds.length)]);
                char[] chars = text.toCharArray();
                int start = random.nextInt(Math.min(3, text.length()));
                int end = Math.max(start, text.length() - random.nextInt(3));
                int windowStart = Math.max(0, start - 1);
                int windowEnd = Math.min(text.length(), end + 1);
                int[][] known = memo.matches(text, chars, windowStart, windowEnd, start, end);
                assertThat(known.length).isEqualTo(patterns.size());
                for (int p = 0; p < patterns.size(); p++) {
                    CompiledPattern pattern = patterns.get(p);
                    boolean may = pattern.needsFoundIn(chars, start, end) && pattern.prefilter().mayMatch(chars, start, end);
                    int[] alone = may ? ShapeMemo.matchesOf(pattern.regex(), pattern.hasValue(), text.substring(windowStart, windowEnd)) : new int[0];
                    assertThat(known[p]).as("%s/%s on '%s' [%d, %d)", spec.id(), pattern.spec().name(), text, start, end)
                            .containsExactly(alone);
                    withMatches += alone.length > 0 ? 1 : 0;
                }
            }
        }
        // Phone, IP and MAC addresses, cards, national IDs: the specs whose patterns all run over regions.
        assertThat(served).isGreaterThan(10);
        assertThat(withMatches).isGreaterThan(200);
    }

    @Test
    void leavesLongAndNonAsciiWindowsToThePatterns() {
        DetectorSpec phone = ShippedSpecs.all().stream().filter(s -> s.id().equals("phone")).findFirst().orElseThrow();
        RegionMemo memo = RegionMemo.of(phone.patterns().stream().map(p -> CompiledPattern.of(p, phone.shrinkOnFail())).toList());
        String longText = "7".repeat(ShapeMemo.MAX_WINDOW + 1);
        assertThat(memo.matches(longText, longText.toCharArray(), 0, longText.length(), 0, longText.length())).isNull();
        assertThat(memo.matches("é 030 901820", "é 030 901820".toCharArray(), 0, 12, 1, 12)).isNull();
        assertThat(memo.matches(" 030 901820", " 030 901820".toCharArray(), 0, 11, 1, 11)).isNotNull();
    }

    @Test
    void tellsApartWindowsOfOneShapeAroundRegionsAtOtherPlaces() {
        DetectorSpec phone = ShippedSpecs.all().stream().filter(s -> s.id().equals("phone")).findFirst().orElseThrow();
        RegionMemo memo = RegionMemo.of(phone.patterns().stream().map(p -> CompiledPattern.of(p, phone.shrinkOnFail())).toList());
        String text = "030 9018201";
        // One window, the whole text: the region without its last character, then without its first.
        int[][] first = memo.matches(text, text.toCharArray(), 0, 11, 0, 10);
        int[][] second = memo.matches(text, text.toCharArray(), 0, 11, 1, 11);
        assertThat(memo.size()).isEqualTo(2);
        // national-trunk-prefix: the region starting at the 0 may hold a match, the one starting after it not.
        assertThat(first[2]).isNotEmpty();
        assertThat(second[2]).isEmpty();
    }

    @Test
    void startsOverWhenFullAndStaysExactWhileThreadsRace() throws Exception {
        CompiledPattern digits = CompiledPattern.of(new DetectorSpec.NamedPattern("d", "[0-9]+", 0.5, false, ""), 0);
        RegionMemo memo = RegionMemo.of(List.of(digits));
        // Digit runs and spaces in every arrangement of 14 characters: four times the shapes the memo keeps.
        int shapes = 4 * ShapeMemo.MAX_ENTRIES;
        java.util.concurrent.Callable<Integer> lookUpAll = () -> {
            int checked = 0;
            for (int bits = 0; bits < shapes; bits++) {
                char[] text = new char[14];
                for (int i = 0; i < text.length; i++) {
                    text[i] = (bits >> i & 1) == 0 ? ' ' : '7';
                }
                String s = new String(text);
                int[][] found = memo.matches(s, text, 0, text.length, 0, text.length);
                assertThat(found[0]).as("'%s'", s).containsExactly(ShapeMemo.matchesOf(digits.regex(), false, s));
                // Each racing thread may add a shape after the other checked the size.
                assertThat(memo.size()).isLessThanOrEqualTo(ShapeMemo.MAX_ENTRIES + 2);
                checked++;
            }
            return checked;
        };
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = threads.submit(lookUpAll);
            var second = threads.submit(lookUpAll);
            assertThat(first.get() + second.get()).isEqualTo(2 * shapes);
        } finally {
            threads.shutdownNow();
        }
        assertThat(memo.size()).as("started over once full").isLessThan(ShapeMemo.MAX_ENTRIES);
    }

    @Test
    void tellsApartNeededCharactersTheRegexDoesNot() {
        // The regex treats all digits alike; the pattern only runs where a 5 is.
        CompiledPattern needsFive = CompiledPattern.of(new DetectorSpec.NamedPattern("n", "\\b[0-9]{3}\\b", 0.5, false, "5"), 0);
        RegionMemo memo = RegionMemo.of(List.of(needsFive));
        assertThat(memo.matches("123", "123".toCharArray(), 0, 3, 0, 3)[0]).isEmpty();
        assertThat(memo.matches("153", "153".toCharArray(), 0, 3, 0, 3)[0]).containsExactly(0, 3, -1, -1);
    }

    @Test
    void aSpecMatchingByRegionShapeFindsWhatItsPatternsFindAlone() {
        Random random = new Random(21);
        String[] glue = {" ", ", ", "\n", " tel ", " phone: ", " mac ", " ip=", "; ", " card ", "-", ".", "x", "\t", "é"};
        int found = 0;
        for (String id : List.of("phone", "ip-address", "mac-address", "credit-card", "us-ssn", "es-dni")) {
            DetectorSpec spec = ShippedSpecs.all().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
            SpecDetector byShape = new SpecDetector(spec, true, true);
            SpecDetector alone = new SpecDetector(spec, true, false);
            assertThat(byShape.examine("x").findings()).isEmpty();
            for (int t = 0; t < 300; t++) {
                StringBuilder text = new StringBuilder();
                // Long enough for the memo (short texts are matched pattern by pattern either way).
                while (text.length() < 300 + random.nextInt(400)) {
                    text.append(glue[random.nextInt(glue.length)]).append(ShapeMemoTest.mutateDigits(random, SHAPED[random.nextInt(SHAPED.length)]));
                }
                String s = text.toString();
                Examination expected = alone.examine(s);
                assertThat(byShape.examine(s)).as("%s in '%s'", id, s).isEqualTo(expected);
                found += expected.findings().size();
            }
        }
        assertThat(found).as("findings").isGreaterThan(1000);
    }
}
