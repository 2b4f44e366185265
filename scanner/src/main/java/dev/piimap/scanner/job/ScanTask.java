package dev.piimap.scanner.job;

import dev.piimap.scanner.source.ScanItem;

import java.io.Serializable;

/** One item to scan, with the index of its source's connector in the broadcast connector list. */
record ScanTask(int connectorIndex, ScanItem item) implements Serializable {
}
