package io.tasker.metrics.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Counts the bytes written through it, for an export's size where the target cannot tell it
 * (a stream, a device, a FIFO). Closing it closes the target only when it owns the target.
 */
final class CountingOutputStream extends FilterOutputStream {
    private final boolean ownsTarget;
    private long count;

    CountingOutputStream(OutputStream target, boolean ownsTarget) {
        super(target);
        this.ownsTarget = ownsTarget;
    }

    long count() {
        return count;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        count += len;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        count++;
    }

    @Override
    public void close() throws IOException {
        if (ownsTarget) {
            super.close();
        } else {
            flush();
        }
    }
}
