package io.tasker.metrics;

import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.GaugeSnapshot;
import io.tasker.metrics.snapshot.HistogramSnapshot;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.snapshot.MetricMetadata;
import io.tasker.metrics.snapshot.MetricType;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The collector's registry of metrics: it
 * defines counters, gauges and histograms, records into them from any thread, and takes
 * immutable snapshots of them.
 *
 * <p>Two ways to record. Bound handles for hot paths:
 * <pre>{@code
 * Counter executions = registry.counter("task_executions_total", "status", "task_name");
 * executions.labels("success", "payment_processing").inc();
 * }</pre>
 * and the one-call style, which looks the metric up by name each time (handy where a call site is cold):
 * <pre>{@code
 * registry.incrementCounter("task_executions_total", 1, "status", "success", "task_name", "payment_processing");
 * registry.setGauge("queue_depth", 42, "queue", "default");
 * registry.observeHistogram("task_duration_seconds", 0.42, "task_name", "payment_processing");
 * }</pre>
 *
 * <p>Errors: defining a metric fails fast with an {@link IllegalArgumentException} that names
 * the metric (a bad name or label, another type or other labels under a known name). Recording
 * throws only for a caller's bug (a negative counter increment, a NaN observation, a wrong
 * number of label values, a null label value).
 */
public final class MetricRegistry {
    // The JDK's System.Logger, so that the core needs no logging library: it reaches SLF4J, Log4j
    // or java.util.logging through whichever bridge the application has (docs/collector.md).
    private static final System.Logger LOG = System.getLogger(MetricRegistry.class.getName());
    private static final MetricRegistry DEFAULT = new MetricRegistry(RegistryOptions.defaults());

    private final RegistryOptions options;
    private final ConcurrentHashMap<String, MetricFamily<?>> families = new ConcurrentHashMap<>();
    /** Families by the name a caller of the one-call style used, so a lookup costs no string work. */
    private final ConcurrentHashMap<String, MetricFamily<?>> byRequestedName = new ConcurrentHashMap<>();
    /** Every sample name each family writes (x_total, x_bucket, ...), against collisions. */
    private final Map<String, String> sampleNames = new HashMap<>();

    private final LongAdder truncatedLabelValues = new LongAdder();
    private final List<Runnable> snapshotHooks = new CopyOnWriteArrayList<>();
    private final LongAdder failedSnapshotHooks = new LongAdder();

    /** A registry with {@link RegistryOptions#defaults()}: prefix {@code tasker}, the system clock. */
    public MetricRegistry() {
        this(RegistryOptions.defaults());
    }

    /**
     * A registry that names and bounds its metrics as {@code options} say.
     *
     * @param options the prefix, series and label-length limits, and clock to use
     */
    public MetricRegistry(RegistryOptions options) {
        this.options = options;
    }

    /**
     * The process-wide registry, for code that has no registry handed to it.
     *
     * @return the one registry with default options that this class holds
     */
    public static MetricRegistry defaultRegistry() {
        return DEFAULT;
    }

    /**
     * The options this registry was made with.
     *
     * @return its prefix, limits and clock
     */
    public RegistryOptions options() {
        return options;
    }

    /**
     * Defines (or returns) a counter with these label names.
     *
     * @param name the metric name, with or without {@code _total}
     * @param labelNames the label names, in the order {@code labels(...)} takes their values
     * @return the counter family
     * @throws IllegalArgumentException for a bad name or label, or when the name is taken by
     *     another type or other labels
     */
    public Counter counter(String name, String... labelNames) {
        return Counter.builder(name).labelNames(labelNames).register(this);
    }

    /**
     * Defines (or returns) a gauge with these label names.
     *
     * @param name the metric name
     * @param labelNames the label names, in the order {@code labels(...)} takes their values
     * @return the gauge family
     * @throws IllegalArgumentException for a bad name or label, or when the name is taken by
     *     another type or other labels
     */
    public Gauge gauge(String name, String... labelNames) {
        return Gauge.builder(name).labelNames(labelNames).register(this);
    }

