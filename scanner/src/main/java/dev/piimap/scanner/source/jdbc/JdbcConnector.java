package dev.piimap.scanner.source.jdbc;

import dev.piimap.scanner.config.JdbcSourceConfig;
import dev.piimap.scanner.source.ItemResult;
import dev.piimap.scanner.source.ScanContext;
import dev.piimap.scanner.source.ScanItem;
import dev.piimap.scanner.source.SourceConnector;
import dev.piimap.scanner.source.SourceException;

import java.util.List;

/** Placeholder until the connector lands in this session. */
public final class JdbcConnector implements SourceConnector {
    private final JdbcSourceConfig config;

    public JdbcConnector(JdbcSourceConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public List<ScanItem> listItems() throws SourceException {
        throw new SourceException("not built yet");
    }

    @Override
    public ItemResult scan(ScanItem item, ScanContext context) {
        throw new UnsupportedOperationException();
    }
}
