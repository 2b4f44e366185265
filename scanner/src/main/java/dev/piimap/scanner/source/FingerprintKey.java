package dev.piimap.scanner.source;

import dev.piimap.classifiers.mask.Fingerprinter;
import dev.piimap.scanner.config.SecretRef;

import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The {@code fingerprint-key}: a {@link SecretRef} to the HMAC key of every fingerprint the scanner stores
 * (the subject index, support requester links). Travels to executors as the reference only; the secret is
 * read where fingerprints are made, on first use of each deserialized copy, and kept in a transient field,
 * so it never reaches SparkConf, options, logs or {@link #toString}. The key is the secret's UTF-8 bytes.
 */
public final class FingerprintKey implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Shorter keys make fingerprints guessable by brute force over known addresses. */
    public static final int MIN_KEY_BYTES = 16;
    static final String FIX = "use at least 32 random characters (e.g. openssl rand -hex 32)";

    private final SecretRef reference;
    private transient volatile Fingerprinter fingerprinter;

    private FingerprintKey(SecretRef reference) {
        this.reference = Objects.requireNonNull(reference, "reference");
    }

    /** The key the reference points to, or null for a null reference (no key configured). */
    public static FingerprintKey of(SecretRef reference) {
        return reference == null ? null : new FingerprintKey(reference);
    }

    public SecretRef reference() {
        return reference;
    }

    /**
     * The fingerprinter of this key, reading the secret on the first call of this copy.
     *
     * @throws UnavailableException naming the reference (never the value) when the secret cannot be read or
     *                              is shorter than {@value #MIN_KEY_BYTES} bytes
     */
    public Fingerprinter fingerprinter() {
        Fingerprinter f = fingerprinter;
        if (f == null) {
            synchronized (this) {
                f = fingerprinter;
                if (f == null) {
                    f = load(reference);
                    fingerprinter = f;
                }
            }
        }
        return f;
    }

    /**
     * Reads the secret {@code reference} points to now and makes its fingerprinter.
     *
     * @throws UnavailableException naming the reference (never the value) when the secret cannot be read or
     *                              is too short
     */
    public static Fingerprinter load(SecretRef reference) {
        String secret;
        try {
            secret = reference.resolve();
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new UnavailableException("fingerprint-key " + reference + " cannot be resolved: " + e.getMessage());
        }
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_KEY_BYTES) {
            throw new UnavailableException("fingerprint-key " + reference + " is shorter than " + MIN_KEY_BYTES
                    + " bytes; " + FIX);
        }
        return new Fingerprinter(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FingerprintKey other && reference.equals(other.reference);
    }

    @Override
    public int hashCode() {
        return reference.hashCode();
    }

    /** The reference, never the secret: {@code fingerprint-key ${env:NAME}}. */
    @Override
    public String toString() {
        return "fingerprint-key " + reference;
    }

    /** The key is configured but cannot be used; the message names the reference only. */
    public static final class UnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UnavailableException(String message) {
            super(message);
        }
    }
}
