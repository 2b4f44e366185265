package dev.piimap.scanner.source.files;

import dev.piimap.scanner.config.FilesSourceConfig;
import dev.piimap.scanner.source.ItemResult;
import dev.piimap.scanner.source.ScanContext;
import dev.piimap.scanner.source.ScanItem;
import dev.piimap.scanner.source.SourceConnector;
import dev.piimap.scanner.source.SourceException;

import java.util.List;

/** Placeholder until the connector lands in this session. */
public final class FilesConnector implements SourceConnector {
    private final FilesSourceConfig config;

    public FilesConnector(FilesSourceConfig config) {
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
