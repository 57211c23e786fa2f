package io.tasker.metrics.subscribers.telemetry;

import io.opentelemetry.sdk.trace.IdGenerator;
import java.util.function.Supplier;

/**
 * An SDK id generator that gives a span the ids {@link io.tasker.metrics.events.TraceIds}
 * derived for it, so that the span context the code running a task or step was given is the
 * span's real one; random ids for every other span. The ids are handed over in a thread-local
 * just around the span's start, on the subscriber's thread, so no other span can take them.
 *
 * <p>Tasker's own SDK has it; an application that builds its own SDK and wants the same adds it:
 * {@code SdkTracerProvider.builder().setIdGenerator(PresetIdGenerator.random())}. Without it, spans
 * still nest correctly, but with random ids.
 */
public final class PresetIdGenerator implements IdGenerator {
    private static final ThreadLocal<String[]> PRESET = new ThreadLocal<>();

    private final IdGenerator otherwise;

    private PresetIdGenerator(IdGenerator otherwise) {
        this.otherwise = otherwise;
    }

    /**
     * The generator, random where no ids are preset.
     *
     * @return a generator for {@code SdkTracerProviderBuilder.setIdGenerator}
     */
    public static PresetIdGenerator random() {
        return new PresetIdGenerator(IdGenerator.random());
    }

    /** Starts a span (what {@code start} does) with these ids, when the SDK has this generator. */
    static <T> T with(String traceId, String spanId, Supplier<T> start) {
        PRESET.set(new String[] {traceId, spanId});
        try {
            return start.get();
        } finally {
            PRESET.remove();
        }
    }

    @Override
    public String generateSpanId() {
        String[] preset = PRESET.get();
        return preset == null ? otherwise.generateSpanId() : preset[1];
    }

    @Override
    public String generateTraceId() {
        String[] preset = PRESET.get();
        return preset == null ? otherwise.generateTraceId() : preset[0];
    }
}
