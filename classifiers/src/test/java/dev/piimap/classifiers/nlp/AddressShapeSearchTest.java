package dev.piimap.classifiers.nlp;

import com.google.re2j.Matcher;
import dev.piimap.classifiers.detect.AnchoredSearch;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Each address shape, searched anchored where a match may start, finds exactly what RE2J's {@code find} finds. */
class AddressShapeSearchTest {
    private static final String[] TOKENS = {"Street", "st", "St.", "STREET", "road", "Way", "rue", "Rue", "bd", "avenue", "Avenue",
            "Calle", "CalleMayor", "C/", "Avda.", "Via", "via", "V.le", "P.za", "Viale", "Piazza", "Key", "Main", "Oak", "Roma",
            "Garibaldi", "Mayor", "Victor", "Hugo", "de", "la", "del", "Paris", "Springfield", "IL", "Hauptstraße", "Lindenweg",
            "Keizersgracht", "Am", "An der", "Berlin", "Amsterdam", "12", "4b", "12-3", "75001", "62704", "10115", "1012 LG",
            "SW1A 1AA", "x", "8bd4", "3", "Apt", "Suite", "Flat", "N", "NE", "Straße", "Hauptſtraße", "ſt", "2026-11-30T10:15:23Z",
            "bis", "nº", "s/n", "CEDEX", "(PD)", "#12", "Unit"};
    private static final String[] ADDRESSES = {"12 Main Street, Springfield, IL 62704", "Apt 4 12 N Oak St., Suite 5", "12 bis rue de la Paix, 75001 Paris",
            "Hauptstraße 5, 10115 Berlin", "Via Roma 3, 00100 Roma", "Calle Mayor 5, 28013 Madrid", "Keizersgracht 123, 1012 LG Amsterdam",
            "221B Baker Street, London SW1A 1AA", "Am Markt 3\n04109 Leipzig", "C/ de la Luna 7, 3º B", "Corso Italia 22/a",
            "4 Kelvin Key, Portland, OR 97201"};
    private static final String[] GLUE = {" ", " ", " ", ", ", "\n", "\r\n", "\t", "-", "/", ".", "", ",", "  "};

    @Test
    void everyShapeFindsWhatAnUnanchoredSearchFinds() {
        Random random = new Random(41);
        int matches = 0;
        for (int i = 0; i < 6_000; i++) {
            StringBuilder b = new StringBuilder();
            int words = 1 + random.nextInt(14);
            for (int w = 0; w < words; w++) {
                String token = random.nextInt(5) == 0 ? ADDRESSES[random.nextInt(ADDRESSES.length)] : TOKENS[random.nextInt(TOKENS.length)];
                b.append(token).append(GLUE[random.nextInt(GLUE.length)]);
            }
            String text = b.toString();
            int from = random.nextInt(Math.max(1, text.length() / 3));
            int to = text.length() - random.nextInt(Math.max(1, (text.length() - from) / 3));
            for (AddressPatterns.Shape shape : AddressPatterns.SHAPES) {
                String window = text.substring(from, to);
                List<String> expected = unanchored(shape.pattern().matcher(window), window.length(), from);
                assertThat(anchored(shape.search(), text, from, to)).as("%s in [%d, %d) of '%s'", shape.name(), from, to, text)
                        .isEqualTo(expected);
                matches += expected.size();
            }
        }
        assertThat(matches).isGreaterThan(3_000);
    }

    /** The matches StreetAddressDetector walks: each search resumes after the last match's address, or one past its start. */
    private static List<String> unanchored(Matcher m, int length, int offset) {
        List<String> found = new ArrayList<>();
        int from = 0;
        while (from < length && m.find(from)) {
            found.add((offset + m.start(1)) + "-" + (offset + m.end(1)) + "/" + (m.start(2) < 0 ? -1 : offset + m.start(2))
                    + "-" + (m.end(2) < 0 ? -1 : offset + m.end(2)));
            from = Math.max(m.end(1), m.start(1) + 1);
        }
        return found;
    }

    private static List<String> anchored(AnchoredSearch search, String text, int from, int to) {
        List<String> found = new ArrayList<>();
        AnchoredSearch.Match m;
        while (from < to && (m = search.find(text, from, to)) != null) {
            found.add(m.start(1) + "-" + m.end(1) + "/" + m.start(2) + "-" + m.end(2));
            from = Math.max(m.end(1), m.start(1) + 1);
        }
        return found;
    }
}
