package dev.piimap.scanner.source.files;

import dev.piimap.scanner.extract.DocumentOutcome;
import dev.piimap.scanner.extract.DocumentSink;
import dev.piimap.scanner.extract.ExtractionLimits;
import dev.piimap.scanner.extract.TextExtractor;
import dev.piimap.scanner.source.ItemStatus;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Extracts one file of a files source, local or in an object store. A single compressed file, known
 * by its name ({@code .gz}, {@code .bz2}, {@code .zst}), is decompressed on the fly and extracted as
 * the file itself: the extractor sees the inner name ({@code a/b.csv} for {@code a/b.csv.gz}) to detect
 * the type, while outcomes and findings keep the file's path ({@code a/b.csv.gz}, and
 * {@code a/b.tar.gz!/entry} for what is inside). The decompressed bytes may total at most the
 * zip-bomb ratio times the file's size (at least 1 MiB), the rule archive entries follow; past it the
 * file ends {@code truncated} (or {@code skipped} when nothing was read) naming that limit.
 */
final class Decompression {
    /** Files smaller than this are measured against it, as the extractor measures archives. */
    static final long MIN_RATIO_BASE_BYTES = 1L << 20;

    /** The compressions a name can announce. */
    enum Codec {
        GZIP(".gz", "GZIP"),
        BZIP2(".bz2", "BZIP2"),
        ZSTD(".zst", "ZSTD");

        final String suffix;
        final String label;

        Codec(String suffix, String label) {
            this.suffix = suffix;
            this.label = label;
        }

        InputStream open(InputStream in) throws IOException {
            return switch (this) {
                case GZIP -> new GZIPInputStream(in, 64 * 1024);
                case BZIP2 -> new BZip2CompressorInputStream(in, true);
                case ZSTD -> new ZstdCompressorInputStream(in);
            };
        }
    }

    private Decompression() {
    }

    /** The compression {@code path}'s name announces, or null. */
    static Codec codecOf(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        for (Codec codec : Codec.values()) {
            int nameStart = lower.lastIndexOf('/') + 1;
            if (lower.endsWith(codec.suffix) && lower.length() - codec.suffix.length() > nameStart) {
                return codec;
            }
        }
        return null;
    }

    /**
     * Extracts {@code raw}, decompressing it when its name says so, and reports to {@code sink} under
     * {@code path}. Never throws; closes {@code raw}.
     *
     * @param size the file's size in bytes (compressed), or -1 when unknown
     */
    static void extract(TextExtractor extractor, ExtractionLimits limits, InputStream raw, String path, long size,
                        DocumentSink sink) {
        Codec codec = size == 0 ? null : codecOf(path);
        if (codec == null) {
            try {
                extractor.extract(raw, path, size, sink);
            } finally {
                closeQuietly(raw);
            }
            return;
        }
        InputStream decoded = null;
        try {
            try {
                decoded = codec.open(raw);
            } catch (IOException e) {
                single(sink, path, size, DocumentOutcome.error("corrupt or unparseable " + codec.label + " ("
                        + e.getClass().getSimpleName() + ")"));
                return;
            } catch (LinkageError e) { // zstd-jni without a native library for this platform
                single(sink, path, size, DocumentOutcome.skipped(codec.label.toLowerCase(Locale.ROOT)
                        + " not supported (" + e.getClass().getSimpleName() + ")"));
                return;
            }
            String inner = path.substring(0, path.length() - codec.suffix.length());
            RatioLimited limited = new RatioLimited(decoded, budget(size, limits.maxZipRatio()),
                    "zip-bomb ratio limit " + limits.maxZipRatio() + " (decompressed bytes over "
                            + limits.maxZipRatio() + "x the item size)");
            extractor.extract(limited, inner, -1, new Renaming(sink, inner, path, limited));
        } finally {
            // The source stream first: closing it ends a read still blocked on it (an abandoned parse).
            closeQuietly(raw);
            if (decoded != null) {
                closeQuietly(decoded);
            }
        }
    }

    private static long budget(long size, long ratio) {
        long base = Math.max(size, MIN_RATIO_BASE_BYTES);
        long high = Math.multiplyHigh(base, ratio);
        long low = base * ratio;
        return high == 0 && low >= 0 ? low : Long.MAX_VALUE;
    }

    private static void single(DocumentSink sink, String path, long size, DocumentOutcome outcome) {
        sink.start(path, size >= 0 ? size : null);
        sink.end(path, outcome);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException | RuntimeException e) {
            // Read already; a failing close changes no outcome.
        }
    }

    /** Stops the decompressed stream once it has given more bytes than the budget. */
    private static final class RatioLimited extends FilterInputStream {
        private final long budget;
        private final String reason;
        private long read;
        private volatile boolean exceeded;

        RatioLimited(InputStream in, long budget, String reason) {
            super(in);
            this.budget = budget;
            this.reason = reason;
        }

        @Override
        public int read() throws IOException {
            check();
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            check();
            int n = super.read(buffer, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            check();
            long skipped = super.skip(n);
            count(Math.max(0, skipped));
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public void close() {
            // Decompression.extract closes the streams underneath, source first.
        }

        private void count(long n) throws IOException {
            read += n;
            if (read > budget) {
                exceeded = true;
                check();
            }
        }

        private void check() throws IOException {
            if (exceeded) {
                throw new IOException(reason);
            }
        }
    }

    /**
     * Puts the file's path back on the documents the extractor reports under the inner name, and names
     * the zip-bomb limit on every document that it cut.
     */
    private static final class Renaming implements DocumentSink {
        private final DocumentSink target;
        private final String inner;
        private final String path;
        private final RatioLimited limited;
        private final Set<String> hadContent = new HashSet<>();

        Renaming(DocumentSink target, String inner, String path, RatioLimited limited) {
            this.target = target;
            this.inner = inner;
            this.path = path;
            this.limited = limited;
        }

        @Override
        public void start(String p, Long bytes) {
            String parent = p.contains("!/") ? p.substring(0, p.lastIndexOf("!/")) : null;
            if (parent != null) {
                hadContent.add(parent);
            }
            target.start(renamed(p), bytes);
        }

        @Override
        public void text(String p, CharSequence chunk) {
            hadContent.add(p);
            target.text(renamed(p), chunk);
        }

        @Override
        public void end(String p, DocumentOutcome outcome) {
            DocumentOutcome o = outcome;
            if (limited.exceeded && (o.status() != ItemStatus.OK || p.equals(inner))) {
                o = hadContent.contains(p) ? DocumentOutcome.truncated(limited.reason) : DocumentOutcome.skipped(limited.reason);
            }
            target.end(renamed(p), o);
        }

        private String renamed(String p) {
            if (p.equals(inner)) {
                return path;
            }
            return p.startsWith(inner + "!/") ? path + p.substring(inner.length()) : p;
        }
    }
}
