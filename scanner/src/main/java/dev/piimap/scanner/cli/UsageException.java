package dev.piimap.scanner.cli;

/** A flag with a bad value, found after parsing (e.g. no data map at --datamap). The CLI prints the message and exits 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String flag, String value, String problem, String fix) {
        super("usage error: " + flag + ": " + problem + (value == null ? "" : " (value: '" + value + "')") + "; fix: " + fix);
    }
}
