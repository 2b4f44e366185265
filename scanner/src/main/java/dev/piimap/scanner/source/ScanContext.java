package dev.piimap.scanner.source;

import dev.piimap.classifiers.Classifier;
import dev.piimap.scanner.config.CustomDetectors;
import dev.piimap.scanner.extract.ExtractionLimits;

import java.io.Serializable;
import java.util.Objects;

/**
 * What a connector needs on the executor besides its own config: the run id (for query comments),
 * the extraction limits, whether masked samples are kept, and the user's detector specs. The
 * classifier itself is not serialized: {@link #classifier()} builds it once per JVM from the specs.
 */
public record ScanContext(String runId, ExtractionLimits limits, boolean keepSamples, CustomDetectors customDetectors)
        implements Serializable {
    public ScanContext {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(limits, "limits");
        customDetectors = customDetectors == null ? CustomDetectors.none() : customDetectors;
    }

    /** A context with the built-in detectors only. */
    public ScanContext(String runId, ExtractionLimits limits, boolean keepSamples) {
        this(runId, limits, keepSamples, CustomDetectors.none());
    }

    public Classifier classifier() {
        return customDetectors.classifier();
    }
}
