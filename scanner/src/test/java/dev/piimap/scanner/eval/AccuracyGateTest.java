package dev.piimap.scanner.eval;

import dev.piimap.classifiers.Classifier;
import dev.piimap.classifiers.EntityType;
import dev.piimap.classifiers.detect.Detector;
import dev.piimap.classifiers.eval.EvalReport;
import dev.piimap.classifiers.eval.Evaluator;
import dev.piimap.classifiers.eval.LabelledRecord;
import dev.piimap.classifiers.eval.SpanMatching;
import dev.piimap.classifiers.eval.TypeCounts;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The regression gate of RELIABILITY item 6: the built-in detectors on the generated corpus (seed 42,
 * 2,000 records) must keep at least these precision and recall values. Floors sit a little under
 * the values measured when they were set; raise a type's floor when its detector improves, and add
 * a row when a detector lands. A type with a detector but no row must still reach {@link #NEW_DETECTOR_F1}.
 */
class AccuracyGateTest {
    private record Floor(double precision, double recall) {
    }

    private static final Map<EntityType, Floor> FLOORS = Map.of(
            EntityType.EMAIL_ADDRESS, new Floor(0.95, 0.99),
            EntityType.PHONE_NUMBER, new Floor(0.85, 0.88),
            EntityType.IP_ADDRESS, new Floor(0.90, 0.99),
            EntityType.CREDIT_CARD, new Floor(0.97, 0.99),
            EntityType.IBAN, new Floor(0.99, 0.99),
            EntityType.US_SSN, new Floor(0.85, 0.97));
    private static final double NEW_DETECTOR_F1 = 0.30;

    @Test
    void detectorsKeepTheirPrecisionAndRecallOnTheGeneratedCorpus() {
        EvalCorpusGenerator generator = new EvalCorpusGenerator(EvalCorpusGenerator.DEFAULT_SEED);
        List<LabelledRecord> records = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            records.add(generator.next());
        }
        EvalReport report = new Evaluator(Classifier.defaults(), Set.of(), SpanMatching.OVERLAP, 1).evaluate(records);
        Set<EntityType> detected = Classifier.defaults().detectors().stream().map(Detector::type).collect(Collectors.toSet());

        for (EntityType type : detected) {
            TypeCounts counts = report.perType().getOrDefault(type, TypeCounts.ZERO);
            Floor floor = FLOORS.get(type);
            if (floor == null) {
                assertThat(counts.f1()).as("%s F1 (no floor row yet)%n%s", type, report.table()).isGreaterThanOrEqualTo(NEW_DETECTOR_F1);
            } else {
                assertThat(counts.precision()).as("%s precision%n%s", type, report.table()).isGreaterThanOrEqualTo(floor.precision());
                assertThat(counts.recall()).as("%s recall%n%s", type, report.table()).isGreaterThanOrEqualTo(floor.recall());
            }
        }
    }
}
