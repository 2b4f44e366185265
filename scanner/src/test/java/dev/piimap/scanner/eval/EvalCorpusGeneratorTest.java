package dev.piimap.scanner.eval;

import dev.piimap.classifiers.EntityType;
import dev.piimap.classifiers.eval.GoldSpan;
import dev.piimap.classifiers.eval.LabelledRecord;
import dev.piimap.classifiers.eval.LabelledRecords;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class EvalCorpusGeneratorTest {
    private static final int RECORDS = 3_000;
    private static final List<String> PHONE_REGIONS = List.of("US", "GB", "DE", "FR", "NL", "ES", "IT");
    private static final List<String> BIRTH_WORDS = List.of("birth", "dob", "geburtsdatum", "né le", "née le", "nacimiento", "nato il",
            "nata il", "geboortedatum", "birthdate");

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
    void everyLabelCoversExactlyTheInsertedValue() {
        for (EvalCorpusGenerator.Generated g : corpus) {
            LabelledRecord r = g.record();
            assertThat(r.spans()).hasSameSizeAs(g.values());
            for (int i = 0; i < r.spans().size(); i++) {
                GoldSpan s = r.spans().get(i);
                assertThat(r.text().substring(s.start(), s.end())).as("%s span %d", r.id(), i).isEqualTo(g.values().get(i));
            }
        }
    }

    @Test
    void spansAreOrderedTrimmedAndDisjoint() {
        for (EvalCorpusGenerator.Generated g : corpus) {
            int previousEnd = 0;
            for (GoldSpan s : g.record().spans()) {
                String value = g.record().text().substring(s.start(), s.end());
                assertThat(value).as(g.record().id()).isEqualTo(value.strip());
                assertThat(s.start()).as(g.record().id()).isGreaterThanOrEqualTo(previousEnd);
                previousEnd = s.end();
            }
        }
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherCorpus() throws Exception {
        assertThat(write(7, 300)).isEqualTo(write(7, 300));
        assertThat(write(8, 300)).isNotEqualTo(write(7, 300));
    }

    @Test
    void writtenLinesReadBackAsTheSameRecords() throws Exception {
        String jsonl = write(3, 200);
        List<String> lines = jsonl.lines().toList();
        EvalCorpusGenerator again = new EvalCorpusGenerator(3);
        assertThat(lines).hasSize(200);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(LabelledRecords.parse(lines.get(i), i + 1)).isEqualTo(again.next());
        }
    }

    @Test
    void aboutThirtyPercentAreUnlabelledNegatives() {
        long negatives = corpus.stream().filter(g -> g.record().negative()).count();
        assertThat(negatives).isBetween((long) (RECORDS * 0.26), (long) (RECORDS * 0.34));
        corpus.stream().filter(g -> g.record().negative()).forEach(g -> assertThat(g.record().spans()).isEmpty());
        corpus.stream().filter(g -> !g.record().negative()).forEach(g -> assertThat(g.record().spans()).isNotEmpty());
    }

    @Test
    void negativeLinesNameTheirKindAndStillReadBack() throws Exception {
        java.util.regex.Pattern kindKey = java.util.regex.Pattern.compile(",\"kind\":\"([a-z-]+)\"}$");
        Set<String> kinds = new HashSet<>();
        for (EvalCorpusGenerator.Generated g : corpus) {
            String line = g.jsonLine();
            java.util.regex.Matcher m = kindKey.matcher(line);
            if (g.record().negative()) {
                assertThat(m.find()).as("%s: %s", g.record().id(), line).isTrue();
                assertThat(m.group(1)).isEqualTo(g.kind());
                kinds.add(g.kind());
            } else {
                assertThat(line).as(g.record().id()).doesNotContain("\"kind\"");
                assertThat(g.kind()).isNull();
            }
            assertThat(LabelledRecords.parse(line, 1)).as("LabelledRecords ignores the kind").isEqualTo(g.record());
        }
        assertThat(kinds).containsExactlyInAnyOrderElementsOf(EvalCorpusGenerator.negativeKinds());
        assertThat(EvalCorpusGenerator.negativeKinds()).containsAll(NegativeScenes.ZERO_FINDING_KINDS)
                .contains("version-string", "uuid", "hash", "luhn-invalid", "bad-iban", "bad-ssn", "timestamp", "order-number",
                        "product-code");
        assertThat(write(5, 100)).contains("\"kind\":\"");
    }

    @Test
    void everyEntityTypeAndEverySceneOccurs() {
        Map<EntityType, Integer> counts = new EnumMap<>(EntityType.class);
        Set<String> scenes = new HashSet<>();
        for (EvalCorpusGenerator.Generated g : corpus) {
            g.record().spans().forEach(s -> counts.merge(s.type(), 1, Integer::sum));
            scenes.add(g.record().id().substring(g.record().id().indexOf('-') + 1));
        }
        assertThat(counts.keySet()).containsExactlyInAnyOrder(EntityType.values());
        counts.forEach((type, n) -> assertThat(n).as(type.name()).isGreaterThanOrEqualTo(20));
        assertThat(scenes).containsExactlyInAnyOrderElementsOf(EvalCorpusGenerator.sceneNames());
    }

    @Test
    void identifiersPassTheirChecksumsWrittenIndependently() {
        Map<EntityType, Predicate<String>> checks = new EnumMap<>(EntityType.class);
        checks.put(EntityType.CREDIT_CARD, IndependentChecks::card);
        checks.put(EntityType.IBAN, IndependentChecks::iban);
        checks.put(EntityType.US_SSN, IndependentChecks::ssn);
        checks.put(EntityType.US_ITIN, IndependentChecks::itin);
        checks.put(EntityType.US_ABA_ROUTING, IndependentChecks::abaRouting);
        checks.put(EntityType.UK_NINO, IndependentChecks::ukNino);
        checks.put(EntityType.UK_NHS_NUMBER, IndependentChecks::nhs);
        checks.put(EntityType.DE_TAX_ID, IndependentChecks::deTaxId);
        checks.put(EntityType.FR_INSEE, IndependentChecks::frInsee);
        checks.put(EntityType.ES_DNI, IndependentChecks::esDni);
        checks.put(EntityType.IT_FISCAL_CODE, IndependentChecks::itFiscalCode);
        checks.put(EntityType.EU_VAT_ID, IndependentChecks::vatId);
        checks.put(EntityType.EMAIL_ADDRESS, IndependentChecks::email);
        checks.put(EntityType.MAC_ADDRESS, IndependentChecks::mac);
        checks.put(EntityType.IP_ADDRESS, IndependentChecks::ip);
        checks.put(EntityType.GEO_COORDINATES, IndependentChecks::coordinates);
        checks.put(EntityType.URL_WITH_PII, IndependentChecks::urlWithPii);
        checks.put(EntityType.USER_AGENT, v -> v.startsWith("Mozilla/5.0 (") && v.contains(")"));
        checks.put(EntityType.PHONE_NUMBER, v -> IndependentChecks.phone(v, PHONE_REGIONS));
        checks.put(EntityType.CREDENTIAL, v -> !v.isBlank() && !v.matches(".*\\s.*"));
        checks.put(EntityType.STREET_ADDRESS, v -> v.matches("(?s).*[0-9].*") && v.matches("(?s).*\\p{L}{3}.*"));
        for (EvalCorpusGenerator.Generated g : corpus) {
            LabelledRecord r = g.record();
            for (GoldSpan s : r.spans()) {
                Predicate<String> check = checks.get(s.type());
                String value = r.text().substring(s.start(), s.end());
                if (check != null) {
                    assertThat(check.test(value)).as("%s in %s: %s", s.type(), r.id(), value).isTrue();
                }
            }
        }
    }

    @Test
    void datesOfBirthAndPassportsHaveTheirContextWordNearbyOrInTheColumnHeader() {
        for (EvalCorpusGenerator.Generated g : corpus) {
            LabelledRecord r = g.record();
            for (GoldSpan s : r.spans()) {
                String before = r.text().substring(Math.max(0, s.start() - 40), s.start()).toLowerCase(Locale.ROOT);
                if (s.type() == EntityType.DATE_OF_BIRTH && r.text().startsWith("customer_id,full_name,email,phone,date_of_birth,")) {
                    assertThat(r.text().substring(s.start() - 1, s.start())).isEqualTo(",");
                } else if (s.type() == EntityType.DATE_OF_BIRTH) {
                    assertThat(BIRTH_WORDS).as("%s: '%s'", r.id(), before).anyMatch(before::contains);
                } else if (s.type() == EntityType.PASSPORT_NUMBER) {
                    assertThat(before).as(r.id()).containsAnyOf("passport", "paspoort");
                }
            }
        }
    }

    @Test
    void negativesHoldNoValidCardOrIbanOrSsn() {
        java.util.regex.Pattern digitRuns = java.util.regex.Pattern.compile("(?<![0-9A-Za-z])[0-9][0-9 \\-]{10,}[0-9](?![0-9A-Za-z])");
        java.util.regex.Pattern ibans = java.util.regex.Pattern.compile("[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?");
        java.util.regex.Pattern ssns = java.util.regex.Pattern.compile("\\b[0-9]{3}-[0-9]{2}-[0-9]{4}\\b");
        for (EvalCorpusGenerator.Generated g : corpus) {
            if (!g.record().negative()) {
                continue;
            }
            String text = g.record().text();
            ibans.matcher(text).results().forEach(m -> assertThat(IndependentChecks.iban(m.group())).as(g.record().id()).isFalse());
            digitRuns.matcher(ibans.matcher(text).replaceAll("#")).results().map(m -> m.group().replaceAll("[ \\-]", ""))
                    .filter(d -> d.length() >= 12 && d.length() <= 19)
                    .forEach(d -> assertThat(IndependentChecks.luhn(d)).as("%s: %s", g.record().id(), d).isFalse());
            ssns.matcher(text).results().forEach(m -> assertThat(IndependentChecks.ssn(m.group()) || IndependentChecks.itin(m.group()))
                    .as(g.record().id()).isFalse());
        }
    }

    private static String write(long seed, int records) throws Exception {
        StringWriter out = new StringWriter();
        EvalCorpusGenerator.Summary summary = new EvalCorpusGenerator(seed).write(records, out);
        assertThat(summary.records()).isEqualTo(records);
        return out.toString();
    }
}
