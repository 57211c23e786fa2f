package io.tasker.metrics;

import io.tasker.metrics.snapshot.internal.Utf8;
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
    private boolean withoutPrefix;

    MetricBuilder(String name) {
        Names.checkMetricName(name);
        this.name = name;
    }

    /** The longest help text, in UTF-8 bytes: far more than a help line needs, and safe to encode in the store. */
    public static final int MAX_HELP_BYTES = 16_384;

    /**
     * The text of the {@code # HELP} line.
     *
     * @param text the help text; not null
     * @return this builder
     * @throws IllegalArgumentException when it is longer than {@value #MAX_HELP_BYTES} UTF-8 bytes
     */
    public B help(String text) {
        Objects.requireNonNull(text, "help");
        int bytes = Utf8.length(text);
        if (bytes > MAX_HELP_BYTES) {
            throw new IllegalArgumentException("Help text of metric " + name + " is " + bytes + " UTF-8 bytes; at most "
                    + MAX_HELP_BYTES + " are allowed: say it shorter, or link to a page");
        }
        this.help = text;
        return self();
    }

    /**
     * Exposes the metric under its name exactly as given, without the registry's
     * {@code metric_prefix}: for names a convention fixes, which dashboards query as they are
     * ({@code jvm_memory_used_bytes}, {@code process_cpu_seconds_total}).
     *
     * <pre>{@code
     * Gauge.builder("process_open_fds").withoutPrefix().register(registry);
     * }</pre>
     *
     * @return this builder
     */
    public B withoutPrefix() {
        this.withoutPrefix = true;
        return self();
    }

    /** The name the family is exposed under in {@code registry}: prefixed unless {@link #withoutPrefix()}. */
    String exposed(MetricRegistry registry, String base) {
        return withoutPrefix ? base : registry.options().prefixed(base);
    }

    /**
     * Label names, in the order that {@code labels(...)} takes their values.
     *
     * @param names the label names; none for a metric without labels
     * @return this builder
     */
    public B labelNames(String... names) {
        this.labelNames = names.clone();
        return self();
    }

    /**
     * Defines the family in {@code registry}, or returns the one defined there before under
     * the same name when it matches; a mismatch (another type, other labels or buckets) is an
     * {@link IllegalArgumentException} that says what differs.
     *
     * @param registry the registry to define it in
     * @return the family, new or the matching one defined before
     */
    public abstract F register(MetricRegistry registry);

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
