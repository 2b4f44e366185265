package dev.piimap.classifiers.nlp;

import com.google.re2j.Matcher;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A shape the gate rules out for a window has no match there that the detector would report. */
class AddressShapeGateTest {
    private static final String[] TOKENS = {"Street", "st", "St.", "STREET", "road", "Way", "way", "rue", "Rue", "bd", "Bd", "avenue",
            "Calle", "calle", "CalleMayor", "C/", "c/Mayor", "Avda.", "Via", "via", "V.le", "P.za", "C.so", "Viale", "Piazza", "Key",
            "Main", "Oak", "Roma", "Garibaldi", "Mayor", "Victor", "Hugo", "de", "la", "del", "Paris", "Springfield", "IL", "Hauptstraße",
            "12", "4b", "12-3", "75001", "62704", "SW1A 1AA", "x", "8bd4", "3", "Apt", "Suite", "N", "Rué", "Straße"};
    private static final String[] GLUE = {" ", " ", " ", ", ", "\n", "\t", "-", "/", ".", "", ",", "  "};

    @Test
    void aRuledOutShapeHasNoReportableMatch() {
        Random random = new Random(17);
        int ruledOut = 0;
        int found = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            int words = 2 + random.nextInt(9);
            for (int w = 0; w < words; w++) {
                b.append(TOKENS[random.nextInt(TOKENS.length)]).append(GLUE[random.nextInt(GLUE.length)]);
            }
            String window = b.toString();
            int possible = AddressAnchors.possibleShapes(window);
            for (int index = 0; index < AddressPatterns.SHAPES.size(); index++) {
                int bit = 1 << index;
                boolean reportable = hasReportableMatch(window, AddressPatterns.SHAPES.get(index));
                found += reportable ? 1 : 0;
                if ((AddressAnchors.GATED & bit) != 0 && (possible & bit) == 0) {
                    ruledOut++;
                    assertThat(reportable).as("shape %d in '%s'", index, window).isFalse();
                }
            }
        }
        assertThat(ruledOut).isGreaterThan(10_000);
        assertThat(found).isGreaterThan(500);
    }

    private static final String[] PART_TOKENS = {"Hauptstraße", "HAUPTSTRASSE", "Hauptſtraße", "Lindenweg", "Keizersgracht", "Karl-Marx-Str.",
            "Am", "An der", "Im", "Markt", "Ring", "Via", "Viale", "Corso", "Roma", "nord", "nell'emilia", "Corner", "Key", "Park", "Main",
            "Springfield", "IL", "10115", "1012", "1012 LG", "SW1A 1AA", "G1 4YD", "62704", "75001", "3", "12", "4b", "Berlin", "Amsterdam",
            "Milano", "x", "de", "Calle", "Rue", "St"};

    @Test
    void aShapeRuledOutByItsRequiredPartsHasNoReportableMatch() {
        Random random = new Random(23);
        int ruledOut = 0;
        int found = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            int words = 2 + random.nextInt(8);
            for (int w = 0; w < words; w++) {
                b.append(PART_TOKENS[random.nextInt(PART_TOKENS.length)]).append(GLUE[random.nextInt(GLUE.length)]);
            }
            String window = b.toString();
            int possible = AddressAnchors.possibleByParts(window);
            for (int index = 0; index < AddressPatterns.SHAPES.size(); index++) {
                int bit = 1 << index;
                if ((AddressAnchors.PART_GATED & bit) == 0) {
                    continue;
                }
                boolean reportable = hasReportableMatch(window, AddressPatterns.SHAPES.get(index));
                found += reportable ? 1 : 0;
                if ((possible & bit) == 0) {
                    ruledOut++;
                    assertThat(reportable).as("shape %d in '%s'", index, window).isFalse();
                }
            }
        }
        assertThat(ruledOut).isGreaterThan(10_000);
        assertThat(found).isGreaterThan(500);
    }

    @Test
    void foldingMatchesEveryCharacterRe2jMatchesCaseInsensitively() {
        // possibleByParts looks for the compound suffixes in the folded window: every character RE2J's (?i)
        // takes for a suffix character must fold to the same character, or the gate would rule out a match.
        String suffixChars = String.join("", AddressPatterns.COMPOUND_SUFFIXES);
        for (int i = 0; i < suffixChars.length(); i++) {
            char x = suffixChars.charAt(i);
            com.google.re2j.Pattern caseless = com.google.re2j.Pattern.compile("(?i)" + com.google.re2j.Pattern.quote(String.valueOf(x)));
            for (char c = 0; c < Character.MIN_SURROGATE; c++) {
                if (caseless.matches(String.valueOf(c))) {
                    assertThat(AddressAnchors.fold(String.valueOf(c))).as("U+%04X for '%s'", (int) c, x).isEqualTo(AddressAnchors.fold(String.valueOf(x)));
                }
            }
        }
        assertThat(AddressAnchors.possibleByParts("Hauptſtraße 5") & AddressPatterns.DE_NL).isNotZero();
        assertThat(AddressAnchors.possibleByParts("Calle Mayor 5, 28013 Madrid") & AddressPatterns.DE_NL).isZero();
    }

    @Test
    void lettersOutsideAsciiLetEveryShapeThrough() {
        assertThat(AddressAnchors.possibleShapes("12 Straße x")).isEqualTo(AddressAnchors.GATED);
        assertThat(AddressAnchors.possibleShapes("8bd4-5905 12 x")).isZero();
        assertThat(AddressAnchors.possibleShapes("12 rue Victor Hugo") & AddressPatterns.FR).isNotZero();
    }

    /** As {@code StreetAddressDetector.detect} walks the matches of one shape in a window: one not after a letter or digit. */
    private static boolean hasReportableMatch(String window, AddressPatterns.Shape shape) {
        Matcher m = shape.pattern().matcher(window);
        int from = 0;
        while (from < window.length() && m.find(from)) {
            int start = m.start(1);
            from = Math.max(m.end(1), m.start(1) + 1);
            if (start == 0 || !Character.isLetterOrDigit(window.charAt(start - 1))) {
                return true;
            }
        }
        return false;
    }
}
