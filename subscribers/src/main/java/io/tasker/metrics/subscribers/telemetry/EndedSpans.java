package io.tasker.metrics.subscribers.telemetry;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/** Counts the sampled spans that end: the spans the batch processor is offered, and the start of every sum in {@link SpanLoss}. */
final class EndedSpans implements SpanProcessor {
    private final SpanLoss loss;

    EndedSpans(SpanLoss loss) {
        this.loss = loss;
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        if (span.getSpanContext().isSampled()) {
            loss.ended(1);
        }
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }
}
