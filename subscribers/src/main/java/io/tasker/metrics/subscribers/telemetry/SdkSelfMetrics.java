package io.tasker.metrics.subscribers.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.metrics.export.CollectionRegistration;
import io.opentelemetry.sdk.metrics.export.MetricReader;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the SDK's own metrics about its batch span processor into {@link SpanLoss}: the spans it
 * refused because its queue was full ({@code otel.sdk.processor.span.processed} with
 * {@code error.type=queue_full}; {@code processedSpans{dropped=true}} in the SDK's legacy form)
 * and its queue size. (Spans ended after shutdown are counted by {@link SpanLoss} itself.) A {@link MetricReader} on the SDK's meter provider, read whenever our
 * registry takes a snapshot, so the counts are current wherever they are looked at. The SDK's
 * counters are cumulative; what was added since the last read is added to ours.
 */
final class SdkSelfMetrics implements MetricReader {
    private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    private static final AttributeKey<Boolean> LEGACY_DROPPED = AttributeKey.booleanKey("dropped");

    private final SpanLoss loss;
    private final Map<String, Long> seen = new HashMap<>();
    private volatile CollectionRegistration registration = CollectionRegistration.noop();

    SdkSelfMetrics(SpanLoss loss) {
        this.loss = loss;
    }

    @Override
    public void register(CollectionRegistration registration) {
        this.registration = registration;
    }

    /** Adds what the SDK counted since the last call. */
    synchronized void read() {
        long queued = 0;
        Map<String, Long> now = new HashMap<>();
        for (MetricData metric : registration.collectAllMetrics()) {
            switch (metric.getName()) {
                case "otel.sdk.processor.span.processed", "processedSpans" -> dropped(metric, now);
                case "otel.sdk.processor.span.queue.size", "queueSize" -> queued += longValue(metric);
                default -> {}
            }
        }
        now.forEach((reason, total) -> loss.queueFull(total - seen.getOrDefault(reason, 0L)));
        seen.putAll(now);
        loss.queueSize(queued);
    }

    private static void dropped(MetricData metric, Map<String, Long> totals) {
        if (metric.getType() != MetricDataType.LONG_SUM) {
            return;
        }
        for (LongPointData point : metric.getLongSumData().getPoints()) {
            String reason = reason(point);
            if (reason != null) {
                totals.merge(reason, point.getValue(), Long::sum);
            }
        }
    }

    private static String reason(LongPointData point) {
        String type = point.getAttributes().get(ERROR_TYPE);
        boolean full = "queue_full".equals(type)
                || Boolean.TRUE.equals(point.getAttributes().get(LEGACY_DROPPED));
        return full ? SpanLoss.QUEUE_FULL : null;
    }

    private static long longValue(MetricData metric) {
        return switch (metric.getType()) {
            case LONG_SUM ->
                metric.getLongSumData().getPoints().stream()
                        .mapToLong(LongPointData::getValue)
                        .sum();
            case LONG_GAUGE ->
                metric.getLongGaugeData().getPoints().stream()
                        .mapToLong(LongPointData::getValue)
                        .sum();
            case DOUBLE_GAUGE ->
                (long) metric.getDoubleGaugeData().getPoints().stream()
                        .mapToDouble(p -> p.getValue())
                        .sum();
            default -> 0;
        };
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
