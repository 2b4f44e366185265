package dev.piimap.scanner.config;

import dev.piimap.scanner.source.SourceConnector;
import dev.piimap.scanner.source.files.FilesConnector;

import java.util.List;
import java.util.Objects;

/**
 * {@code type: files}. Keys: {@code root} (a plain path, {@code file:///path} or {@code s3a://bucket/prefix/}),
 * {@code include} (globs relative to the root, default all), {@code s3} (endpoint and credentials).
 */
public record FilesSourceConfig(String name, String root, List<String> include, S3Options s3) implements SourceConfig {
    public FilesSourceConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(root, "root");
        include = include == null || include.isEmpty() ? List.of("**") : List.copyOf(include);
    }

    @Override
    public String type() {
        return "files";
    }

    @Override
    public SourceConnector connector() {
        return new FilesConnector(this);
    }

    /**
     * {@code s3:} block of a files source. Credentials are secret references, resolved only where an S3
     * client is built (the driver to list, each executor to read); toString masks nothing because it holds
     * none. Unset {@code region} signs for us-east-1; with neither key set the AWS default credential chain applies.
     */
    public record S3Options(String endpoint, boolean pathStyle, SecretRef accessKey, SecretRef secretKey, String region)
            implements java.io.Serializable {
    }
}
