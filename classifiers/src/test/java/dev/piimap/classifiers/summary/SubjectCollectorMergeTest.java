package dev.piimap.classifiers.summary;

import dev.piimap.classifiers.EntityType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static dev.piimap.classifiers.summary.SubjectCollectorTest.KEYED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Merging the collectors of an asset's parts gives what one collector fed every part in order holds: the
 * same identifiers, counts and keys, within the same limits.
 */
class SubjectCollectorMergeTest {
    private record Occurrence(EntityType type, String value, String key) {
    }

    /** Rows 1..n of a table: a few identifiers repeat across the whole table, most occur once. */
    private static List<Occurrence> rows(int n) {
        List<Occurrence> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(new Occurrence(EntityType.EMAIL_ADDRESS, "user" + (i % 7 == 0 ? 7 : i) + "@example.com", "id=" + i));
            if (i % 3 == 0) {
                out.add(new Occurrence(EntityType.PHONE_NUMBER, "+1 415 555 01" + (10 + i % 5), "id=" + i));
            }
            if (i % 10 == 0) {
                out.add(new Occurrence(EntityType.EMAIL_ADDRESS, "user" + (i % 7 == 0 ? 7 : i) + "@example.com", "id=" + i));
            }
        }
        return out;
    }

    private static SubjectCollector fed(Supplier<SubjectCollector> empty, List<Occurrence> occurrences) {
        SubjectCollector c = empty.get();
        occurrences.forEach(o -> c.add(o.type(), o.value(), o.key()));
        return c;
    }

    /** The occurrences cut into {@code parts} consecutive runs, each fed to its own collector, merged in order. */
    private static SubjectCollector mergedParts(Supplier<SubjectCollector> empty, List<Occurrence> all, int parts) {
        SubjectCollector merged = null;
        for (int p = 0; p < parts; p++) {
            SubjectCollector part = fed(empty, all.subList(all.size() * p / parts, all.size() * (p + 1) / parts));
            merged = merged == null ? part : merged.merge(part);
        }
        return merged;
    }

    @Test
    void mergingTheHalvesEqualsReadingTheWhole() {
        List<Occurrence> all = rows(400);
        Supplier<SubjectCollector> empty = () -> new SubjectCollector(KEYED);

        SubjectCollector whole = fed(empty, all);
        SubjectCollector halves = mergedParts(empty, all, 2);

        assertThat(halves.subjects()).isNotEmpty().isEqualTo(whole.subjects());
        assertThat(halves.subjects()).anySatisfy(s -> assertThat(s.keys()).hasSize(SubjectCollector.MAX_KEYS_PER_VALUE));
    }

    @Test
    void mergingManyPartsKeepsTheDistinctLimitAndCountsTheRestAsNotIndexedAsOneReadWould() {
        List<Occurrence> all = rows(300);
        Supplier<SubjectCollector> empty = () -> new SubjectCollector(KEYED, 40, 10_000);

        SubjectCollector whole = fed(empty, all);
        SubjectCollector merged = mergedParts(empty, all, 5);

        assertThat(merged.subjects()).hasSize(40).isEqualTo(whole.subjects());
        assertThat(merged.notIndexed(EntityType.EMAIL_ADDRESS)).isPositive().isEqualTo(whole.notIndexed(EntityType.EMAIL_ADDRESS));
        assertThat(merged.truncationNote(EntityType.EMAIL_ADDRESS)).isEqualTo(whole.truncationNote(EntityType.EMAIL_ADDRESS));
    }

    @Test
    void mergingKeepsTheKeyLimitOfTheAssetInTheOrderTheKeysCame() {
        List<Occurrence> all = rows(300);
        Supplier<SubjectCollector> empty = () -> new SubjectCollector(KEYED, 1_000, 120);

        SubjectCollector whole = fed(empty, all);
        SubjectCollector merged = mergedParts(empty, all, 3);

        assertThat(merged.subjects()).isEqualTo(whole.subjects());
        assertThat(merged.subjects().stream().mapToInt(s -> s.keys().size()).sum()).isEqualTo(120);
    }

    @Test
    void aDeserializedCollectorMergesWithoutItsKeyButCannotBeFed() throws Exception {
        List<Occurrence> all = rows(100);
        Supplier<SubjectCollector> empty = () -> new SubjectCollector(KEYED);
        SubjectCollector first = fed(empty, all.subList(0, 60));
        SubjectCollector second = fed(empty, all.subList(60, all.size()));
        byte[] bytes = serialize(second);

        SubjectCollector shipped = deserialize(bytes);

        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("subject-test-key");
        assertThat(fed(empty, all.subList(0, 60)).merge(shipped).subjects()).isEqualTo(first.merge(second).subjects())
                .isEqualTo(fed(empty, all).subjects());
        assertThatThrownBy(() -> shipped.add(EntityType.EMAIL_ADDRESS, "x@example.com", null))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesToMergeCollectorsWithOtherLimits() {
        assertThatThrownBy(() -> new SubjectCollector(KEYED).merge(new SubjectCollector(KEYED, 5, 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different limits");
    }

    static byte[] serialize(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    static <T> T deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (T) in.readObject();
        }
    }
}
