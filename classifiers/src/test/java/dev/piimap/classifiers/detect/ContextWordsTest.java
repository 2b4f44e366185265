package dev.piimap.classifiers.detect;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Looking for context words in a whole text through the index finds what the plain search finds. */
class ContextWordsTest {
    private static final String[] PIECES = {"phone", "Tel", "TEL:", "hotel", "dob", "DoB", "né", "NÉ", "née", "birth", "Geboren", "5tel",
        "x", " ", "-", "\n", "1", "é", "Ж", "€", "ſ", "secret", "Passport", "user-agent", "a", "lat", "=",
        "2birth", "_dob", "D.O.B", "ªnac", "°ddn", "geb7", "Vorname_Geburtsdatum", "fooDob"};

    @Test
    void anyInTheWholeTextAgreesWithHits() {
        Random random = new Random(8);
        List<ContextWords> lists = new ArrayList<>();
        ShippedSpecs.all().forEach(s -> lists.add(new ContextWords(s.context().words())));
        lists.add(new ContextWords(List.of("é", "tel", "né")));
        int found = 0;
        for (ContextWords words : lists) {
            for (int i = 0; i < 300; i++) {
                StringBuilder b = new StringBuilder();
                int length = random.nextInt(12);
                for (int k = 0; k < length; k++) {
                    b.append(PIECES[random.nextInt(PIECES.length)]);
                }
                TextIndex index = TextIndex.of(b.toString());
                boolean expected = !words.hits(index, 0, index.length()).isEmpty();
                assertThat(words.anyIn(index)).as("'%s'", b).isEqualTo(expected);
                found += expected ? 1 : 0;
            }
        }
        assertThat(found).isGreaterThan(200);
    }

    @Test
    void refusesAnEmptyWordWhichWouldBeFoundEverywhere() {
        assertThatThrownBy(() -> new ContextWords(List.of("tel", ""))).isInstanceOf(IllegalArgumentException.class);
    }
}