    /**
     * Defines (or returns) a histogram with the default buckets and these label names.
     *
     * @param name the metric name
     * @param labelNames the label names, in the order {@code labels(...)} takes their values
     * @return the histogram family
     * @throws IllegalArgumentException for a bad name or label, or when the name is taken by
     *     another type, other labels or other buckets
     */
    public Histogram histogram(String name, String... labelNames) {
        return Histogram.builder(name).labelNames(labelNames).register(this);
    }

    /**
     * Adds {@code amount} to a counter, defining it on first use with the label names given: the
     * design's one-call style. Its name says it records, so it cannot be taken for
     * {@link #counter(String, String...)}, which defines.
     *
     * <pre>{@code
     * registry.incrementCounter("task_executions_total", 1, "status", "success", "task_name", "payment");
     * }</pre>
     *
     * @param name the metric name, with or without {@code _total}
     * @param amount a non-negative, finite amount to add
     * @param labelPairs alternating label names and values
     */
    public void incrementCounter(String name, double amount, String... labelPairs) {
        Counter c = lookup(name, Counter.class, labelPairs, n -> counter(name, n));
        series(c, labelPairs).inc(amount);
    }

    /**
     * Sets a gauge, defining it on first use with the label names given.
     *
     * @param name the metric name
     * @param value the new value
     * @param labelPairs alternating label names and values
     */
    public void setGauge(String name, double value, String... labelPairs) {
        Gauge g = lookup(name, Gauge.class, labelPairs, n -> gauge(name, n));
        series(g, labelPairs).set(value);
    }

    /**
     * Records an observation into a histogram, defining it on first use with the default buckets.
     *
     * @param name the metric name
     * @param value the observation; not NaN
     * @param labelPairs alternating label names and values
     */
    public void observeHistogram(String name, double value, String... labelPairs) {
        Histogram h = lookup(name, Histogram.class, labelPairs, n -> histogram(name, n));
        series(h, labelPairs).observe(value);
    }

    /**
     * {@link #incrementCounter(String, double, String...)} with the labels as a map.
     *
     * @param name the metric name, with or without {@code _total}
     * @param amount a non-negative, finite amount to add
     * @param labels label values by label name
     */
    public void incrementCounter(String name, double amount, Map<String, String> labels) {
        incrementCounter(name, amount, pairs(labels));
    }

    /**
     * {@link #setGauge(String, double, String...)} with the labels as a map.
     *
     * @param name the metric name
     * @param value the new value
     * @param labels label values by label name
     */
    public void setGauge(String name, double value, Map<String, String> labels) {
        setGauge(name, value, pairs(labels));
    }

    /**
     * {@link #observeHistogram(String, double, String...)} with the labels as a map.
     *
     * @param name the metric name
     * @param value the observation; not NaN
     * @param labels label values by label name
     */
    public void observeHistogram(String name, double value, Map<String, String> labels) {
        observeHistogram(name, value, pairs(labels));
    }

    /**
     * The families defined so far, by exposed name.
     *
     * @return a new list, sorted by name
     */
    public List<MetricFamily<?>> families() {
        List<MetricFamily<?>> list = new ArrayList<>(families.values());
        list.sort(Comparator.comparing(MetricFamily::name));
        return list;
    }

    /**
     * Label values cut to {@link RegistryOptions#maxLabelValueLength()} so far.
     *
     * @return how many values were cut since the registry was made
     */
    public long truncatedLabelValues() {
        return truncatedLabelValues.sum();
    }

    /**
     * Observations the quantile sketches could not take, over every histogram ({@link Histogram#sketchRejected()}).
     *
     * @return the total over all histogram families
     */
    public long sketchRejectedObservations() {
        return families().stream()
                .filter(f -> f instanceof Histogram)
                .mapToLong(f -> ((Histogram) f).sketchRejected())
                .sum();
    }

