package dev.piimap.scanner.source;

import java.util.Locale;

/** The one outcome every listed item (and every asset found inside it) ends with. */
public enum ItemStatus {
    /** Read and classified completely. */
    OK,
    /** Read and classified in part: a limit (characters, bytes, time, depth) cut it; the detail names the limit. */
    TRUNCATED,
    /** Deliberately not read (empty, unsupported, encrypted, over a limit); the detail says why. */
    SKIPPED,
    /** Reading failed; the detail names the failure class and code, never content. */
    ERROR;

    /** Wire name used in the data map and exports: {@code ok}, {@code truncated}, {@code skipped}, {@code error}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
