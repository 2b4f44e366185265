package dev.piimap.reports.diff;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.piimap.reports.datamap.DataMapReader;
import dev.piimap.reports.datamap.Rows;
import dev.piimap.reports.datamap.RunRecord;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * What changed in the findings between two committed runs of a data map, per (source, asset, type):
 * {@code new} (only in the later run), {@code removed} (only in the earlier one) and {@code changed} (in
 * both, with another count, or a confidence that moved by at least {@value #CONFIDENCE_TOLERANCE}, the
 * precision reports show; a confidence appearing or disappearing is a change). Unchanged findings are
 * left out. Findings are unique per (source, asset, type) in a run; should a run hold several rows
 * for one, their counts are summed and the highest confidence kept.
 *
 * <p>The two runs' findings meet in a Spark full outer join and the changes are sorted by source,
 * asset and type there; the driver receives them one partition at a time ({@code toLocalIterator}), so
 * neither run is ever collected whole.
 */
public final class FindingsDiff {
    /** Output formats of {@link #write}. */
    public enum Format {
        /** One JSON object per change: change, source, asset, type, category, from/to count and confidence. */
        JSONL,
        /** An aligned plain-text table; the place ({@code source: asset}) comes last, so rows stream. */
        TABLE;

        /** {@code jsonl} or {@code table}; empty for anything else. */
        public static Optional<Format> parse(String value) {
            for (Format format : values()) {
                if (format.name().toLowerCase(Locale.ROOT).equals(value)) {
                    return Optional.of(format);
                }
            }
            return Optional.empty();
        }
    }

    /** The two committed runs compared; {@code from} is usually the earlier one, but need not be. */
    public record Runs(RunRecord from, RunRecord to) {
        public Runs {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /** How many changes of each kind {@link #write} wrote. */
    public record Summary(long added, long removed, long changed) {
        public long total() {
            return added + removed + changed;
        }
    }

    private static final String[] KEY = {"source", "asset", "type"};
    private static final String CHANGE = "change";
    private static final String TABLE_ROW = "%-8s %-16s %12s %12s %9s %9s  %s%n";
    private static final JsonFactory JSON = new JsonFactory()
            .setRootValueSeparator(null)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final DataMapReader reader;

    public FindingsDiff(DataMapReader reader) {
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /** The data map's committed runs in the order a diff walks them: by start time, then finish time, then id. */
    public List<RunRecord> runsByStart() {
        return reader.committedRuns().stream()
                .sorted(Comparator.comparing(RunRecord::startedAt)
                        .thenComparing(RunRecord::finishedAt)
                        .thenComparing(RunRecord::runId))
                .toList();
    }

    /**
     * The runs to compare. Without ids: the last two committed runs by start time. With {@code fromRunId}
     * only: that run and the latest. With {@code toRunId} only: the run started just before it, and it.
     *
     * @param fromRunId a committed run id, or null
     * @param toRunId   a committed run id, or null
     * @return empty when neither id is given and only one run has committed: there is nothing to compare
     * @throws RunSelectionException when an id given is not a committed run, or {@code toRunId} is the
     *                               earliest committed run and no {@code fromRunId} is given
     * @throws dev.piimap.reports.datamap.DataMapNotFoundException when no run has committed
     */
    public Optional<Runs> selectRuns(String fromRunId, String toRunId) {
        List<RunRecord> runs = runsByStart();
        if (runs.isEmpty()) {
            reader.requireLatestCommittedRun();
        }
        return select(runs, fromRunId, toRunId, reader.layout().root());
    }

    static Optional<Runs> select(List<RunRecord> byStart, String fromRunId, String toRunId, String location) {
        RunRecord latest = byStart.get(byStart.size() - 1);
        RunRecord to = toRunId == null ? latest : find(byStart, toRunId, RunSelectionException.Side.TO, location);
        if (fromRunId != null) {
            return Optional.of(new Runs(find(byStart, fromRunId, RunSelectionException.Side.FROM, location), to));
        }
        int index = byStart.indexOf(to);
        if (index > 0) {
            return Optional.of(new Runs(byStart.get(index - 1), to));
        }
        if (toRunId == null) {
            return Optional.empty();
        }
        throw new RunSelectionException(RunSelectionException.Side.FROM, null, "run " + toRunId
                + " is the earliest committed run in the data map at " + location + ": there is no run before it");
    }

    private static RunRecord find(List<RunRecord> runs, String runId, RunSelectionException.Side side, String location) {
        return runs.stream().filter(run -> run.runId().equals(runId)).findFirst()
                .orElseThrow(() -> new RunSelectionException(side, runId, "run " + runId
                        + " is not a committed run of the data map at " + location));
    }

    /** The changes from {@code runs.from()} to {@code runs.to()}, sorted by source, asset, type; streamed. */
    public Iterator<FindingChange> changes(Runs runs) {
        Iterator<Row> rows = changeRows(runs).toLocalIterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public FindingChange next() {
                Row row = rows.next();
                return new FindingChange(
                        FindingChange.Kind.valueOf(Rows.string(row, CHANGE)),
                        Rows.string(row, "source"), Rows.string(row, "asset"), Rows.string(row, "type"),
                        Rows.string(row, "category"),
                        Rows.longOrNull(row, "from_count"), Rows.longOrNull(row, "to_count"),
                        Rows.doubleOrNull(row, "from_confidence"), Rows.doubleOrNull(row, "to_confidence"));
            }
        };
    }

    /**
     * Writes the changes to {@code out} in {@code format}; flushes, never closes it. JSON Lines keys, in
     * order: {@code change, source, asset, type, category, from_count, to_count, from_confidence,
     * to_confidence} (null on the side a finding is absent from).
     */
    public Summary write(Runs runs, Format format, Writer out) throws IOException {
        Iterator<FindingChange> changes = changes(runs);
        long[] counts = new long[FindingChange.Kind.values().length];
        if (format == Format.TABLE) {
            out.write(String.format(Locale.ROOT, TABLE_ROW, "CHANGE", "TYPE", "FROM COUNT", "TO COUNT", "FROM CONF",
                    "TO CONF", "SOURCE: ASSET"));
            while (changes.hasNext()) {
                FindingChange c = changes.next();
                out.write(String.format(Locale.ROOT, TABLE_ROW, c.change().wireName(), c.type(), count(c.fromCount()),
                        count(c.toCount()), confidence(c.fromConfidence()), confidence(c.toConfidence()),
                        c.source() + ": " + c.asset()));
                counts[c.change().ordinal()]++;
            }
        } else {
            try (JsonGenerator json = JSON.createGenerator(out)) {
                while (changes.hasNext()) {
                    FindingChange c = changes.next();
                    writeJson(json, c);
                    json.writeRaw('\n');
                    counts[c.change().ordinal()]++;
                }
            }
        }
        out.flush();
        return new Summary(counts[FindingChange.Kind.NEW.ordinal()], counts[FindingChange.Kind.REMOVED.ordinal()],
                counts[FindingChange.Kind.CHANGED.ordinal()]);
    }

    /** Confidence moves smaller than this are not changes: floating-point noise of resampled columns. */
    static final double CONFIDENCE_TOLERANCE = 0.005;

    /** One row per (source, asset, type) in either run that differs, with its {@value #CHANGE} kind. */
    Dataset<Row> changeRows(Runs runs) {
        Dataset<Row> joined = side(runs.from(), "from_").join(side(runs.to(), "to_"), KEY, "full_outer");
        Column inFrom = col("from_present").isNotNull();
        Column inTo = col("to_present").isNotNull();
        Column fromConfidence = col("from_confidence");
        Column toConfidence = col("to_confidence");
        Column confidenceDiffers = fromConfidence.isNull().notEqual(toConfidence.isNull())
                .or(org.apache.spark.sql.functions.abs(fromConfidence.minus(toConfidence)).geq(CONFIDENCE_TOLERANCE));
        Column differs = not(col("from_count").eqNullSafe(col("to_count"))).or(confidenceDiffers);
        Column change = when(not(inFrom), lit(FindingChange.Kind.NEW.name()))
                .when(not(inTo), lit(FindingChange.Kind.REMOVED.name()))
                .when(differs, lit(FindingChange.Kind.CHANGED.name()));
        return joined
                .withColumn(CHANGE, change)
                .filter(col(CHANGE).isNotNull())
                .orderBy(col("source").asc(), col("asset").asc(), col("type").asc())
                .select(col(CHANGE), col("source"), col("asset"), col("type"),
                        coalesce(col("to_category"), col("from_category")).as("category"),
                        col("from_count"), col("to_count"), col("from_confidence"), col("to_confidence"));
    }

    /** A run's findings keyed by (source, asset, type), with its other columns prefixed. */
    private Dataset<Row> side(RunRecord run, String prefix) {
        return reader.findings(run)
                .groupBy(col("source"), col("asset"), col("type"))
                .agg(max("category").as(prefix + "category"),
                        sum("count").as(prefix + "count"),
                        max("confidence").as(prefix + "confidence"))
                .withColumn(prefix + "present", lit(true));
    }

    private static void writeJson(JsonGenerator json, FindingChange c) throws IOException {
        json.writeStartObject();
        json.writeStringField("change", c.change().wireName());
        json.writeStringField("source", c.source());
        json.writeStringField("asset", c.asset());
        json.writeStringField("type", c.type());
        json.writeStringField("category", c.category());
        writeNumber(json, "from_count", c.fromCount());
        writeNumber(json, "to_count", c.toCount());
        writeNumber(json, "from_confidence", c.fromConfidence());
        writeNumber(json, "to_confidence", c.toConfidence());
        json.writeEndObject();
    }

    private static void writeNumber(JsonGenerator json, String field, Number value) throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else if (value instanceof Long count) {
            json.writeNumberField(field, count);
        } else {
            json.writeNumberField(field, value.doubleValue());
        }
    }

    private static String count(Long value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%,d", value);
    }

    /** Up to four decimals, trailing zeros dropped: a change in the third decimal still shows. */
    private static String confidence(Double value) {
        return value == null ? "-"
                : BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
