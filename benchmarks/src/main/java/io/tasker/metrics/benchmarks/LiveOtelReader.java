package io.tasker.metrics.benchmarks;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.CardinalityLimitSelector;
import io.opentelemetry.sdk.metrics.export.CollectionRegistration;
import io.opentelemetry.sdk.metrics.export.MetricReader;
import java.util.Collection;

/**
 * A pull-only OpenTelemetry reader. Without a registered reader the SDK drops measurements, so
 * a benchmark needs one; a periodic reader would add a background thread to the measurement,
 * and {@code InMemoryMetricReader} lives in the testing artifact. Cumulative temporality, as a
 * Prometheus scrape would ask for.
 *
 * <pre>{@code
 * LiveOtelReader reader = new LiveOtelReader();
 * SdkMeterProvider provider = LiveOtelReader.provider(reader);
 * }</pre>
 */
public final class LiveOtelReader implements MetricReader {
    private volatile CollectionRegistration registration = CollectionRegistration.noop();
    private final boolean exponential;

    /** A reader with the SDK's default aggregations (explicit buckets for histograms). */
    public LiveOtelReader() {
        this(false);
    }

    private LiveOtelReader(boolean exponential) {
        this.exponential = exponential;
    }

    /**
     * A reader that aggregates histograms as base-2 exponential histograms (the SDK's default
     * 160 buckets, scale chosen by the data): OpenTelemetry's mergeable, bounded-error
     * distribution, the counterpart of a quantile sketch.
     */
    public static LiveOtelReader exponential() {
        return new LiveOtelReader(true);
    }

    @Override
    public Aggregation getDefaultAggregation(InstrumentType instrumentType) {
        return exponential && instrumentType == InstrumentType.HISTOGRAM
                ? Aggregation.base2ExponentialBucketHistogram()
                : Aggregation.defaultAggregation();
    }

    /** A provider that feeds this reader, with the SDK's default cardinality limit (2,000). */
    public static SdkMeterProvider provider(LiveOtelReader reader) {
        return SdkMeterProvider.builder().registerMetricReader(reader).build();
    }

    /** A provider whose instruments keep up to {@code limit} series before folding into overflow. */
    public static SdkMeterProvider provider(LiveOtelReader reader, int limit) {
        CardinalityLimitSelector selector = type -> limit;
        return SdkMeterProvider.builder().registerMetricReader(reader, selector).build();
    }

    /** Everything recorded so far. */
    public Collection<MetricData> collect() {
        return registration.collectAllMetrics();
    }

    @Override
    public void register(CollectionRegistration collectionRegistration) {
        this.registration = collectionRegistration;
    }

    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
        return AggregationTemporality.CUMULATIVE;
    }

    @Override
    public CompletableResultCode forceFlush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
