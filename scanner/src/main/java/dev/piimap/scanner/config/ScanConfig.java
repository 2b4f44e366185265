package dev.piimap.scanner.config;

import dev.piimap.scanner.extract.ExtractionLimits;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A parsed, validated scan.yaml (CONTRACT.md section 5, plus the documented extensions
 * {@code extraction:} and {@code samples:}).
 *
 * @param datamap     where the data map lives: a path or a URI ({@code file:}, {@code s3a:})
 * @param sparkMaster the Spark master URL; {@code --master} overrides it
 * @param sources     the sources, names unique
 * @param limits      extraction limits for file-like content
 * @param keepSamples whether masked samples are written to the data map (default true)
 * @param detectors   the user's detector specs from the folder named by {@code detectors:} (none by default)
 * @param datamapS3   endpoint and credential references of a data map on {@code s3a://} ({@code datamap-s3:}),
 *                    or null for S3A's defaults and for data maps elsewhere
 * @param fingerprintKey the top-level {@code fingerprint-key}: the HMAC key of the run's subject index (and the
 *                    default of support sources' requester links); null when not set, and then no subject index
 * @param maxTimePerSource {@code extraction.max-seconds-per-source}: how long after the scan starts each source's
 *                    items may still start; later ones are {@code skipped}. Zero: no budget. Not part of what makes
 *                    runs comparable for carrying items forward (a skipped item is never carried)
 */
public record ScanConfig(String datamap, String sparkMaster, List<SourceConfig> sources, ExtractionLimits limits,
                         boolean keepSamples, CustomDetectors detectors, FilesSourceConfig.S3Options datamapS3,
                         SecretRef fingerprintKey, Duration maxTimePerSource) {
    public static final String DEFAULT_SPARK_MASTER = "local[*]";

    public ScanConfig {
        Objects.requireNonNull(datamap, "datamap");
        Objects.requireNonNull(sparkMaster, "sparkMaster");
        Objects.requireNonNull(limits, "limits");
        sources = List.copyOf(sources);
        detectors = detectors == null ? CustomDetectors.none() : detectors;
        maxTimePerSource = maxTimePerSource == null ? Duration.ZERO : maxTimePerSource;
        if (maxTimePerSource.isNegative()) {
            throw new IllegalArgumentException("maxTimePerSource must not be negative");
        }
    }

    public ScanConfig(String datamap, String sparkMaster, List<SourceConfig> sources, ExtractionLimits limits,
                      boolean keepSamples, CustomDetectors detectors, FilesSourceConfig.S3Options datamapS3,
                      SecretRef fingerprintKey) {
        this(datamap, sparkMaster, sources, limits, keepSamples, detectors, datamapS3, fingerprintKey, Duration.ZERO);
    }

    public ScanConfig(String datamap, String sparkMaster, List<SourceConfig> sources, ExtractionLimits limits,
                      boolean keepSamples, CustomDetectors detectors, FilesSourceConfig.S3Options datamapS3) {
        this(datamap, sparkMaster, sources, limits, keepSamples, detectors, datamapS3, null);
    }

    public ScanConfig(String datamap, String sparkMaster, List<SourceConfig> sources, ExtractionLimits limits,
                      boolean keepSamples, CustomDetectors detectors) {
        this(datamap, sparkMaster, sources, limits, keepSamples, detectors, null, null);
    }

    public ScanConfig withSparkMaster(String master) {
        return new ScanConfig(datamap, master, sources, limits, keepSamples, detectors, datamapS3, fingerprintKey,
                maxTimePerSource);
    }

    /** The same config with another per-source time budget (zero: none). */
    public ScanConfig withMaxTimePerSource(Duration budget) {
        return new ScanConfig(datamap, sparkMaster, sources, limits, keepSamples, detectors, datamapS3, fingerprintKey, budget);
    }
}
