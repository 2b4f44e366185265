package dev.piimap.scanner.source.jdbc;

import dev.piimap.classifiers.Classifier;
import dev.piimap.classifiers.mask.Fingerprinter;
import dev.piimap.classifiers.summary.SubjectCollector;
import dev.piimap.classifiers.summary.TypeSummary;
import dev.piimap.scanner.extract.ExtractionLimits;
import dev.piimap.scanner.source.ItemStatus;
import dev.piimap.scanner.source.SubjectEntry;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * One column's share of a table read: takes the column's value from each row the way its
 * {@link Column.Kind} asks, keeps to the column's character budget, and reports the column's outcome
 * and verdicts. A value that cannot be read the special way (an array the driver cannot hand out, bytes
 * that fail to stream) is read as a string instead. With a fingerprinter, the column keeps its subject index.
 */
final class ColumnSample {
    private final Column column;
    private final Column.Kind kind;
    private final NumericIdentifiers identifier;
    private final ColumnProfile profile;
    private final SubjectCollector subjects;
    private final BinaryValues binary;
    private final long maxChars;
    private long chars;
    private long rows;
    private String truncated;

    ColumnSample(Column column, String asset, Classifier classifier, ExtractionLimits limits) {
        this(column, asset, classifier, limits, null);
    }

    /** @param fingerprinter the subject index's fingerprinter, or null to keep no index */
    ColumnSample(Column column, String asset, Classifier classifier, ExtractionLimits limits, Fingerprinter fingerprinter) {
        this.column = column;
        this.kind = column.kind();
        this.identifier = NumericIdentifiers.of(column.name());
        this.subjects = fingerprinter == null ? null : new SubjectCollector(fingerprinter);
        this.profile = new ColumnProfile(classifier, column.name(), column.typeName(), subjects);
        this.binary = kind == Column.Kind.BINARY ? BinaryValues.withTika(asset, limits) : null;
        this.maxChars = limits.maxCharsPerItem();
    }

    Column column() {
        return column;
    }

    /**
     * Reads this column's value of the current row.
     *
     * @param index    the column's 1-based position in the result
     * @param timeLeft what is left of the item's time budget (bounds text extraction from bytes)
     * @param rowKey   the row's key for the subject index ({@link RowKeyColumns}), or null
     */
    void read(ResultSet row, int index, Duration timeLeft, String rowKey) throws SQLException {
        if (truncated != null) {
            return;
        }
        profile.rowKey(rowKey);
        switch (kind) {
            case BINARY -> readBinary(row, index, timeLeft);
            case ARRAY -> readArray(row, index);
            case NUMERIC_IDENTIFIER -> readNumber(row, index);
            case JSON -> {
                String value = row.getString(index);
                if (charge(value)) {
                    profile.addJsonText(value);
                }
            }
            default -> {
                String value = row.getString(index);
                if (charge(value)) {
                    profile.addText(value);
                }
            }
        }
        rows++;
    }

    /** Marks the column cut off by the item's time budget, unless a limit cut it already. */
    void stop(String reason) {
        if (truncated == null) {
            truncated = reason;
        }
    }

    ItemStatus status() {
        return part().status();
    }

    String detail() {
        return part().detail();
    }

    List<TypeSummary> verdicts() {
        return profile.verdicts();
    }

    /** The column's subject index entries; none without a fingerprinter. */
    List<SubjectEntry> subjects(String source, String asset, String assetKind) {
        return SubjectEntry.of(source, asset, assetKind, subjects);
    }

    /** What this read of the column produced, to report or to merge with other key ranges' ({@link ColumnPart}). */
    ColumnPart part() {
        return new ColumnPart(column.name(), profile, subjects, truncated, binary == null ? null : binary.outcome());
    }

    private void readBinary(ResultSet row, int index, Duration timeLeft) throws SQLException {
        try (InputStream in = row.getBinaryStream(index)) {
            String text = binary.extract(in, timeLeft, maxChars - chars);
            if (charge(text)) {
                profile.addPlain(text);
            }
        } catch (IOException e) {
            throw new SQLException("binary value could not be streamed", "58030", e);
        }
    }

    private void readArray(ResultSet row, int index) throws SQLException {
        Array array;
        Object elements;
        try {
            array = row.getArray(index);
            elements = array == null ? null : array.getArray();
        } catch (SQLFeatureNotSupportedException | UnsupportedOperationException e) {
            String value = row.getString(index);
            if (charge(value)) {
                profile.addText(value);
            }
            return;
        }
        try {
            addElements(elements);
        } finally {
            if (array != null) {
                try {
                    array.free();
                } catch (SQLException | UnsupportedOperationException ignored) {
                    // freeing is a courtesy to the driver; the values are read
                }
            }
        }
    }

    private void addElements(Object elements) {
        if (elements instanceof Object[] list) {
            for (Object element : list) {
                if (truncated != null) {
                    return;
                }
                if (element instanceof Object[]) {
                    addElements(element);
                } else if (element instanceof BigDecimal || element instanceof Long || element instanceof Integer
                        || element instanceof Short) {
                    BigDecimal n = new BigDecimal(element.toString());
                    if (charge(n.toPlainString())) {
                        profile.addNumber(n, identifier);
                    }
                } else if (element != null) {
                    String text = element.toString();
                    if (charge(text)) {
                        profile.addText(text);
                    }
                }
            }
        } else if (elements != null) {
            String text = elements.toString();
            if (charge(text)) {
                profile.addText(text);
            }
        }
    }

    private void readNumber(ResultSet row, int index) throws SQLException {
        BigDecimal number;
        try {
            number = row.getBigDecimal(index);
        } catch (SQLException | NumberFormatException e) {
            String value = row.getString(index);
            if (charge(value)) {
                profile.addPlain(value);
            }
            return;
        }
        if (number != null && charge(number.toPlainString())) {
            profile.addNumber(number, identifier);
        }
    }

    /** Counts a value against the character budget; false (and the column truncated) once it would exceed it. */
    private boolean charge(String value) {
        if (value == null) {
            return false;
        }
        if (chars + value.length() > maxChars) {
            truncated = String.format(Locale.ROOT, "character limit of %,d per column reached after %,d rows", maxChars, rows);
            return false;
        }
        chars += value.length();
        return true;
    }
}
