package dev.piimap.scanner.extract;

import java.time.Duration;

/** The wording of every limit as it appears in outcomes: the limit's name and its configured value. */
final class LimitReasons {
    private LimitReasons() {
    }

    static String size(long maxBytes) {
        return "size limit " + bytes(maxBytes);
    }

    static String time(Duration max) {
        return "time limit " + duration(max);
    }

    static String characters(long maxChars) {
        return "character limit " + maxChars;
    }

    static String embeddedDepth(int maxDepth) {
        return "embedded depth limit " + maxDepth;
    }

    static String embeddedCount(int maxCount) {
        return "embedded count limit " + maxCount;
    }

    static String zipBomb(long maxRatio) {
        return "zip-bomb ratio limit " + maxRatio + " (decompressed bytes over " + maxRatio + "x the item size)";
    }

    static String outputRatio(long maxRatio) {
        return "zip-bomb ratio limit " + maxRatio + " (text output over " + maxRatio + "x the input)";
    }

    static String xmlDepth(int maxDepth) {
        return "XML depth limit " + maxDepth;
    }

    static String xmlEntityExpansion() {
        return "XML entity expansion limit";
    }

    static String bytes(long n) {
        if (n >= 1L << 30 && n % (1L << 30) == 0) {
            return (n >> 30) + " GiB";
        }
        if (n >= 1L << 20 && n % (1L << 20) == 0) {
            return (n >> 20) + " MiB";
        }
        if (n >= 1L << 10 && n % (1L << 10) == 0) {
            return (n >> 10) + " KiB";
        }
        return n + " bytes";
    }

    static String duration(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
