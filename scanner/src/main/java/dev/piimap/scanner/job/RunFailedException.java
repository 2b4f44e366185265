package dev.piimap.scanner.job;

/** The run could not commit; the data map is unchanged. The CLI exits 3. */
public final class RunFailedException extends RuntimeException {
    public RunFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
