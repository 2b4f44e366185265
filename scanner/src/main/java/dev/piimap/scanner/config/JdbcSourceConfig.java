package dev.piimap.scanner.config;

import dev.piimap.scanner.source.SourceConnector;
import dev.piimap.scanner.source.jdbc.JdbcConnector;

import java.util.List;
import java.util.Objects;

/**
 * {@code type: jdbc}. Keys: {@code url}, {@code user}, {@code password} (a secret reference),
 * {@code include} (schema.table globs), {@code sample-rows} (rows per table, 0 = all).
 */
public record JdbcSourceConfig(String name, String url, String user, SecretRef password, List<String> include,
                               int sampleRows) implements SourceConfig {
    public static final int DEFAULT_SAMPLE_ROWS = 1000;

    public JdbcSourceConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        include = include == null ? List.of() : List.copyOf(include);
    }

    @Override
    public String type() {
        return "jdbc";
    }

    @Override
    public SourceConnector connector() {
        return new JdbcConnector(this);
    }

    /** The URL without user-info or query parameters, which may carry credentials. */
    public String redactedUrl() {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q) + "?…";
        return base.replaceAll("//[^/@]*@", "//***@");
    }

    @Override
    public String toString() {
        return "JdbcSourceConfig[name=" + name + ", url=" + redactedUrl() + ", user=" + user
                + ", password=" + password + ", include=" + include + ", sampleRows=" + sampleRows + "]";
    }
}
