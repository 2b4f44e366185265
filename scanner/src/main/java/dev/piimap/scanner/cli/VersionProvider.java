package dev.piimap.scanner.cli;

import dev.piimap.scanner.job.ScannerVersion;
import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[]{"piimap " + ScannerVersion.current()};
    }
}
