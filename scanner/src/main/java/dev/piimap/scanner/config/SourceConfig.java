package dev.piimap.scanner.config;

import dev.piimap.scanner.source.SourceConnector;

import java.io.Serializable;

/** One entry of {@code sources:} in scan.yaml. Each type is one record; {@link #connector()} builds its connector. */
public sealed interface SourceConfig extends Serializable permits JdbcSourceConfig, FilesSourceConfig, SupportSourceConfig {
    /** Unique name; the {@code source} of every asset found in it. */
    String name();

    /** The {@code type:} key, e.g. {@code jdbc}, {@code files}. */
    String type();

    SourceConnector connector();
}
