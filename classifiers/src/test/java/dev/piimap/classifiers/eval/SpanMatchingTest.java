package dev.piimap.classifiers.eval;

import dev.piimap.classifiers.EntityType;
import dev.piimap.classifiers.detect.Evidence;
import dev.piimap.classifiers.detect.Finding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpanMatchingTest {
    @ParameterizedTest(name = "gold [{0},{1}) finding [{2},{3}) overlap={4} exact={5}")
    @CsvSource({
            // gold,  finding, overlap, exact
            "10, 20, 10, 20, true,  true",
            "10, 20, 10, 19, true,  false",   // dropped a trailing character
            "10, 20, 15, 20, true,  false",   // exactly half of the longer span
            "10, 20, 16, 20, false, false",   // less than half
            "10, 20,  5, 20, true,  false",   // finding 15 long, overlap 10 >= 7.5
            "10, 20,  0, 20, true,  false",   // finding 20 long, overlap 10 = half
            "10, 20,  0, 21, false, false",   // finding 21 long, overlap 10 < 10.5
            "10, 20, 20, 30, false, false",   // touching is no overlap
            " 0,  1,  0,  1, true,  true",
    })
    void overlapNeedsHalfOfTheLongerSpan(int gStart, int gEnd, int fStart, int fEnd, boolean overlap, boolean exact) {
        assertThat(SpanMatching.OVERLAP.compatible(gStart, gEnd, fStart, fEnd)).isEqualTo(overlap);
        assertThat(SpanMatching.EXACT.compatible(gStart, gEnd, fStart, fEnd)).isEqualTo(exact);
    }

    @Test
    void eachGoldSpanIsMatchedAtMostOnce() {
        List<GoldSpan> gold = List.of(gold(10, 20));
        assertThat(SpanMatching.OVERLAP.matchedPairs(gold, List.of(found(10, 20), found(11, 20)))).isEqualTo(1);
    }

    @Test
    void eachFindingIsMatchedAtMostOnce() {
        List<GoldSpan> gold = List.of(gold(10, 20), gold(11, 20));
        assertThat(SpanMatching.OVERLAP.matchedPairs(gold, List.of(found(10, 20)))).isEqualTo(1);
    }

    @Test
    void largestOverlapPairsFirstSoBothSpansAreMatched() {
        // Finding A fits gold 1 and gold 2, finding B only gold 1: pairing A with gold 2 keeps gold 1 for B.
        List<GoldSpan> gold = List.of(gold(0, 10), gold(4, 14));
        List<Finding> found = List.of(found(0, 10), found(4, 14));
        assertThat(SpanMatching.OVERLAP.matchedPairs(gold, found)).isEqualTo(2);
    }

    static GoldSpan gold(int start, int end) {
        return new GoldSpan(EntityType.IBAN, start, end);
    }

    static Finding found(int start, int end) {
        return new Finding(EntityType.IBAN, start, end, 0.9, "test", new Evidence("p", null, List.of(), 0.9, 0.9));
    }
}
