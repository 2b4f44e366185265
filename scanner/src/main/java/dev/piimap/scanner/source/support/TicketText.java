package dev.piimap.scanner.source.support;

import dev.piimap.classifiers.summary.SubjectCollector;
import dev.piimap.classifiers.summary.TextSummarizer;
import dev.piimap.classifiers.summary.TypeSummary;
import dev.piimap.scanner.source.AssetFinding;
import dev.piimap.scanner.source.AssetOutcome;
import dev.piimap.scanner.source.ItemStatus;
import dev.piimap.scanner.source.ScanContext;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Classifies the text of one ticket (subject, body and comments) as the asset {@code tickets/<id>} of
 * kind {@value #KIND}, with its links and its subject index entries ({@link SupportSubjects}: identifiers
 * in the text by {@code line N}, plus the requester). Text beyond the per-item character limit is not
 * classified and the ticket ends {@code truncated}; a ticket without text is {@code skipped}.
 */
final class TicketText {
    static final String KIND = "ticket";
    static final String ASSET_PREFIX = "tickets/";
    /** Chunks handed to the classifier are cut at whitespace near this length. */
    static final int CHUNK_CHARS = 64 * 1024;

    private TicketText() {
    }

    static String asset(String ticketId) {
        return ASSET_PREFIX + ticketId;
    }

    /**
     * Adds the ticket's outcome, findings and subject index entries.
     *
     * @param parts          subject, body, comments (nulls skipped), joined with blank lines
     * @param modifiedMillis when the ticket was created, or null
     * @param requester      the requester's subject fingerprint ({@link SupportSubjects#requester}), or null
     */
    static void classify(String source, String ticketId, List<String> parts, Long modifiedMillis,
                         Map<String, String> links, String requester, ScanContext context, List<AssetOutcome> assets,
                         List<AssetFinding> findings, SupportSubjects subjects) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                text.append(text.isEmpty() ? "" : "\n\n").append(part);
            }
        }
        String asset = asset(ticketId);
        long bytes = text.toString().getBytes(StandardCharsets.UTF_8).length;
        if (text.isEmpty()) {
            AssetOutcome empty = new AssetOutcome(source, asset, KIND, ItemStatus.SKIPPED, "empty ticket", 0L, modifiedMillis, links);
            assets.add(empty);
            subjects.add(empty, null, requester);
            return;
        }
        long max = context.limits().maxCharsPerItem();
        boolean truncated = text.length() > max;
        CharSequence classified = truncated ? text.subSequence(0, (int) Math.min(max, Integer.MAX_VALUE)) : text;
        SubjectCollector index = subjects.newCollector();
        TextSummarizer summarizer = new TextSummarizer(context.classifier(), index);
        for (int start = 0; start < classified.length(); ) {
            int end = chunkEnd(classified, start);
            summarizer.add(classified.subSequence(start, end));
            start = end;
        }
        AssetOutcome outcome = new AssetOutcome(source, asset, KIND, truncated ? ItemStatus.TRUNCATED : ItemStatus.OK,
                truncated ? "character limit " + max : null, bytes, modifiedMillis, links);
        assets.add(outcome);
        subjects.add(outcome, index, requester);
        for (TypeSummary s : summarizer.result()) {
            findings.add(new AssetFinding(source, asset, KIND, s.type(), s.count(), s.confidence(),
                    context.keepSamples() ? s.sample() : null, s.explanation(), s.detector()));
        }
    }

    /** The end of the chunk starting at {@code start}: the last whitespace before the chunk length, if any. */
    private static int chunkEnd(CharSequence text, int start) {
        int limit = Math.min(text.length(), start + CHUNK_CHARS);
        if (limit == text.length()) {
            return limit;
        }
        for (int i = limit; i > start + CHUNK_CHARS / 2; i--) {
            if (Character.isWhitespace(text.charAt(i - 1))) {
                return i;
            }
        }
        return limit;
    }
}
