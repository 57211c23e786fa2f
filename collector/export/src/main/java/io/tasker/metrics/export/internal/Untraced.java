package io.tasker.metrics.export.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.Supplier;

/**
 * Runs our own export requests with OpenTelemetry's instrumentation suppressed, so that the
 * OpenTelemetry Java agent (or an instrumented HTTP client) does not make a CLIENT span for each
 * export: those spans are noise at best, and a feedback loop when the exports carry telemetry.
 * It calls the API's {@code InstrumentationUtil.suppressInstrumentation}, which the agent bridges
 * to its own, when the OpenTelemetry API is on the class path; found by reflection, because this
 * module depends on no OpenTelemetry artifact. Without the API there is nothing to suppress
 * against but the agent's whole HTTP client instrumentation, which is the operator's choice.
 *
 * <pre>{@code
 * CompletableFuture<HttpResponse<byte[]>> f = Untraced.call(() -> http.sendAsync(request, handler));
 * }</pre>
 */
public final class Untraced {
    private static final MethodHandle SUPPRESS = find();

    private Untraced() {}

    private static MethodHandle find() {
        try {
            Class<?> util = Class.forName(
                    "io.opentelemetry.api.impl.InstrumentationUtil", false, Untraced.class.getClassLoader());
            return MethodHandles.publicLookup()
                    .findStatic(util, "suppressInstrumentation", MethodType.methodType(void.class, Runnable.class));
        } catch (ReflectiveOperationException | LinkageError e) {
            return null; // No OpenTelemetry API here: nothing instruments through it.
        }
    }

    /**
     * Whether calls can be suppressed here (the OpenTelemetry API is present).
     *
     * @return true when {@link #call} suppresses instrumentation
     */
    public static boolean available() {
        return SUPPRESS != null;
    }

    /**
     * Runs {@code work} (which starts the request) with instrumentation suppressed.
     *
     * @param work what makes the request, such as {@code http.sendAsync(...)}
     * @param <T> what it returns
     * @return what it returned
     */
    public static <T> T call(Supplier<T> work) {
        if (SUPPRESS == null) {
            return work.get();
        }
        Object[] result = new Object[1];
        Runnable run = () -> result[0] = work.get();
        try {
            SUPPRESS.invokeExact(run);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("InstrumentationUtil.suppressInstrumentation failed", e);
        }
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
    }
}