    /**
     * An immutable picture of every family, sorted by name; each series in it is consistent
     * (a histogram's count equals its {@code +Inf} bucket) even while other threads record.
     * The hooks given to {@link #beforeSnapshot(Runnable)} run first.
     *
     * @return the snapshot, stamped with the registry clock's time
     */
    public MetricsSnapshot snapshot() {
        runSnapshotHooks();
        List<MetricFamilySnapshot> list = new ArrayList<>(families.size());
        for (MetricFamily<?> f : families()) {
            list.add(f.snapshot());
        }
        return new MetricsSnapshot(options.clock().instant(), list);
    }

    /**
     * Runs {@code hook} at the start of every {@link #snapshot()}, before any family is read.
     * Values that live outside the collector (a bridged registry's function counters and
     * callback gauges) are copied into their series then, so that every snapshot, sync and
     * export sees them as fresh as a scrape would. A hook that throws is logged and counted in
     * {@link #failedSnapshotHooks()}; the snapshot goes on without it.
     *
     * <pre>{@code
     * registry.beforeSnapshot(() -> poolSize.set(pool.size()));
     * }</pre>
     *
     * @param hook the code to run; not null
     */
    public void beforeSnapshot(Runnable hook) {
        snapshotHooks.add(Objects.requireNonNull(hook, "hook"));
    }

    /**
     * Stops running a hook given to {@link #beforeSnapshot(Runnable)}.
     *
     * @param hook the hook given before; nothing happens when it is not there
     */
    public void removeSnapshotHook(Runnable hook) {
        snapshotHooks.remove(hook);
    }

    /**
     * Snapshot hooks that threw so far.
     *
     * @return how many hook runs failed since the registry was made
     */
    public long failedSnapshotHooks() {
        return failedSnapshotHooks.sum();
    }

    private void runSnapshotHooks() {
        for (Runnable hook : snapshotHooks) {
            try {
                hook.run();
            } catch (RuntimeException e) {
                // A snapshot feeds sync and export, which must never throw into the host.
                failedSnapshotHooks.increment();
                LOG.log(
                        System.Logger.Level.WARNING,
                        "A snapshot hook failed; the snapshot goes on without its values",
                        e);
            }
        }
    }

    /**
     * Adds saved state to this registry, as if it had been recorded here: a single-instance
     * deployment on a persistent store restores its counters after a restart this way. Families
     * are defined as saved, under the names they were exposed under (the prefix is not put in front again);
     * a family that exists with another shape is an {@link IllegalArgumentException}.
     *
     * @param saved the families to add, as a snapshot holds them
     */
    public void restore(List<MetricFamilySnapshot> saved) {
        for (MetricFamilySnapshot f : saved) {
            if (f.points().isEmpty()) {
                continue; // Nothing to restore, and its shape (quantiles or not) cannot be told.
            }
            String[] labels = f.metadata().labelNames().toArray(new String[0]);
            String help = f.metadata().help();
            if (f instanceof CounterSnapshot c) {
                Counter counter = Counter.builder(f.name())
                        .withoutPrefix()
                        .help(help)
                        .labelNames(labels)
                        .register(this);
                c.points().forEach(p -> counter.seriesOf(p.labels()).inc(p.value()));
            } else if (f instanceof GaugeSnapshot g) {
                Gauge gauge = Gauge.builder(f.name())
                        .withoutPrefix()
                        .help(help)
                        .labelNames(labels)
                        .policy(g.policy())
                        .register(this);
                g.points().forEach(p -> gauge.seriesOf(p.labels()).set(p.value()));
            } else {
                HistogramSnapshot h = (HistogramSnapshot) f;
                Histogram.Builder b = Histogram.builder(f.name())
                        .withoutPrefix()
                        .help(help)
                        .labelNames(labels)
                        .buckets(h.bounds().toList().stream()
                                .mapToDouble(Double::doubleValue)
                                .toArray());
                boolean quantiles = h.points().stream().anyMatch(p -> p.quantiles() != null);
                Histogram histogram = (quantiles ? b.quantiles() : b).register(this);
                h.points()
                        .forEach(p ->
                                histogram.seriesOf(p.labels()).restore(p.cumulativeCounts(), p.sum(), p.quantiles()));
            }
        }
    }

    void countTruncatedLabelValue() {
        truncatedLabelValues.increment();
    }

