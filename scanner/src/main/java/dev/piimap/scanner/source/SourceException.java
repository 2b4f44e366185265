package dev.piimap.scanner.source;

/** A source could not be reached or listed. The message names the source and the failure, never content or secrets. */
public class SourceException extends Exception {
    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }

    public SourceException(String message) {
        super(message);
    }
}
