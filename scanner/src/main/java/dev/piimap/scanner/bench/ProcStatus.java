package dev.piimap.scanner.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's peak resident set size from Linux's {@code /proc/<pid>/status} ({@code VmHWM}, which the
 * kernel keeps as the high-water mark of {@code VmRSS}). Elsewhere, or once the process is gone: unknown.
 */
final class ProcStatus {
    /** Returned when the value cannot be read. */
    static final long UNKNOWN = -1;

    private ProcStatus() {
    }

    /** Peak RSS in bytes of process {@code pid} ({@code "self"} for this one), or {@link #UNKNOWN}. */
    static long peakRssBytes(String pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
            return UNKNOWN;
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
    }
}
