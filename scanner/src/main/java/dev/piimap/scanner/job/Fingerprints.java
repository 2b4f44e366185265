package dev.piimap.scanner.job;

import dev.piimap.classifiers.Classifier;
import dev.piimap.classifiers.detect.Detector;
import dev.piimap.scanner.config.CustomDetectors;
import dev.piimap.scanner.config.ScanConfig;
import dev.piimap.scanner.config.SourceConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Hashes of what decides a scan's results besides the item itself, so that an incremental run never
 * carries forward rows that the current config would not produce.
 * <ul>
 *   <li>{@link #detection}: the scanner version, the built-in detectors (ids and types), the custom
 *       detector specs (file names and texts), {@code samples}, the extraction limits, whether OCR
 *       runs (Tesseract installed on the driver) and the id of the {@code fingerprint-key} (a changed key
 *       makes every stored fingerprint stale: the subject index and requester links are rebuilt, never
 *       carried under the old key). Stored in the run row.</li>
 *   <li>{@link #scan}: the detection fingerprint plus one source's settings (its config record as
 *       printed: type, URL without parameters, sampling, include globs, ...; secrets appear only as
 *       references). Stored per item: changing one source's settings rescans that source only.</li>
 * </ul>
 * A change to a built-in detector's patterns without a version change (a development build, whose
 * version is {@code dev}) is not seen: run with {@code --full} then.
 */
final class Fingerprints {
    private Fingerprints() {
    }

    /** @param fingerprintKeyId the run's key id ({@code Fingerprinter.keyId()}), or null without a key */
    static String detection(ScanConfig config, String fingerprintKeyId) {
        StringBuilder text = new StringBuilder("piimap-detection-v1\n");
        text.append("version=").append(ScannerVersion.current()).append('\n');
        for (Detector d : Classifier.defaults().detectors()) {
            text.append("builtin=").append(d.id()).append(':').append(d.type()).append('\n');
        }
        for (CustomDetectors.Spec spec : config.detectors().specs()) {
            text.append("custom=").append(spec.file()).append('\n').append(sha256(spec.yaml())).append('\n');
        }
        text.append("samples=").append(config.keepSamples()).append('\n');
        text.append("limits=").append(config.limits()).append('\n');
        // Installing Tesseract turns "skipped: no OCR engine" images into readable ones: rescan them.
        text.append("ocr-active=").append(config.limits().ocr().active()).append('\n');
        // Only with a key, so runs without one keep the fingerprint they had before the subject index existed.
        if (fingerprintKeyId != null) {
            text.append("fingerprint-key-id=").append(fingerprintKeyId).append('\n');
        }
        return sha256(text.toString());
    }

    static String scan(String detectionFingerprint, SourceConfig source) {
        return sha256(detectionFingerprint + "\n" + source.type() + "\n" + source);
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
