package dev.piimap.scanner.extract;

import java.io.InputStream;

/**
 * Turns one item (a file, an object) into text: the item's own text and, separately, the text of
 * every document embedded in it (archive entries, e-mail attachments, nested again), each streamed
 * to a {@link DocumentSink} under its own path: the item's name, then {@code outer!/inner}.
 *
 * <p>Bounded by {@link ExtractionLimits}; every limit that cuts something is named in an outcome.
 */
public interface TextExtractor {
    /**
     * Extracts {@code stream} and reports each document to {@code sink}. Every document started is
     * ended exactly once, the item first to start and last to end. Never throws: corrupt, encrypted,
     * empty, unsupported or oversized content, parser crashes and time-outs all become outcomes.
     * When the time limit runs out the parse is interrupted and abandoned; the sink receives no call
     * after this method returns.
     *
     * @param stream the item's bytes; the caller owns and closes it (after this method returns)
     * @param name   the item's path, used as the path of its own document and to help type detection
     * @param size   the item's size in bytes, or -1 when unknown
     */
    void extract(InputStream stream, String name, long size, DocumentSink sink);
}
