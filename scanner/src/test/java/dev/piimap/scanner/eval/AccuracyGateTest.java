package dev.piimap.scanner.eval;

import dev.piimap.classifiers.Classifier;
import dev.piimap.classifiers.EntityType;
import dev.piimap.classifiers.detect.Detector;
import dev.piimap.classifiers.detect.Finding;
import dev.piimap.classifiers.eval.EvalReport;
import dev.piimap.classifiers.eval.Evaluator;
import dev.piimap.classifiers.eval.LabelledRecord;
import dev.piimap.classifiers.eval.SpanMatching;
import dev.piimap.classifiers.eval.TypeCounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The regression gate of RELIABILITY item 6, on the generated corpus (seed 42, 2,000 records):
 * <ol>
 *   <li>every type keeps its span F1: the issue 3 targets where the issue sets one (all twelve contract
 *       types), and {@value #OTHER_TYPES_F1} for the other identifiers (all measured at 1.00; the
 *       margin absorbs a miss among a few dozen spans). Raise a floor when its detector improves; a
 *       type with a detector but no row must still reach {@value #NEW_DETECTOR_F1};</li>
 *   <li>no detector reports anything in the hard negatives whose values have no personal-data reading
 *       ({@link NegativeScenes#ZERO_FINDING_KINDS}: versions, UUIDs, hashes, card numbers failing Luhn,
 *       IBANs with bad check digits, never-issued SSNs), with the default classifier.</li>
 * </ol>
 */
class AccuracyGateTest {
    private static final int RECORDS = 2_000;
    private static final double OTHER_TYPES_F1 = 0.90;
    private static final double NEW_DETECTOR_F1 = 0.30;

    private static final Map<EntityType, Double> F1_FLOORS = new EnumMap<>(Map.ofEntries(
            // Issue 3 targets.
            entry(EntityType.EMAIL_ADDRESS, 0.97),
            entry(EntityType.IP_ADDRESS, 0.97),
            entry(EntityType.MAC_ADDRESS, 0.97),
            entry(EntityType.CREDIT_CARD, 0.97),
            entry(EntityType.IBAN, 0.97),
            entry(EntityType.US_SSN, 0.97),
            entry(EntityType.USER_AGENT, 0.97),
            entry(EntityType.PHONE_NUMBER, 0.97),
            entry(EntityType.PERSON, 0.90),
            entry(EntityType.STREET_ADDRESS, 0.85),
            entry(EntityType.DATE_OF_BIRTH, 0.85),
            entry(EntityType.CREDENTIAL, 0.85),
            // Measured at 1.00.
            entry(EntityType.UK_NINO, OTHER_TYPES_F1),
            entry(EntityType.UK_NHS_NUMBER, OTHER_TYPES_F1),
            entry(EntityType.DE_TAX_ID, OTHER_TYPES_F1),
            entry(EntityType.FR_INSEE, OTHER_TYPES_F1),
            entry(EntityType.ES_DNI, OTHER_TYPES_F1),
            entry(EntityType.IT_FISCAL_CODE, OTHER_TYPES_F1),
            entry(EntityType.PASSPORT_NUMBER, OTHER_TYPES_F1),
            entry(EntityType.US_ITIN, OTHER_TYPES_F1),
            entry(EntityType.US_ABA_ROUTING, OTHER_TYPES_F1),
            entry(EntityType.EU_VAT_ID, OTHER_TYPES_F1),
            entry(EntityType.GEO_COORDINATES, OTHER_TYPES_F1),
            entry(EntityType.URL_WITH_PII, OTHER_TYPES_F1)));

    /**
     * Known false positives in the zero-finding kinds, at most this many per type, until their detector
     * is fixed. None is open: every type must report nothing there. Add an entry only with the reason.
     */
    private static final Map<EntityType, Integer> KNOWN_OPEN = Map.of();

    private static List<EvalCorpusGenerator.Generated> corpus;

    @BeforeAll
    static void generate() {
        EvalCorpusGenerator generator = new EvalCorpusGenerator(EvalCorpusGenerator.DEFAULT_SEED);
        corpus = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            corpus.add(generator.generate());
        }
    }

    @Test
    void detectorsKeepTheirF1OnTheGeneratedCorpus() {
        List<LabelledRecord> records = corpus.stream().map(EvalCorpusGenerator.Generated::record).toList();
        EvalReport report = new Evaluator(Classifier.defaults(), Set.of(), SpanMatching.OVERLAP, 1).evaluate(records);
        Set<EntityType> detected = Classifier.defaults().detectors().stream().map(Detector::type).collect(Collectors.toSet());

        for (EntityType type : detected) {
            TypeCounts counts = report.perType().getOrDefault(type, TypeCounts.ZERO);
            double floor = F1_FLOORS.getOrDefault(type, NEW_DETECTOR_F1);
            assertThat(counts.f1()).as("%s F1 (floor %.2f)%n%s", type, floor, report.table()).isGreaterThanOrEqualTo(floor);
        }
    }

    @Test
    void nothingIsReportedInVersionsUuidsHashesAndChecksumInvalidNumbers() {
        Classifier classifier = Classifier.defaults();
        Map<EntityType, List<String>> found = new EnumMap<>(EntityType.class);
        Map<String, Integer> recordsPerKind = new java.util.TreeMap<>();
        for (EvalCorpusGenerator.Generated g : corpus) {
            if (g.kind() == null || !NegativeScenes.ZERO_FINDING_KINDS.contains(g.kind())) {
                continue;
            }
            recordsPerKind.merge(g.kind(), 1, Integer::sum);
            String text = g.record().text();
            for (Finding f : classifier.detect(text)) {
                found.computeIfAbsent(f.type(), t -> new ArrayList<>())
                        .add(g.kind() + " " + g.record().id() + ": '" + text.substring(f.start(), f.end()) + "'");
            }
        }

        assertThat(recordsPerKind.keySet()).as("kinds checked").containsExactlyInAnyOrderElementsOf(NegativeScenes.ZERO_FINDING_KINDS);
        recordsPerKind.forEach((kind, n) -> assertThat(n).as("records of kind %s", kind).isGreaterThanOrEqualTo(15));
        found.forEach((type, where) -> assertThat(where.size())
                .as("%s findings in zero-finding negatives:%n%s", type, String.join("\n", where))
                .isLessThanOrEqualTo(KNOWN_OPEN.getOrDefault(type, 0)));
    }
}
