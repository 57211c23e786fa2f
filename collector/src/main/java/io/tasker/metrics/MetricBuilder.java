package io.tasker.metrics;

import java.util.List;
import java.util.Objects;

/**
 * What every family is defined with: a name, a help text and label names.
 *
 * @param <B> the concrete builder, returned by each setter
 * @param <F> the family it registers
 */
public abstract class MetricBuilder<B extends MetricBuilder<B, F>, F extends MetricFamily<?>> {
    final String name;
    String help = "";
    String[] labelNames = new String[0];

    MetricBuilder(String name) {
        Names.checkMetricName(name);
        this.name = name;
    }

    /** The text of the {@code # HELP} line. */
    public B help(String text) {
        this.help = Objects.requireNonNull(text, "help");
        return self();
    }

    /** Label names, in the order that {@code labels(...)} takes their values. */
    public B labelNames(String... names) {
        this.labelNames = names.clone();
        return self();
    }

    /**
     * Defines the family in {@code registry}, or returns the one defined there before under
     * the same name when it matches; a mismatch (another type, other labels or buckets) is an
     * {@link IllegalArgumentException} that says what differs.
     */
    public abstract F register(MetricRegistry registry);


    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
