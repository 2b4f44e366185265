package dev.piimap.classifiers.nlp;

import dev.piimap.classifiers.EntityType;
import dev.piimap.classifiers.detect.AnchoredSearch;
import dev.piimap.classifiers.detect.Detector;
import dev.piimap.classifiers.detect.Evidence;
import dev.piimap.classifiers.detect.Examination;
import dev.piimap.classifiers.detect.Finding;
import dev.piimap.classifiers.detect.Overlaps;
import dev.piimap.classifiers.detect.TextIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds postal addresses: a street line (house number and street, in the country's order) through
 * postcode and city when they follow on the same or the next lines (CONTRACT section 4). The shapes
 * are {@link AddressPatterns}; they run only on regions around an anchor: a street-type word
 * ({@code Street}, {@code rue}, {@code Via}, a {@code -straße} or {@code -straat} compound) or a
 * postcode shape ({@code 10115 Berlin}, {@code 1012 LG}) within {@value #ANCHOR_REACH} characters of a
 * house-number-sized digit run. Text without such a digit run costs one pass and no pattern.
 *
 * <p>Scores: a street line alone 0.65, with postcode and city 0.92, a street without a type word
 * only with postcode and city 0.72; plus {@value #CONTEXT_BOOST} when an address label
 * ({@code address}, {@code ship to}, {@code Anschrift}...) precedes it.
 */
public final class StreetAddressDetector implements Detector {
    public static final String ID = "street-address";
    /** How far from a digit run a street-type word still counts. */
    static final int ANCHOR_REACH = 60;
    /** Characters around an anchor given to the patterns. */
    static final int RADIUS = 100;
    static final double CONTEXT_BOOST = 0.06;
    static final int CONTEXT_WINDOW = 40;
    private static final Set<String> CONTEXT = Set.of("address", "addr", "ship", "bill", "deliver", "delivery", "mail",
            "residence", "resides", "lives", "located", "visit", "anschrift", "adresse", "wohnhaft", "lieferadresse",
            "dirección", "direccion", "domicilio", "indirizzo", "adres", "adresa", "morada", "endereço", "recipient");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public EntityType type() {
        return EntityType.STREET_ADDRESS;
    }

    @Override
    public List<String> columnNameHints() {
        return List.of("address", "street", "addr", "addressline", "strasse", "adresse", "direccion", "indirizzo");
    }

    @Override
    public List<Finding> detect(CharSequence text) {
        if (text == null || text.length() == 0) {
            return List.of();
        }
        return detect(TextIndex.of(text));
    }

    @Override
    public Examination examine(TextIndex index) {
        return index.length() == 0 ? Examination.empty() : new Examination(detect(index), Map.of());
    }

    private List<Finding> detect(TextIndex indexed) {
        CharSequence text = indexed.text();
        List<int[]> regions = AddressAnchors.regions(indexed, ANCHOR_REACH, RADIUS);
        if (regions.isEmpty()) {
            return List.of();
        }
        List<Finding> found = new ArrayList<>();
        for (int[] region : regions) {
            CharSequence window = text.subSequence(region[0], region[1]);
            int shapes = region[2];
            if ((shapes & AddressAnchors.GATED) != 0) {
                shapes &= AddressAnchors.possibleShapes(window) | ~AddressAnchors.GATED;
            }
            if ((shapes & AddressAnchors.PART_GATED) != 0) {
                shapes &= AddressAnchors.possibleByParts(window) | ~AddressAnchors.PART_GATED;
            }
            for (int index = 0; index < AddressPatterns.SHAPES.size(); index++) {
                if ((shapes & (1 << index)) == 0) {
                    continue;
                }
                AddressPatterns.Shape shape = AddressPatterns.SHAPES.get(index);
                int from = region[0];
                AnchoredSearch.Match m;
                while (from < region[1] && (m = shape.search().find(text, from, region[1])) != null) {
                    int start = m.start(1);
                    int end = trimEnd(text, start, m.end(1));
                    from = Math.max(m.end(1), start + 1);
                    if (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))) {
                        continue;
                    }
                    boolean full = m.start(2) >= 0;
                    double base = full ? shape.fullScore() : shape.streetScore();
                    List<String> hits = contextBefore(text, start);
                    double score = Math.min(1.0, base + (hits.isEmpty() ? 0 : CONTEXT_BOOST));
                    found.add(new Finding(EntityType.STREET_ADDRESS, start, end, score, ID,
                            new Evidence(shape.name() + (full ? "" : "-street"), null, hits, base, score)));
                }
            }
        }
        return Overlaps.resolve(found);
    }

    /**
     * Drops trailing spaces and separators a shape may have taken before an unmatched tail, and a full
     * stop ending the sentence ({@code 28014 Madrid.}), but not the period of an abbreviated street type
     * ({@code Main St.}, {@code Karl-Marx-Str.}).
     */
    private static int trimEnd(CharSequence window, int start, int end) {
        while (end > start && ",;: \t".indexOf(window.charAt(end - 1)) >= 0) {
            end--;
        }
        if (end > start && window.charAt(end - 1) == '.') {
            int word = end - 1;
            while (word > start && Character.isLetter(window.charAt(word - 1))) {
                word--;
            }
            String last = window.subSequence(word, end - 1).toString().toLowerCase(Locale.ROOT);
            if (!AddressPatterns.isAbbreviatedType(last)) {
                end--;
            }
        }
        return end;
    }

    private static List<String> contextBefore(CharSequence text, int start) {
        int from = Math.max(0, start - CONTEXT_WINDOW);
        String before = text.subSequence(from, start).toString().toLowerCase(Locale.ROOT);
        List<String> hits = new ArrayList<>(1);
        for (String word : before.split("[^\\p{L}]+")) {
            if (CONTEXT.contains(word) && !hits.contains(word)) {
                hits.add(word);
            }
        }
        return hits;
    }
}
