package dev.piimap.scanner.source;

import dev.piimap.classifiers.Classifier;
import dev.piimap.classifiers.mask.Fingerprinter;
import dev.piimap.classifiers.summary.SubjectCollector;
import dev.piimap.scanner.config.CustomDetectors;
import dev.piimap.scanner.config.SecretRef;
import dev.piimap.scanner.extract.ExtractionLimits;

import java.io.Serializable;
import java.util.Objects;

/**
 * What a connector needs on the executor besides its own config: the run id (for query comments),
 * the extraction limits, whether masked samples are kept, the user's detector specs, and the run's
 * {@code fingerprint-key} for the subject index (null: no index). The classifier itself is not
 * serialized: {@link #classifier()} builds it once per JVM from the specs; the key travels as its
 * reference and is read on first use ({@link FingerprintKey}).
 */
public record ScanContext(String runId, ExtractionLimits limits, boolean keepSamples, CustomDetectors customDetectors,
                          FingerprintKey subjectKey) implements Serializable {
    public ScanContext {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(limits, "limits");
        customDetectors = customDetectors == null ? CustomDetectors.none() : customDetectors;
    }

    /** A context without a subject index. */
    public ScanContext(String runId, ExtractionLimits limits, boolean keepSamples, CustomDetectors customDetectors) {
        this(runId, limits, keepSamples, customDetectors, null);
    }

    /** A context with the built-in detectors only and without a subject index. */
    public ScanContext(String runId, ExtractionLimits limits, boolean keepSamples) {
        this(runId, limits, keepSamples, CustomDetectors.none(), null);
    }

    /** This context building the subject index under the key {@code key} refers to (null: no index). */
    public ScanContext withSubjectKey(SecretRef key) {
        return new ScanContext(runId, limits, keepSamples, customDetectors, FingerprintKey.of(key));
    }

    public Classifier classifier() {
        return customDetectors.classifier();
    }

    /**
     * The fingerprinter of the subject index, or null when the run keeps none.
     *
     * @throws FingerprintKey.UnavailableException naming the key's reference when it cannot be read here; the
     *                                             connector makes that the item's error outcome
     */
    public Fingerprinter subjectFingerprinter() {
        return subjectKey == null ? null : subjectKey.fingerprinter();
    }

    /** A fresh subject index for one asset, or null when the run keeps none (see {@link #subjectFingerprinter}). */
    public SubjectCollector newSubjectCollector() {
        Fingerprinter f = subjectFingerprinter();
        return f == null ? null : new SubjectCollector(f);
    }
}
