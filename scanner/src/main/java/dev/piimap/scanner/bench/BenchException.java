package dev.piimap.scanner.bench;

/** A benchmark step failed (a child scan exited non-zero, an estate could not be made); the message says which and where its log is. */
public final class BenchException extends Exception {
    BenchException(String message) {
        super(message);
    }

    BenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
