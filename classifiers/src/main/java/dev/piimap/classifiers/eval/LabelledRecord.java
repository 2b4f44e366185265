package dev.piimap.classifiers.eval;

import java.util.List;
import java.util.Objects;

/**
 * One line of an evaluation corpus: {@code {"id", "text", "spans": [{"type", "start", "end"}],
 * "negative": true}}. A record is a <em>negative</em> (its findings are counted apart, see
 * {@link TypeCounts#negativeFindings()}) when it says {@code "negative": true} or has no spans.
 *
 * @param id       any string naming the record; may be null
 * @param negative whether the record was written as a hard negative (nothing in it is personal data)
 */
public record LabelledRecord(String id, String text, List<GoldSpan> spans, boolean negative) {
    public LabelledRecord {
        Objects.requireNonNull(text, "text");
        spans = List.copyOf(spans);
        if (negative && !spans.isEmpty()) {
            throw new IllegalArgumentException("a negative record has no spans, this one has " + spans.size());
        }
        for (GoldSpan s : spans) {
            if (s.end() > text.length()) {
                throw new IllegalArgumentException("span [" + s.start() + ", " + s.end() + ") ends past the text ("
                        + text.length() + " characters)");
            }
        }
    }

    /** Whether findings here count as findings in a negative record: marked negative, or no spans at all. */
    public boolean isNegative() {
        return negative || spans.isEmpty();
    }
}