    /**
     * Returns the family of that name when it matches, or defines it. Synchronized: definitions
     * are rare, and the collision check must see every family.
     */
    synchronized <F extends MetricFamily<?>> F register(
            Class<F> kind,
            MetricType type,
            String name,
            String help,
            String[] labelNames,
            Function<MetricMetadata, F> factory,
            Consumer<F> sameShape) {
        String exposed = name; // The builder has put the prefix in front, unless told not to.
        Names.checkMetricName(exposed);
        Names.checkLabelNames(exposed, labelNames, type == MetricType.HISTOGRAM);
        MetricFamily<?> existing = families.get(exposed);
        if (existing != null) {
            if (!kind.isInstance(existing)) {
                throw new IllegalArgumentException("Metric " + exposed + " is already a "
                        + existing.type().word() + "; it cannot be defined again as a " + type.word());
            }
            if (!existing.labelNames().equals(List.of(labelNames))) {
                throw new IllegalArgumentException("Metric " + exposed + " is defined with labels "
                        + existing.labelNames() + "; it cannot be asked for again with labels "
                        + Arrays.toString(labelNames));
            }
            F family = kind.cast(existing);
            sameShape.accept(family);
            return family;
        }
        List<String> samples = sampleNamesOf(type, exposed);
        for (String sample : samples) {
            String owner = sampleNames.get(sample);
            if (owner != null) {
                throw new IllegalArgumentException("Metric " + exposed + " (a " + type.word()
                        + ") would write samples named " + sample + ", which metric " + owner
                        + " already writes; choose another name");
            }
        }
        // A blank help is no help to promtool's linter either: it gets the name in words too.
        String text = help.isBlank() ? Names.defaultHelp(exposed) : help;
        F family = factory.apply(new MetricMetadata(exposed, text, type, List.of(labelNames)));
        samples.forEach(s -> sampleNames.put(s, exposed));
        families.put(exposed, family);
        return family;
    }

    private static List<String> sampleNamesOf(MetricType type, String name) {
        return switch (type) {
            case COUNTER -> List.of(name, name + "_total", name + "_created");
            case GAUGE -> List.of(name);
            case HISTOGRAM -> List.of(name, name + "_bucket", name + "_sum", name + "_count", name + "_created");
        };
    }

    private <F extends MetricFamily<?>> F lookup(
            String name, Class<F> kind, String[] labelPairs, Function<String[], F> define) {
        MetricFamily<?> f = byRequestedName.get(name);
        if (f == null) {
            String base =
                    kind == Counter.class && name.endsWith("_total") ? name.substring(0, name.length() - 6) : name;
            f = families.get(options.prefixed(base));
            if (f == null) {
                f = define.apply(namesOf(name, labelPairs));
            }
            byRequestedName.put(name, f);
        }
        if (!kind.isInstance(f)) {
            throw new IllegalArgumentException("Metric " + f.name() + " is a "
                    + f.type().word() + ", not a " + kind.getSimpleName().toLowerCase(Locale.ROOT));
        }
        return kind.cast(f);
    }

    private static <S extends Series> S series(MetricFamily<S> family, String[] labelPairs) {
        if ((labelPairs.length & 1) != 0) {
            namesOf(family.name(), labelPairs); // throws, naming the metric
        }
        return family.labelsFromPairs(labelPairs);
    }

    private static String[] namesOf(String metric, String[] labelPairs) {
        if (labelPairs.length % 2 != 0) {
            throw new IllegalArgumentException("Metric " + metric + ": labels must come as name/value pairs, got "
                    + labelPairs.length + " strings: " + Arrays.toString(labelPairs));
        }
        String[] names = new String[labelPairs.length / 2];
        for (int i = 0; i < names.length; i++) {
            names[i] = labelPairs[2 * i];
        }
        return names;
    }

    private static String[] pairs(Map<String, String> labels) {
        String[] pairs = new String[labels.size() * 2];
        int i = 0;
        for (Map.Entry<String, String> e : labels.entrySet()) {
            pairs[i++] = e.getKey();
            pairs[i++] = e.getValue();
        }
        return pairs;
    }
}
