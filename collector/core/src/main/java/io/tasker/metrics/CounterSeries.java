package io.tasker.metrics;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * One series of a counter. Whole increments go to a striped long, the same scheme as
 * {@code LongAdder} but inlined here so that a series costs one small object: a single
 * compare-and-swap on the base value while uncontended; once two threads collide, each thread
 * adds into one of a few padded stripes. Fractional increments go to a {@link DoubleAdder}
 * created the first time one arrives.
 *
 * <pre>{@code
 * CounterSeries success = executions.labels("success", "payment_processing");
 * success.inc();
 * }</pre>
 */
public final class CounterSeries extends Series {
    /** Longs per stripe: 16 longs (128 bytes) keep two stripes off one cache line pair. */
    private static final int STRIDE = 16;
    /**
     * Longs before the first stripe: every access reads the array's length for its bounds
     * check, so a stripe on the header's cache lines would be falsely shared by all threads.
     */
    private static final int HEADER_PAD = 16;

    private static final VarHandle BASE;
    private static final VarHandle STRIPES_REF;
    private static final VarHandle CELLS = MethodHandles.arrayElementVarHandle(long[].class);

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            BASE = l.findVarHandle(CounterSeries.class, "base", long.class);
            STRIPES_REF = l.findVarHandle(CounterSeries.class, "stripes", long[].class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String metric;
    private volatile long base;
    private volatile long[] stripes;
    private volatile DoubleAdder fraction;

    CounterSeries(String metric, String[] labelValues, int hash) {
        super(labelValues, hash);
        this.metric = metric;
    }

    /** Adds one. */
    public void inc() {
        add(1L);
    }

    /**
     * Adds a whole, non-negative amount.
     *
     * @param amount the amount to add
     * @throws IllegalArgumentException for a negative amount, naming the counter
     */
    public void inc(long amount) {
        if (amount < 0) {
            throw negative(amount);
        }
        add(amount);
    }

    /**
     * Adds a non-negative, finite amount; fractions are kept exactly as doubles add up.
     *
     * @param amount the amount to add
     * @throws IllegalArgumentException for a negative, NaN or infinite amount, naming the counter
     */
    public void inc(double amount) {
        if (!(amount >= 0) || amount == Double.POSITIVE_INFINITY) {
            throw negative(amount);
        }
        long whole = (long) amount;
        if (whole == amount && whole != Long.MAX_VALUE) {
            add(whole);
        } else {
            fraction().add(amount);
        }
    }

    /**
     * The total so far.
     *
     * @return the sum of every increment
     */
    public double value() {
        long sum = base;
        long[] s = stripes;
        if (s != null) {
            for (int i = HEADER_PAD; i < s.length; i += STRIDE) {
                sum += (long) CELLS.getVolatile(s, i);
            }
        }
        DoubleAdder f = fraction;
        return f == null ? (double) sum : sum + f.sum();
    }

    private void add(long n) {
        if (stripes == null) {
            long b = base;
            if (BASE.compareAndSet(this, b, b + n)) {
                return;
            }
        }
        addContended(n);
    }

    private void addContended(long n) {
        long[] s = stripes;
        if (s == null) {
            s = new long[HEADER_PAD + ThreadProbe.STRIPES * STRIDE];
            if (!STRIPES_REF.compareAndSet(this, null, s)) {
                s = stripes;
            }
        }
        int mask = ThreadProbe.STRIPES - 1;
        // First the stripe of the thread's id: a final field, where the probe costs a
        // thread-local lookup. Threads made one after another get neighbouring stripes.
        int i = HEADER_PAD + ((int) Thread.currentThread().getId() & mask) * STRIDE;
        long v = (long) CELLS.getVolatile(s, i);
        if (CELLS.compareAndSet(s, i, v, v + n)) {
            return;
        }
        for (int h = ThreadProbe.advance(); ; h = ThreadProbe.advance()) {
            i = HEADER_PAD + (h & mask) * STRIDE;
            v = (long) CELLS.getVolatile(s, i);
            if (CELLS.compareAndSet(s, i, v, v + n)) {
                return;
            }
        }
    }

    private DoubleAdder fraction() {
        DoubleAdder f = fraction;
        if (f == null) {
            synchronized (this) {
                f = fraction;
                if (f == null) {
                    f = new DoubleAdder();
                    fraction = f;
                }
            }
        }
        return f;
    }

    private IllegalArgumentException negative(double amount) {
        return new IllegalArgumentException("Increment " + amount + " is illegal for counter " + metric
                + ": a counter only goes up by a finite amount >= 0 (use a gauge for values that go down)");
    }
}
