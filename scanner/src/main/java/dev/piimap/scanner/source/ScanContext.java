package dev.piimap.scanner.source;

import dev.piimap.classifiers.Classifier;
import dev.piimap.scanner.extract.ExtractionLimits;

import java.io.Serializable;
import java.util.Objects;

/**
 * What a connector needs on the executor besides its own config: the run id (for query comments),
 * the extraction limits, and whether masked samples are kept. The classifier is not serialized:
 * {@link #classifier()} returns the JVM-wide shared instance.
 */
public record ScanContext(String runId, ExtractionLimits limits, boolean keepSamples) implements Serializable {
    public ScanContext {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(limits, "limits");
    }

    public Classifier classifier() {
        return Classifier.defaults();
    }
}
