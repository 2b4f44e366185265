package dev.piimap.classifiers.eval;

import dev.piimap.classifiers.Classifier;
import dev.piimap.classifiers.EntityType;
import dev.piimap.classifiers.detect.Finding;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures a {@link Classifier} against a labelled corpus (see {@link LabelledRecords} for the
 * format): per entity type, gold spans, findings, true positives under a {@link SpanMatching} rule,
 * and findings in negative records. Immutable and thread-safe.
 *
 * <p>Input is streamed: the calling thread reads and checks lines (so the first malformed line in
 * file order is the one reported), worker threads run detection, at most
 * {@value #IN_FLIGHT_PER_THREAD} records per thread are held at once. Counts are sums, so the report
 * is the same for any number of threads.
 */
public final class Evaluator {
    static final int IN_FLIGHT_PER_THREAD = 64;

    private final Classifier classifier;
    private final Set<EntityType> types;
    private final SpanMatching matching;
    private final int threads;

    /**
     * @param classifier what to evaluate, with its minimum score already applied
     * @param types      the types to evaluate; empty for all. Gold spans of other types are ignored and
     *                   findings of other types dropped (their detectors still run, as with {@code detect --types})
     * @param threads    detection threads; 1 or less detects on the calling thread
     */
    public Evaluator(Classifier classifier, Set<EntityType> types, SpanMatching matching, int threads) {
        Objects.requireNonNull(classifier, "classifier");
        this.types = types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
        this.classifier = this.types.isEmpty() ? classifier : classifier.restrictTo(this.types);
        this.matching = Objects.requireNonNull(matching, "matching");
        this.threads = Math.max(1, threads);
    }

    /**
     * Evaluates every record of {@code in}; the caller owns and closes {@code in}.
     *
     * @throws MalformedRecordException at the first line that is not a valid record; nothing is reported
     * @throws IOException              when reading fails
     */
    public EvalReport evaluate(Reader in) throws IOException {
        Totals totals = new Totals();
        LabelledRecords records = LabelledRecords.reading(in);
        if (threads == 1) {
            for (LabelledRecord r = records.next(); r != null; r = records.next()) {
                totals.add(score(r));
            }
            return totals.report();
        }
        ExecutorService workers = Executors.newFixedThreadPool(threads, daemonThreads());
        try {
            ArrayDeque<Future<RecordScore>> pending = new ArrayDeque<>();
            for (LabelledRecord r = records.next(); r != null; r = records.next()) {
                LabelledRecord record = r;
                pending.add(workers.submit(() -> score(record)));
                while (pending.size() >= threads * IN_FLIGHT_PER_THREAD) {
                    totals.add(await(pending.poll()));
                }
            }
            while (!pending.isEmpty()) {
                totals.add(await(pending.poll()));
            }
            return totals.report();
        } finally {
            workers.shutdownNow();
        }
    }

    /** Evaluates records already in memory, on the calling thread. */
    public EvalReport evaluate(List<LabelledRecord> records) {
        Totals totals = new Totals();
        records.forEach(r -> totals.add(score(r)));
        return totals.report();
    }

    /** One record's counts per type, and whether it is a negative record. */
    private record RecordScore(Map<EntityType, TypeCounts> counts, boolean negative, boolean anyFinding) {
    }

    private RecordScore score(LabelledRecord record) {
        Map<EntityType, List<GoldSpan>> gold = new EnumMap<>(EntityType.class);
        for (GoldSpan s : record.spans()) {
            if (types.isEmpty() || types.contains(s.type())) {
                gold.computeIfAbsent(s.type(), t -> new ArrayList<>()).add(s);
            }
        }
        Map<EntityType, List<Finding>> found = new EnumMap<>(EntityType.class);
        List<Finding> findings = classifier.detect(record.text());
        for (Finding f : findings) {
            found.computeIfAbsent(f.type(), t -> new ArrayList<>()).add(f);
        }
        boolean negative = record.isNegative();
        Map<EntityType, TypeCounts> counts = new EnumMap<>(EntityType.class);
        Set<EntityType> present = EnumSet.noneOf(EntityType.class);
        present.addAll(gold.keySet());
        present.addAll(found.keySet());
        for (EntityType t : present) {
            List<GoldSpan> g = gold.getOrDefault(t, List.of());
            List<Finding> f = found.getOrDefault(t, List.of());
            counts.put(t, new TypeCounts(g.size(), f.size(), matching.matchedPairs(g, f), negative ? f.size() : 0));
        }
        return new RecordScore(counts, negative, !findings.isEmpty());
    }

    private final class Totals {
        private final Map<EntityType, TypeCounts> perType = new EnumMap<>(EntityType.class);
        private long records;
        private long negativeRecords;
        private long negativeWithFindings;

        Totals() {
            types.forEach(t -> perType.put(t, TypeCounts.ZERO));
        }

        void add(RecordScore s) {
            records++;
            if (s.negative()) {
                negativeRecords++;
                if (s.anyFinding()) {
                    negativeWithFindings++;
                }
            }
            s.counts().forEach((t, c) -> perType.merge(t, c, TypeCounts::plus));
        }

        EvalReport report() {
            return new EvalReport(matching, records, negativeRecords, negativeWithFindings, perType);
        }
    }

    private static RecordScore await(Future<RecordScore> score) throws IOException {
        try {
            return score.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while evaluating");
        } catch (ExecutionException e) {
            // Classifier.detect does not throw; reaching here means an Error such as OutOfMemoryError in a worker.
            throw new IOException("an evaluation worker failed: " + e.getCause().getClass().getName(), e.getCause());
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "piimap-eval-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
