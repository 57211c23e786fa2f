package io.tasker.metrics.benchmarks;

import java.io.OutputStream;

/**
 * An output stream that discards what it is given but counts the bytes, so that an export
 * benchmark measures the writer and not the destination, and a test can check that both
 * libraries wrote comparable output. Unlike {@link OutputStream#nullOutputStream()} it has no
 * closed check on each write.
 */
public final class NullOutput extends OutputStream {
    private long bytes;

    @Override
    public void write(int b) {
        bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        bytes += len;
    }

    public long bytes() {
        return bytes;
    }
}
