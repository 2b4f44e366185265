package dev.piimap.scanner.extract;

/**
 * Receives the documents of one item as they are extracted. Documents nest: a child starts and ends
 * between its parent's start and end, and the parent's text may continue after it. Calls come from
 * one thread at a time, though not necessarily the caller's thread.
 */
public interface DocumentSink {
    /**
     * A document starts.
     *
     * @param path  the item's name, or {@code parent!/entry} for an embedded document
     * @param bytes its size in bytes where known (declared by the container), else null
     */
    void start(String path, Long bytes);

    /** The next piece of a started document's text, cut at whitespace so no word is split. */
    void text(String path, CharSequence chunk);

    /** The document ends; called exactly once per {@link #start}. */
    void end(String path, DocumentOutcome outcome);
}
