package dev.piimap.classifiers.summary;

import dev.piimap.classifiers.Classifier;
import dev.piimap.classifiers.EntityType;
import dev.piimap.classifiers.detect.Detector;
import dev.piimap.classifiers.detect.Finding;
import dev.piimap.classifiers.mask.Fingerprinter;
import dev.piimap.classifiers.mask.SubjectTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Renders a table row's key for the subject index: {@code id=42}, or {@code tenant=7,order_no=A-1009} for a
 * composite key, in the key's column order. A key value is shown as it is only when it looks like a code
 * (letters, digits and {@code . _ : / -}, at most {@value #MAX_SHOWN_CHARS} characters, at least one digit),
 * its column's name suggests no kind of personal data, and the classifier finds none in it; any other value
 * is given as {@code column=fp:<fingerprint>}: the fingerprint of the indexed type found spanning the whole
 * value (so an e-mail key reads {@code email=fp:} followed by the same fingerprint as the subject's), else
 * {@link Fingerprinter#fingerprintRaw}. So a row key never carries a raw personal value. Thread-safe.
 */
public final class RowKeys {
    static final int MAX_SHOWN_CHARS = 64;
    public static final String FINGERPRINT_PREFIX = "fp:";
    private static final Pattern CODE_LIKE = Pattern.compile("[A-Za-z0-9_.:/-]{1," + MAX_SHOWN_CHARS + "}");
    private static final Pattern HAS_DIGIT = Pattern.compile(".*[0-9].*");

    private final Classifier classifier;
    private final Fingerprinter fingerprinter;
    private final List<String> columns;
    private final List<String> contextPrefixes = new ArrayList<>();
    private final boolean[] namedLikePersonalData;

    /** @param columns the key's columns in key order (e.g. KEY_SEQ of the primary key), at least one */
    public RowKeys(Classifier classifier, Fingerprinter fingerprinter, List<String> columns) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.fingerprinter = Objects.requireNonNull(fingerprinter, "fingerprinter");
        this.columns = List.copyOf(columns);
        if (this.columns.isEmpty()) {
            throw new IllegalArgumentException("a row key needs at least one column");
        }
        List<String> hints = new ArrayList<>();
        for (Detector d : classifier.detectors()) {
            hints.addAll(d.columnNameHints());
        }
        namedLikePersonalData = new boolean[this.columns.size()];
        for (int i = 0; i < this.columns.size(); i++) {
            String name = this.columns.get(i);
            namedLikePersonalData[i] = ColumnNameHints.matching(name, hints) != null;
            String words = ColumnNameHints.asText(name);
            contextPrefixes.add(words.isEmpty() ? "" : words + ": ");
        }
    }

    public List<String> columns() {
        return columns;
    }

    /**
     * The key of one row, from its key columns' values in {@link #columns} order; null when a value is null
     * (a row without a complete key has no key).
     */
    public String render(List<String> values) {
        if (values.size() != columns.size()) {
            throw new IllegalArgumentException("a row key of " + columns.size() + " columns got " + values.size() + " values");
        }
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            String value = values.get(i);
            if (value == null) {
                return null;
            }
            key.append(i == 0 ? "" : ",").append(columns.get(i)).append('=').append(part(i, value));
        }
        return key.toString();
    }

    private String part(int i, String value) {
        String prefix = contextPrefixes.get(i);
        String text = prefix + value;
        EntityType wholeType = null;
        boolean found = false;
        String stripped = value.strip();
        int wholeStart = prefix.length() + (value.length() - value.stripLeading().length());
        for (Finding f : classifier.examine(text).findings()) {
            if (f.end() <= prefix.length()) {
                continue;
            }
            found = true;
            if (SubjectTypes.isIndexed(f.type()) && f.start() == wholeStart && f.end() == wholeStart + stripped.length()) {
                wholeType = f.type();
            }
        }
        if (!found && !namedLikePersonalData[i] && CODE_LIKE.matcher(value).matches() && HAS_DIGIT.matcher(value).matches()) {
            return value;
        }
        return FINGERPRINT_PREFIX + (wholeType != null ? fingerprinter.fingerprint(wholeType, value) : fingerprinter.fingerprintRaw(value));
    }
}
