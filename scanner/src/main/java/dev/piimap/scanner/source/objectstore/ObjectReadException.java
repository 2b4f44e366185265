package dev.piimap.scanner.source.objectstore;

/**
 * One object could not be opened. The message is the item's outcome reason: it names the failure
 * ({@code access denied (S3 403)}, {@code object removed after listing (S3 404)}), never content,
 * credentials or a URL.
 */
public final class ObjectReadException extends Exception {
    ObjectReadException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
