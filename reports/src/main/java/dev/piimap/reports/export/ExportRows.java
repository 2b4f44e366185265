package dev.piimap.reports.export;

import dev.piimap.reports.datamap.DataMapReader;
import dev.piimap.reports.datamap.RunRecord;
import dev.piimap.reports.export.ExportField.Kind;
import org.apache.spark.sql.Row;

import java.util.Iterator;
import java.util.List;

import static dev.piimap.reports.export.ExportField.optional;
import static dev.piimap.reports.export.ExportField.required;
import static org.apache.spark.sql.functions.col;

/**
 * The row source the row-shaped formats share: the fields of each selection and its rows in
 * export order, streamed to the driver one partition at a time ({@code toLocalIterator}), so no
 * export holds a whole run in memory.
 */
final class ExportRows {
    /** CONTRACT.md section 7 keys, then the additions {@code explanation} and {@code detector}. */
    static final List<ExportField> FINDINGS = List.of(
            required("run_id", Kind.STRING),
            required("source", Kind.STRING),
            required("asset", Kind.STRING),
            required("asset_kind", Kind.STRING),
            required("type", Kind.STRING),
            required("category", Kind.STRING),
            required("count", Kind.LONG),
            optional("confidence", Kind.DOUBLE),
            optional("sample", Kind.STRING),
            optional("explanation", Kind.STRING),
            optional("detector", Kind.STRING));

    /** CONTRACT.md section 7 keys, then the addition {@code links}. */
    static final List<ExportField> ASSETS = List.of(
            required("run_id", Kind.STRING),
            required("source", Kind.STRING),
            required("asset", Kind.STRING),
            required("asset_kind", Kind.STRING),
            required("status", Kind.STRING),
            optional("detail", Kind.STRING),
            optional("bytes", Kind.LONG),
            optional("modified", Kind.TIMESTAMP),
            optional("links", Kind.STRING_MAP));

    /** One record per committed run: when, what it listed and found (the run's totals, no content). */
    static final List<ExportField> RUNS = List.of(
            required("run_id", Kind.STRING),
            required("started_at", Kind.TIMESTAMP),
            optional("finished_at", Kind.TIMESTAMP),
            required("status", Kind.STRING),
            optional("items_listed", Kind.LONG),
            optional("items_carried", Kind.LONG),
            optional("assets", Kind.LONG),
            optional("findings", Kind.LONG),
            optional("errors", Kind.LONG),
            optional("scanner_version", Kind.STRING));

    private ExportRows() {
    }

    static List<ExportField> fields(Exporter.What what) {
        return switch (what) {
            case FINDINGS -> FINDINGS;
            case ASSETS -> ASSETS;
            case RUNS -> RUNS;
        };
    }

    /** The rows of one committed run; see {@link #ordered(DataMapReader, List, Exporter.What)}. */
    static Iterator<Row> ordered(DataMapReader reader, RunRecord run, Exporter.What what) {
        return ordered(reader, List.of(run), what);
    }

    /**
     * The rows of {@code runs} (committed runs, in the order given): findings ordered by source, asset, type;
     * assets by source, asset, asset_kind; for {@code runs}, every committed run of the data map, oldest first.
     */
    static Iterator<Row> ordered(DataMapReader reader, List<RunRecord> runs, Exporter.What what) {
        if (what == Exporter.What.RUNS) {
            return reader.committedRunRows().toLocalIterator();
        }
        if (runs.size() == 1) {
            return ordered(what == Exporter.What.FINDINGS ? reader.findings(runs.get(0)) : reader.assets(runs.get(0)), what);
        }
        // Several runs: run by run in the order given, each ordered as a single run would be.
        return new Iterator<>() {
            private int next;
            private Iterator<Row> current = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && next < runs.size()) {
                    RunRecord run = runs.get(next++);
                    current = ordered(what == Exporter.What.FINDINGS ? reader.findings(run) : reader.assets(run), what);
                }
                return current.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    private static Iterator<Row> ordered(org.apache.spark.sql.Dataset<Row> rows, Exporter.What what) {
        return what == Exporter.What.FINDINGS
                ? rows.orderBy(col("source"), col("asset"), col("type")).toLocalIterator()
                : rows.orderBy(col("source"), col("asset"), col("asset_kind")).toLocalIterator();
    }
}
