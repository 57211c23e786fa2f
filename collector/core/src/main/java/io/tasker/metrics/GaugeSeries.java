package io.tasker.metrics;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One series of a gauge: a double that can be set, raised and lowered.
 *
 * <pre>{@code
 * queueDepth.labels("default").set(42);
 * }</pre>
 */
public final class GaugeSeries extends Series {
    private static final VarHandle BITS;

    static {
        try {
            BITS = MethodHandles.lookup().findVarHandle(GaugeSeries.class, "bits", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile long bits;

    GaugeSeries(String[] labelValues, int hash) {
        super(labelValues, hash);
    }

    /** Sets the value; the last set wins. */
    public void set(double value) {
        BITS.setRelease(this, Double.doubleToRawLongBits(value));
    }

    /** Raises the value by one. */
    public void inc() {
        add(1.0);
    }

    /** Lowers the value by one. */
    public void dec() {
        add(-1.0);
    }

    /** Raises the value by {@code amount}, atomically: concurrent changes all count. */
    public void inc(double amount) {
        add(amount);
    }

    /** Lowers the value by {@code amount}, atomically: concurrent changes all count. */
    public void dec(double amount) {
        add(-amount);
    }

    /** The value now. */
    public double value() {
        return Double.longBitsToDouble(bits);
    }

    private void add(double amount) {
        for (;;) {
            long prev = bits;
            long next = Double.doubleToRawLongBits(Double.longBitsToDouble(prev) + amount);
            if (BITS.compareAndSet(this, prev, next)) {
                return;
            }
        }
    }
}
