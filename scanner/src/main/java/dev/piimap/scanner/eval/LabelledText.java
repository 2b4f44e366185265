package dev.piimap.scanner.eval;

import dev.piimap.classifiers.EntityType;
import dev.piimap.classifiers.eval.GoldSpan;
import dev.piimap.classifiers.eval.LabelledRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a text and its labels together: an entity's span is taken from the builder's length at the
 * moment the value is appended, so labels cannot drift from the text.
 */
final class LabelledText {
    private final StringBuilder text = new StringBuilder(256);
    private final List<GoldSpan> spans = new ArrayList<>();
    private final List<String> values = new ArrayList<>();

    /** Appends unlabelled text. */
    LabelledText add(String plain) {
        text.append(plain);
        return this;
    }

    /** Appends {@code value} labelled as {@code type}. */
    LabelledText add(EntityType type, String value) {
        if (value.isEmpty() || !value.strip().equals(value)) {
            throw new IllegalArgumentException(type + " value is empty or has surrounding white space");
        }
        int start = text.length();
        text.append(value);
        spans.add(new GoldSpan(type, start, text.length()));
        values.add(value);
        return this;
    }

    /** Appends a line break. */
    LabelledText newline() {
        text.append('\n');
        return this;
    }

    int length() {
        return text.length();
    }

    /** The labelled values in span order (for tests that check labels against what was inserted). */
    List<String> values() {
        return List.copyOf(values);
    }

    /** The record; {@code negative} requires that nothing was labelled. */
    LabelledRecord build(String id, boolean negative) {
        if (negative && !spans.isEmpty()) {
            throw new IllegalStateException("a negative record was given " + spans.size() + " labels");
        }
        return new LabelledRecord(id, text.toString(), spans, negative);
    }
}
