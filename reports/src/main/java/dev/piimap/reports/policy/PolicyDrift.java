package dev.piimap.reports.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.piimap.reports.datamap.DataMapReader;
import dev.piimap.reports.datamap.Rows;
import dev.piimap.reports.datamap.RunRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

/**
 * Policy drift: the findings of one committed run whose category the policy does not declare for
 * their source and asset, worst first (severity, then count descending, then source, asset, type).
 *
 * <p>The policy is evaluated by Spark tasks next to the data, and the result is sorted there, so a run
 * with millions of findings is never collected whole: {@link #violations(RunRecord)} streams it to the
 * driver one partition at a time. {@link #violations(DataMapReader, Policy)} collects it, for callers
 * that want a list (the report).
 */
public final class PolicyDrift {
    /** Output formats of {@link #write}. */
    public enum Format {
        /** One JSON object per violation: severity, source, asset, type, category, count, confidence, reason. */
        JSONL,
        /** An aligned plain-text table, the reason on an indented line under each row. */
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

    /** How many violations of each severity {@link #write} wrote. */
    public record Summary(long critical, long high, long medium, long low) {
        public long total() {
            return critical + high + medium + low;
        }
    }

    private static final String RANK = "drift_rank";
    private static final String TABLE_ROW = "%-9s %-16s %10s %10s  %s%n";
    /** The reason line of a table row starts under the type column. */
    private static final String REASON_INDENT = " ".repeat(10);
    private static final JsonFactory JSON = new JsonFactory()
            .setRootValueSeparator(null)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final DataMapReader reader;
    private final Policy policy;

    public PolicyDrift(DataMapReader reader, Policy policy) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * The ordered violations of the latest committed run, collected.
     *
     * @throws dev.piimap.reports.datamap.DataMapNotFoundException when no run has committed
     */
    public static List<Violation> violations(DataMapReader reader, Policy policy) {
        return violations(reader, reader.requireLatestCommittedRun(), policy);
    }

    /** The ordered violations of {@code run} (a run the reader returned as committed), collected. */
    public static List<Violation> violations(DataMapReader reader, RunRecord run, Policy policy) {
        List<Violation> all = new ArrayList<>();
        new PolicyDrift(reader, policy).violations(run).forEachRemaining(all::add);
        return all;
    }

    /** The ordered violations of {@code run}, streamed one partition at a time. */
    public Iterator<Violation> violations(RunRecord run) {
        Iterator<Row> rows = driftRows(run).toLocalIterator();
        Severity[] severities = Severity.values();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Violation next() {
                Row row = rows.next();
                String source = Rows.string(row, "source");
                String asset = Rows.string(row, "asset");
                String type = Rows.string(row, "type");
                String category = Rows.string(row, "category");
                return new Violation(severities[row.getInt(row.fieldIndex(RANK))], source, asset, type, category,
                        Rows.longOrZero(row, "count"), Rows.doubleOrNull(row, "confidence"),
                        policy.reason(type, category, source, asset));
            }
        };
    }

    /**
     * Writes the violations of {@code run} to {@code out} in {@code format}; flushes, never closes it.
     * JSON Lines keys, in order: {@code severity, source, asset, type, category, count, confidence, reason}.
     */
    public Summary write(RunRecord run, Format format, Writer out) throws IOException {
        Iterator<Violation> violations = violations(run);
        long[] counts = new long[Severity.values().length];
        if (format == Format.TABLE) {
            out.write(String.format(Locale.ROOT, TABLE_ROW, "SEVERITY", "TYPE", "COUNT", "CONFIDENCE", "SOURCE: ASSET"));
            while (violations.hasNext()) {
                Violation v = violations.next();
                out.write(String.format(Locale.ROOT, TABLE_ROW, v.severity().wireName(), v.type(),
                        String.format(Locale.ROOT, "%,d", v.count()),
                        v.confidence() == null ? "-" : String.format(Locale.ROOT, "%.2f", v.confidence()),
                        v.source() + ": " + v.asset()));
                out.write(REASON_INDENT + v.reason() + System.lineSeparator());
                counts[v.severity().ordinal()]++;
            }
        } else {
            try (JsonGenerator json = JSON.createGenerator(out)) {
                while (violations.hasNext()) {
                    Violation v = violations.next();
                    writeJson(json, v);
                    json.writeRaw('\n');
                    counts[v.severity().ordinal()]++;
                }
            }
        }
        out.flush();
        return new Summary(counts[Severity.CRITICAL.ordinal()], counts[Severity.HIGH.ordinal()],
                counts[Severity.MEDIUM.ordinal()], counts[Severity.LOW.ordinal()]);
    }

    /** The run's findings the policy does not allow, with their severity's ordinal as {@value #RANK}, sorted. */
    Dataset<Row> driftRows(RunRecord run) {
        UserDefinedFunction rank = driftRank(policy);
        return reader.findings(run)
                .withColumn(RANK, rank.apply(col("source"), col("asset"), col("category")))
                .filter(col(RANK).isNotNull())
                .orderBy(col(RANK).asc(), col("count").desc(), col("source").asc(), col("asset").asc(), col("type").asc())
                .select(RANK, "source", "asset", "type", "category", "count", "confidence");
    }

    /** A function of (source, asset, category): null when allowed, else the drift's severity ordinal. */
    private static UserDefinedFunction driftRank(Policy policy) {
        UDF3<String, String, String, Integer> rank =
                (source, asset, category) -> policy.drift(source, asset, category).map(Enum::ordinal).orElse(null);
        return udf(rank, DataTypes.IntegerType);
    }

    private static void writeJson(JsonGenerator json, Violation v) throws IOException {
        json.writeStartObject();
        json.writeStringField("severity", v.severity().wireName());
        json.writeStringField("source", v.source());
        json.writeStringField("asset", v.asset());
        json.writeStringField("type", v.type());
        json.writeStringField("category", v.category());
        json.writeNumberField("count", v.count());
        if (v.confidence() == null) {
            json.writeNullField("confidence");
        } else {
            json.writeNumberField("confidence", v.confidence());
        }
        json.writeStringField("reason", v.reason());
        json.writeEndObject();
    }
}
