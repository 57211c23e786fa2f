package io.tasker.metrics.subscribers.telemetry;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;

/**
 * Counts what every export did, when it is done: its spans exported, or dropped as
 * {@code export_failed} with one export failure. The result is the exporter's own, after its
 * retries, so a span counts once however many attempts it took; an export still running when the
 * batch processor stops waiting is counted when it ends. After shutdown has counted what was left
 * ({@link SpanLoss#closed()}), further exports are refused without sending.
 */
final class CountingSpanExporter implements SpanExporter {
    private final SpanExporter delegate;
    private final SpanLoss loss;

    CountingSpanExporter(SpanExporter delegate, SpanLoss loss) {
        this.delegate = delegate;
        this.loss = loss;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        int count = spans.size();
        if (!loss.exportStarting(count)) {
            return CompletableResultCode.ofFailure();
        }
        CompletableResultCode result;
        try {
            result = delegate.export(spans);
        } catch (RuntimeException e) {
            loss.exportEnded(count, false);
            throw e;
        }
        result.whenComplete(() -> loss.exportEnded(count, result.isSuccess()));
        return result;
    }

    @Override
    public CompletableResultCode flush() {
        return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return delegate.shutdown();
    }

    @Override
    public String toString() {
        return "CountingSpanExporter{" + delegate + "}";
    }
}
