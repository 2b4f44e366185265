package dev.piimap.classifiers.eval;

/**
 * A line of a labelled corpus that is not a valid record. The message names the line number and
 * what is wrong with the JSON structure or the offsets; it never quotes the record's text.
 */
public final class MalformedRecordException extends RuntimeException {
    private final long lineNumber;

    public MalformedRecordException(long lineNumber, String problem) {
        super("line " + lineNumber + ": " + problem);
        this.lineNumber = lineNumber;
    }

    /** The 1-based line number of the bad line. */
    public long lineNumber() {
        return lineNumber;
    }
}
