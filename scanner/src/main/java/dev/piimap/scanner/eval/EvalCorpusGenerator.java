package dev.piimap.scanner.eval;

import dev.piimap.classifiers.eval.LabelledRecord;
import dev.piimap.classifiers.eval.LabelledRecords;
import dev.piimap.scanner.eval.SceneContext.Named;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a labelled evaluation corpus (the format {@link LabelledRecords} reads): about 70% records
 * holding personal data in workplace and paperwork shapes ({@link WorkplaceScenes}, {@link FormScenes}),
 * every value labelled with its exact offsets, and about 30% hard negatives ({@link NegativeScenes})
 * marked {@code "negative": true} and carrying a {@code "kind"} naming the look-alike they are built
 * around ({@code version-string}, {@code uuid}, {@code hash}, {@code luhn-invalid}, {@code bad-iban},
 * {@code bad-ssn}, {@code timestamp}, {@code order-number}, ...; see {@link NegativeScenes}), an extra
 * key that {@link LabelledRecords} ignores. Every entity type is labelled somewhere; identifiers pass
 * their checksums. The same seed and record count give the same bytes.
 *
 * <p>Not thread-safe: one generator produces one sequence.
 */
public final class EvalCorpusGenerator {
    public static final long DEFAULT_SEED = 42;
    public static final int DEFAULT_RECORDS = 5_000;
    /** Share of records, in percent, that are hard negatives. */
    static final int NEGATIVE_PERCENT = 30;

    private static final List<Named> POSITIVE = concat(WorkplaceScenes.all(), FormScenes.all());
    private static final List<Named> NEGATIVE = NegativeScenes.all();

    private final SceneContext context;
    private int index;

    public EvalCorpusGenerator(long seed) {
        this.context = new SceneContext(new Random(seed));
    }

    /** What {@link #write} produced. */
    public record Summary(long records, long negatives, long spans) {
    }

    /**
     * A generated record, the values its spans label (in span order), and for a hard negative the kind
     * of look-alike it holds (null for a positive record).
     */
    record Generated(LabelledRecord record, List<String> values, String kind) {
        /** The record as one JSON line: {@link LabelledRecords#toJsonLine} plus {@code "kind"} for a negative. */
        String jsonLine() {
            String line = LabelledRecords.toJsonLine(record);
            // Kinds are fixed lower-case identifiers (NegativeScenes): nothing to escape.
            return kind == null ? line : line.substring(0, line.length() - 1) + ",\"kind\":\"" + kind + "\"}";
        }
    }

    /** The next record. */
    public LabelledRecord next() {
        return generate().record();
    }

    Generated generate() {
        index++;
        boolean negative = context.r.nextInt(100) < NEGATIVE_PERCENT;
        Named scene = pick(negative ? NEGATIVE : POSITIVE);
        LabelledText text = new LabelledText();
        scene.scene().write(text, context);
        String id = String.format(Locale.ROOT, "r%05d-%s", index, scene.name());
        return new Generated(text.build(id, negative), text.values(), scene.kind());
    }

    /** Writes {@code records} records as JSON Lines to {@code out} (which the caller owns and closes). */
    public Summary write(int records, Writer out) throws IOException {
        long negatives = 0;
        long spans = 0;
        for (int i = 0; i < records; i++) {
            Generated g = generate();
            negatives += g.record().negative() ? 1 : 0;
            spans += g.record().spans().size();
            out.write(g.jsonLine());
            out.write('\n');
        }
        out.flush();
        return new Summary(records, negatives, spans);
    }

    private Named pick(List<Named> scenes) {
        int total = scenes.stream().mapToInt(Named::weight).sum();
        int x = context.r.nextInt(total);
        for (Named s : scenes) {
            x -= s.weight();
            if (x < 0) {
                return s;
            }
        }
        throw new IllegalStateException("weights changed during a pick");
    }

    /** Scene names, for tests: every one must be reachable. */
    static List<String> sceneNames() {
        List<String> names = new ArrayList<>();
        POSITIVE.forEach(s -> names.add(s.name()));
        NEGATIVE.forEach(s -> names.add(s.name()));
        return names;
    }

    /** The kinds of hard negatives, for tests: every one must be reachable. */
    static Set<String> negativeKinds() {
        Set<String> kinds = new TreeSet<>();
        NEGATIVE.forEach(s -> kinds.add(s.kind()));
        return kinds;
    }

    private static List<Named> concat(List<Named> a, List<Named> b) {
        List<Named> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
