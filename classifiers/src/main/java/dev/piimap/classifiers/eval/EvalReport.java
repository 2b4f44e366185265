package dev.piimap.classifiers.eval;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.piimap.classifiers.EntityType;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of an {@link Evaluator} run: span counts per entity type, their micro and macro
 * totals, and how many negative records drew findings. Counts only, never text. Rendering is
 * deterministic: types in {@link EntityType} order, scores rounded to three (table) or four (JSON)
 * decimals.
 *
 * <p><b>Micro</b> totals add the counts of every listed type, then score. <b>Macro</b> averages the
 * per-type scores over the types with at least one gold span; there an undefined precision
 * (nothing found) counts as 0.
 *
 * @param perType the listed types and their counts, in {@link EntityType} order
 */
public record EvalReport(SpanMatching matching, long records, long negativeRecords, long negativeRecordsWithFindings,
                         Map<EntityType, TypeCounts> perType) {
    private static final JsonFactory JSON = new JsonFactory();

    public EvalReport {
        perType = Collections.unmodifiableMap(new EnumMap<>(perType.isEmpty() ? new EnumMap<>(EntityType.class) : perType));
    }

    /** Mean per-type scores over {@code types} types with gold spans. NaN when there are none. */
    public record MacroAverage(int types, double precision, double recall, double f1) {
    }

    /** The counts of every listed type added together. */
    public TypeCounts micro() {
        TypeCounts total = TypeCounts.ZERO;
        for (TypeCounts c : perType.values()) {
            total = total.plus(c);
        }
        return total;
    }

    public MacroAverage macro() {
        int n = 0;
        double p = 0;
        double r = 0;
        double f = 0;
        for (TypeCounts c : perType.values()) {
            if (c.gold() > 0) {
                n++;
                p += Double.isNaN(c.precision()) ? 0 : c.precision();
                r += c.recall();
                f += c.f1();
            }
        }
        return n == 0 ? new MacroAverage(0, Double.NaN, Double.NaN, Double.NaN) : new MacroAverage(n, p / n, r / n, f / n);
    }

    /** A plain-text table: a header line, one row per type, then micro and macro rows. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "records: %,d (%,d negative, %,d of those with findings); match: %s%n",
                records, negativeRecords, negativeRecordsWithFindings, matching.description()));
        String header = "%-16s %8s %9s %8s %8s %8s %9s %7s %7s %12s%n";
        String row = "%-16s %,8d %,9d %,8d %,8d %,8d %9s %7s %7s %,12d%n";
        out.append(String.format(Locale.ROOT, header, "type", "gold", "predicted", "TP", "FP", "FN", "precision", "recall", "F1",
                "in-negatives"));
        for (Map.Entry<EntityType, TypeCounts> e : perType.entrySet()) {
            TypeCounts c = e.getValue();
            out.append(String.format(Locale.ROOT, row, e.getKey().name(), c.gold(), c.found(), c.truePositives(), c.falsePositives(),
                    c.falseNegatives(), score(c.precision()), score(c.recall()), score(c.f1()), c.negativeFindings()));
        }
        TypeCounts m = micro();
        out.append(String.format(Locale.ROOT, row, "micro", m.gold(), m.found(), m.truePositives(), m.falsePositives(),
                m.falseNegatives(), score(m.precision()), score(m.recall()), score(m.f1()), m.negativeFindings()));
        MacroAverage a = macro();
        out.append(String.format(Locale.ROOT, "%-16s %8s %9s %8s %8s %8s %9s %7s %7s%n", "macro (" + a.types() + " types)", "", "", "",
                "", "", score(a.precision()), score(a.recall()), score(a.f1())));
        return out.toString();
    }

    /** The report as one pretty-printed JSON object; undefined scores are {@code null}. */
    public String json() {
        StringWriter buffer = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(buffer)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("matching", matching.name().toLowerCase(Locale.ROOT));
            g.writeStringField("rule", matching.description());
            g.writeNumberField("records", records);
            g.writeNumberField("negative_records", negativeRecords);
            g.writeNumberField("negative_records_with_findings", negativeRecordsWithFindings);
            g.writeArrayFieldStart("types");
            for (Map.Entry<EntityType, TypeCounts> e : perType.entrySet()) {
                g.writeStartObject();
                g.writeStringField("type", e.getKey().name());
                writeCounts(g, e.getValue());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("micro");
            writeCounts(g, micro());
            g.writeEndObject();
            MacroAverage a = macro();
            g.writeObjectFieldStart("macro");
            g.writeNumberField("types", a.types());
            writeScore(g, "precision", a.precision());
            writeScore(g, "recall", a.recall());
            writeScore(g, "f1", a.f1());
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string buffer failed", e);
        }
        return buffer + System.lineSeparator();
    }

    private static void writeCounts(JsonGenerator g, TypeCounts c) throws IOException {
        g.writeNumberField("gold", c.gold());
        g.writeNumberField("predicted", c.found());
        g.writeNumberField("tp", c.truePositives());
        g.writeNumberField("fp", c.falsePositives());
        g.writeNumberField("fn", c.falseNegatives());
        writeScore(g, "precision", c.precision());
        writeScore(g, "recall", c.recall());
        writeScore(g, "f1", c.f1());
        g.writeNumberField("negative_findings", c.negativeFindings());
    }

    private static void writeScore(JsonGenerator g, String name, double value) throws IOException {
        if (Double.isNaN(value)) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, Math.round(value * 10_000) / 10_000.0);
        }
    }

    private static String score(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }
}
