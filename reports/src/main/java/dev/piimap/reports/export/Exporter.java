package dev.piimap.reports.export;

import dev.piimap.reports.datamap.DataMapReader;
import dev.piimap.reports.datamap.RunRecord;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Exports one committed run (CONTRACT.md section 7), several, or the list of runs, in one of four formats, one class each:
 * {@link JsonLinesExport} (the contract's JSON Lines), {@link CsvExport}, {@link ArrowExport} and
 * {@link FidesExport}. The first three write the same fields in the same order:
 * <ul>
 *   <li>{@code findings}: {@code run_id, source, asset, asset_kind, type, category, count, confidence,
 *       sample} then {@code explanation, detector}; ordered by source, asset, type.</li>
 *   <li>{@code assets}: {@code run_id, source, asset, asset_kind, status, detail, bytes, modified}
 *       ({@code modified} as ISO-8601 UTC or null), then {@code links} (a map such as
 *       {@code {"requester": "<fingerprint>", "ticket": "1042"}}); jsonl writes {@code links} on assets
 *       that have links only; ordered by source, asset.</li>
 * </ul>
 * {@code fides} describes findings only. Rows stream to the driver one partition at a time, so no
 * export holds a whole run in memory. Text formats are UTF-8. The target is flushed, never closed.
 */
public final class Exporter {
    /** Which table to export. */
    public enum What {
        FINDINGS, ASSETS,
        /** Every committed run with its totals (an addition to the contract's two selections). */
        RUNS;

        /** Parses {@code findings} or {@code assets} (the {@code --what} values). */
        public static What parse(String value) {
            for (What what : values()) {
                if (what.wireName().equals(value)) {
                    return what;
                }
            }
            throw new IllegalArgumentException("--what '" + value + "' is not known: use findings, assets or runs");
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The output format (the {@code --format} values). */
    public enum Format {
        /** JSON Lines, the contract's format. */
        JSONL,
        /** RFC 4180 CSV with a header row and formula-injection protection. */
        CSV,
        /** An Arrow IPC file (binary). */
        ARROW,
        /** A fideslang dataset manifest (YAML); findings only. */
        FIDES;

        /** Parses {@code jsonl}, {@code csv}, {@code arrow} or {@code fides}. */
        public static Format parse(String value) {
            for (Format format : values()) {
                if (format.wireName().equals(value)) {
                    return format;
                }
            }
            throw new IllegalArgumentException("--format '" + value + "' is not known: use one of " + wireNames());
        }

        /** {@code jsonl, csv, arrow, fides}. */
        public static String wireNames() {
            return Arrays.stream(values()).map(Format::wireName).collect(Collectors.joining(", "));
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** False for {@link #ARROW}, whose output is binary. */
        public boolean isText() {
            return this != ARROW;
        }

        /** False for {@link #FIDES}, which describes where personal data is, not which assets were read or runs. */
        public boolean supports(What what) {
            return this != FIDES || what == What.FINDINGS;
        }
    }

    private final DataMapReader reader;

    public Exporter(DataMapReader reader) {
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /**
     * Writes the latest committed run to {@code out}.
     *
     * @return the records written: lines (jsonl), records after the header (csv), rows (arrow) or
     *         fields (fides)
     * @throws IllegalArgumentException when the format does not support the selection (fides with assets)
     * @throws dev.piimap.reports.datamap.DataMapNotFoundException when no run has committed
     */
    public long write(What what, Format format, OutputStream out) throws IOException {
        requireSupported(what, format);
        return write(what, format, reader.requireLatestCommittedRun(), out);
    }

    /**
     * Writes one committed run to {@code out}; see {@link #write(What, Format, OutputStream)}.
     *
     * @throws IllegalArgumentException when the run has not committed, or the format does not support the selection
     */
    public long write(What what, Format format, String runId, OutputStream out) throws IOException {
        requireSupported(what, format);
        return write(what, format, reader.requireCommitted(runId), out);
    }

    /**
     * Writes several committed runs to {@code out}, run after run in the order given, each ordered as a single
     * run is (for trends across runs: every record carries its {@code run_id}). Not for fides, which describes
     * one run.
     *
     * @throws IllegalArgumentException when a run has not committed, the list is empty, or the format is fides
     */
    public long write(What what, Format format, java.util.List<RunRecord> runs, OutputStream out) throws IOException {
        requireSupported(what, format);
        if (runs.isEmpty() || (format == Format.FIDES && runs.size() > 1)) {
            throw new IllegalArgumentException(runs.isEmpty() ? "no runs to export"
                    : "--format fides describes one run: pick one with --run ID");
        }
        return writeRuns(what, format, java.util.List.copyOf(runs), out);
    }

    /** The committed runs of the data map, oldest first (what {@code --run all} exports). */
    public java.util.List<RunRecord> committedRuns() {
        return reader.committedRuns();
    }

    /** Writes the latest committed run as UTF-8 JSON Lines; see {@link #write(What, Format, OutputStream)}. */
    public long writeJsonLines(What what, OutputStream out) throws IOException {
        return write(what, Format.JSONL, out);
    }

    /** Writes the latest committed run as JSON Lines to a character target. */
    public long writeJsonLines(What what, Writer out) throws IOException {
        return writeJsonLines(what, reader.requireLatestCommittedRun(), out);
    }

    /**
     * Writes one committed run as JSON Lines to {@code out}.
     *
     * @return the number of lines written
     * @throws IllegalArgumentException when the run has not committed
     */
    public long writeJsonLines(What what, String runId, Writer out) throws IOException {
        return writeJsonLines(what, reader.requireCommitted(runId), out);
    }

    private long writeJsonLines(What what, RunRecord run, Writer out) throws IOException {
        return writeJsonLines(what, java.util.List.of(run), out);
    }

    private long writeJsonLines(What what, java.util.List<RunRecord> runs, Writer out) throws IOException {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(out, "out");
        return JsonLinesExport.write(ExportRows.fields(what), ExportRows.ordered(reader, runs, what), out);
    }

    private long write(What what, Format format, RunRecord run, OutputStream out) throws IOException {
        return writeRuns(what, format, java.util.List.of(run), out);
    }

    private long writeRuns(What what, Format format, java.util.List<RunRecord> runs, OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        if (format == Format.ARROW) {
            return ArrowExport.write(ExportRows.fields(what), ExportRows.ordered(reader, runs, what), out,
                    ArrowExport.BATCH_ROWS);
        }
        Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        long written = switch (format) {
            case JSONL -> writeJsonLines(what, runs, text);
            case CSV -> CsvExport.write(ExportRows.fields(what), ExportRows.ordered(reader, runs, what), text);
            case FIDES -> FidesExport.write(reader.findings(runs.get(0)), runs.get(0).runId(), text);
            case ARROW -> throw new IllegalStateException("arrow is written as bytes above");
        };
        text.flush();
        return written;
    }

    private static void requireSupported(What what, Format format) {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(format, "format");
        if (!format.supports(what)) {
            throw new IllegalArgumentException("--format " + format.wireName() + " does not export " + what.wireName()
                    + ": use --what findings, or another format for " + what.wireName());
        }
    }
}
