package io.tasker.metrics.micrometer;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.cumulative.CumulativeFunctionCounter;
import io.micrometer.core.instrument.cumulative.CumulativeFunctionTimer;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.pause.PauseDetector;
import io.micrometer.core.instrument.internal.DefaultGauge;
import io.micrometer.core.instrument.internal.DefaultLongTaskTimer;
import io.micrometer.core.instrument.internal.DefaultMeter;
import io.tasker.metrics.CounterSeries;
import io.tasker.metrics.GaugeSeries;
import io.tasker.metrics.HistogramSeries;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.snapshot.GaugePolicy;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * A Micrometer {@link MeterRegistry} that records into a collector {@link MetricRegistry}:
 * everything recorded through it syncs to the shared store, exports and shows in the console
 * like the collector's own metrics, under the collector's validation and cardinality guard.
 *
 * <pre>{@code
 * MetricRegistry metrics = runtime.registry();           // or new MetricRegistry()
 * MeterRegistry registry = new TaskerMeterRegistry(metrics);
 * registry.timer("http.server.requests", "uri", "/tasks").record(Duration.ofMillis(42));
 * // exported as tasker_http_server_requests_seconds_bucket{uri="/tasks",le="0.05"} ...
 * }</pre>
 *
 * <p>Names follow {@link TaskerNamingConvention} (Micrometer's Prometheus convention), then
 * the collector's {@code metric_prefix}. Every meter of one name must have the same tag keys
 * and, for timers and summaries, the same buckets and percentiles: the collector keeps one
 * label set and one shape per name, and a meter that breaks that is refused with an
 * {@link IllegalArgumentException} saying why (and reported to
 * {@code config().onMeterRegistrationFailed} listeners first). {@code docs/micrometer.md} has
 * the whole mapping.
 */
public final class TaskerMeterRegistry extends MeterRegistry {
    private final MeterFamilies families;
    private final SnapshotReads reads = new SnapshotReads();
    private final Function<Meter.Id, GaugePolicy> gaugePolicy;

    /**
     * Records into {@code metrics} with the system clock; every gauge takes {@link GaugePolicy#LAST}.
     *
     * @param metrics the collector registry to record into
     */
    public TaskerMeterRegistry(MetricRegistry metrics) {
        this(metrics, Clock.SYSTEM);
    }

    /**
     * Records into {@code metrics} with Micrometer's {@code clock}; every gauge takes {@link GaugePolicy#LAST}.
     *
     * @param metrics the collector registry to record into
     * @param clock the clock Micrometer's timers and summaries use
     */
    public TaskerMeterRegistry(MetricRegistry metrics, Clock clock) {
        this(metrics, clock, id -> GaugePolicy.LAST);
    }

    /**
     * Records into {@code metrics}, with a gauge policy chosen per meter.
     *
     * @param metrics the collector registry to record into
     * @param clock the clock Micrometer's timers and summaries use
     * @param gaugePolicy how the cluster view combines each gauge's instances, chosen per meter
     *     (such as {@code id -> id.getName().startsWith("queue.") ? GaugePolicy.SUM : GaugePolicy.LAST})
     */
    public TaskerMeterRegistry(MetricRegistry metrics, Clock clock, Function<Meter.Id, GaugePolicy> gaugePolicy) {
        super(clock);
        this.families = new MeterFamilies(Objects.requireNonNull(metrics, "metrics"));
        this.gaugePolicy = Objects.requireNonNull(gaugePolicy, "gaugePolicy");
        config().namingConvention(new TaskerNamingConvention());
        config().onMeterRemoved(reads::remove);
        metrics.beforeSnapshot(reads);
    }

    /**
     * The collector registry this records into.
     *
     * @return the registry given to the constructor
     */
    public MetricRegistry metrics() {
        return families.metrics();
    }

    /**
     * Gauge functions and other snapshot-time reads that threw so far (each is logged).
     *
     * @return how many reads failed
     */
    public long failedReads() {
        return reads.failures();
    }

    @Override
    protected Counter newCounter(Meter.Id id) {
        return define(id, () -> new TaskerCounter(id, families.counter(id, convention(), "")));
    }

    @Override
    protected <T> Gauge newGauge(Meter.Id id, T obj, ToDoubleFunction<T> valueFunction) {
        return define(id, () -> {
            GaugeSeries series = families.gauge(id, convention(), "", gaugePolicy.apply(id));
            Gauge gauge = new DefaultGauge<>(id, obj, valueFunction);
            reads.add(gauge, () -> series.set(gauge.value()));
            return gauge;
        });
    }

    @Override
    protected Timer newTimer(Meter.Id id, DistributionStatisticConfig config, PauseDetector pauseDetector) {
        return define(id, () -> {
            HistogramShape shape = HistogramShape.of(config, 1e9);
            HistogramSeries series = families.histogram(id, convention(), shape);
            GaugeSeries max = families.gauge(id, convention(), "_max", GaugePolicy.MAX);
            TaskerTimer timer = new TaskerTimer(id, clock, config, pauseDetector, series, shape);
            reads.add(timer, () -> max.set(timer.max(TimeUnit.SECONDS)));
            return timer;
        });
    }

    @Override
    protected DistributionSummary newDistributionSummary(
            Meter.Id id, DistributionStatisticConfig config, double scale) {
        return define(id, () -> {
            HistogramShape shape = HistogramShape.of(config, 1);
            HistogramSeries series = families.histogram(id, convention(), shape);
            GaugeSeries max = families.gauge(id, convention(), "_max", GaugePolicy.MAX);
            TaskerDistributionSummary summary = new TaskerDistributionSummary(id, clock, config, scale, series, shape);
            reads.add(summary, () -> max.set(summary.max()));
            return summary;
        });
    }

    @Override
    protected LongTaskTimer newLongTaskTimer(Meter.Id id, DistributionStatisticConfig config) {
        return define(id, () -> {
            GaugeSeries active = families.gauge(id, convention(), "_active_tasks", GaugePolicy.SUM);
            GaugeSeries duration = families.gauge(id, convention(), "_duration", GaugePolicy.SUM);
            GaugeSeries max = families.gauge(id, convention(), "_max", GaugePolicy.MAX);
            LongTaskTimer timer = new DefaultLongTaskTimer(id, clock, getBaseTimeUnit(), config, false);
            reads.add(
                    timer,
                    () -> active.set(timer.activeTasks()),
                    () -> duration.set(timer.duration(TimeUnit.SECONDS)),
                    () -> max.set(timer.max(TimeUnit.SECONDS)));
            return timer;
        });
    }

    @Override
    protected <T> FunctionTimer newFunctionTimer(
            Meter.Id id,
            T obj,
            ToLongFunction<T> countFunction,
            ToDoubleFunction<T> totalTimeFunction,
            TimeUnit totalTimeFunctionUnit) {
        return define(id, () -> {
            CounterSeries count = families.counter(id, convention(), "_count");
            CounterSeries sum = families.counter(id, convention(), "_sum");
            FunctionTimer timer = new CumulativeFunctionTimer<>(
                    id, obj, countFunction, totalTimeFunction, totalTimeFunctionUnit, getBaseTimeUnit());
            reads.add(
                    timer,
                    new CounterFeed(count, timer::count),
                    new CounterFeed(sum, () -> timer.totalTime(TimeUnit.SECONDS)));
            return timer;
        });
    }

    @Override
    protected <T> FunctionCounter newFunctionCounter(Meter.Id id, T obj, ToDoubleFunction<T> countFunction) {
        return define(id, () -> {
            CounterSeries series = families.counter(id, convention(), "");
            FunctionCounter counter = new CumulativeFunctionCounter<>(id, obj, countFunction);
            reads.add(counter, new CounterFeed(series, counter::count));
            return counter;
        });
    }

    @Override
    protected Meter newMeter(Meter.Id id, Meter.Type type, Iterable<Measurement> measurements) {
        return define(id, () -> {
            Meter meter = new DefaultMeter(id, type, measurements);
            reads.add(meter, CustomMeters.reads(id, convention(), measurements, families));
            return meter;
        });
    }

    @Override
    protected TimeUnit getBaseTimeUnit() {
        return TimeUnit.SECONDS;
    }

    @Override
    protected DistributionStatisticConfig defaultHistogramConfig() {
        return DistributionStatisticConfig.DEFAULT;
    }

    /** Stops feeding snapshots; what was recorded stays in the collector registry. */
    @Override
    public void close() {
        families.metrics().removeSnapshotHook(reads);
        super.close();
    }

    private io.micrometer.core.instrument.config.NamingConvention convention() {
        return config().namingConvention();
    }

    /**
     * Makes a meter, turning the collector's refusal into Micrometer's registration-failed
     * report before it is thrown, so that listeners see it too.
     */
    private <M extends Meter> M define(Meter.Id id, Supplier<M> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            String reason = "Micrometer meter '" + id.getName() + "' " + id.getTags()
                    + " cannot be recorded by the Tasker collector: " + e.getMessage()
                    + " (the collector keeps one type, one set of tag keys and one bucket layout per"
                    + " name; docs/micrometer.md lists what it refuses and what to change)";
            meterRegistrationFailed(id, reason);
            throw new IllegalArgumentException(reason, e);
        }
    }
}
