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

    /**
     * Sets the value.
     *
     * @param value the new value
     */
    public void set(double value) {
        BITS.setRelease(this, Double.doubleToRawLongBits(value));
    }

    /** Adds one. */
    public void inc() {
        add(1.0);
    }

    /** Subtracts one. */
    public void dec() {
        add(-1.0);
    }

    /**
     * Adds an amount atomically.
     *
     * @param amount the amount to add
     */
    public void inc(double amount) {
        add(amount);
    }

    /**
     * Subtracts an amount atomically.
     *
     * @param amount the amount to subtract
     */
    public void dec(double amount) {
        add(-amount);
    }

    /**
     * The current value.
     *
     * @return the value last set, plus what was added since; 0 before any
     */
    public double value() {
        return Double.longBitsToDouble(bits);
    }

    private void add(double amount) {
        for (; ; ) {
            long prev = bits;
            long next = Double.doubleToRawLongBits(Double.longBitsToDouble(prev) + amount);
            if (BITS.compareAndSet(this, prev, next)) {
                return;
            }
        }
    }
}
