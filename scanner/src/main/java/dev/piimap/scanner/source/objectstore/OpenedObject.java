package dev.piimap.scanner.source.objectstore;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An object opened for reading: its bytes as a stream straight from the connection (never buffered
 * whole), its size and modification time as S3 returned them. {@link #close()} aborts the connection
 * unless the stream was read to its end, so that closing early never downloads the rest. A read that
 * fails mid-stream is remembered ({@link #readFailure()}) so the outcome can name it.
 */
public final class OpenedObject implements Closeable {
    private final ResponseInputStream<GetObjectResponse> response;
    private final Stream stream;
    private final long bytes;
    private final long modifiedMillis;

    OpenedObject(ResponseInputStream<GetObjectResponse> response) {
        this.response = response;
        this.stream = new Stream(response);
        GetObjectResponse r = response.response();
        this.bytes = r.contentLength() == null ? -1 : r.contentLength();
        this.modifiedMillis = r.lastModified() == null ? -1 : r.lastModified().toEpochMilli();
    }

    /** The object's bytes; the caller may close it (which closes this object) or close this object. */
    public InputStream stream() {
        return stream;
    }

    /** Size in bytes, or -1 when S3 did not say. */
    public long bytes() {
        return bytes;
    }

    /** Last modification (epoch millis), or -1 when S3 did not say. */
    public long modifiedMillis() {
        return modifiedMillis;
    }

    /** Why reading the object's bytes failed after it was opened ({@code object read failed mid-stream (...)}), or null. */
    public String readFailure() {
        return stream.failure;
    }

    /** Aborts the connection unless the object was read to its end. Idempotent; never throws. */
    @Override
    public void close() {
        stream.close();
    }

    private final class Stream extends FilterInputStream {
        private volatile boolean atEnd;
        private volatile boolean closed;
        private volatile String failure;

        Stream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                int b = super.read();
                atEnd |= b < 0;
                return b;
            } catch (IOException | RuntimeException e) {
                note(e);
                throw e;
            }
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            try {
                int n = super.read(buffer, off, len);
                atEnd |= n < 0;
                return n;
            } catch (IOException | RuntimeException e) {
                note(e);
                throw e;
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return super.skip(n);
            } catch (IOException | RuntimeException e) {
                note(e);
                throw e;
            }
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (!atEnd) {
                response.abort();
            }
            try {
                response.close();
            } catch (IOException | RuntimeException e) {
                // Aborted or fully read: nothing is left to release that a failing close would keep.
            }
        }

        private void note(Exception e) {
            if (failure == null && !closed) {
                failure = "object read failed mid-stream (" + S3Failures.clientFailure(e) + ")";
            }
        }
    }
}
