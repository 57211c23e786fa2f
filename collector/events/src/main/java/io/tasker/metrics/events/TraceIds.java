package io.tasker.metrics.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The trace context of a task's span and of each step attempt's span, known the moment the
 * event is made: so the code that runs a task or a step can put it into its outgoing calls
 * ({@code traceparent} and {@code tracestate} headers), and a step run in another process can
 * publish its events under the task's span. The TelemetrySubscriber makes its spans with these
 * same ids (with the id generator of its SDK), on its own thread, later.
 *
 * <pre>{@code
 * TaskStarted started = new TaskStarted("12345", "payment_processing", clock.instant(), Map.of(), parent);
 * events.publish(started);
 * Traceparent task = TraceIds.task(started);                       // the task's span
 * request.header("traceparent", task.toString());
 * Traceparent charge = TraceIds.step(task, "charge_card", 1);      // its first charge_card attempt
 * }</pre>
 *
 * <p>The ids are derived (SHA-256) from what every process can know: a task's trace is its
 * caller's, or else one of its own from the task id and start time; its span id comes from the
 * trace, the task id and the start time; a step attempt's from the task's span, the step name
 * and the attempt. So two processes that see the same task compute the same contexts with no
 * message between them. A task without a caller is marked sampled; the sampler of the SDK still
 * decides whether its span is recorded.
 */
public final class TraceIds {
    private static final HexFormat HEX = HexFormat.of();

    private TraceIds() {}

    /**
     * The context of a task's own span.
     *
     * @param started the task's start event
     * @return its trace (the caller's, or its own) with the task span's id, and the caller's tracestate
     */
    public static Traceparent task(TaskStarted started) {
        return task(started.taskId(), started.time(), started.traceparent());
    }

    /**
     * The context of a task's own span, from what its start event holds.
     *
     * @param taskId the task id
     * @param start when the task started (the start event's time)
     * @param caller the caller's context, if the task came with one
     * @return the task span's context
     */
    public static Traceparent task(String taskId, Instant start, Optional<Traceparent> caller) {
        String seed = taskId + '\u0000' + start.getEpochSecond() + '.' + start.getNano();
        String traceId = caller.map(Traceparent::traceId).orElseGet(() -> hex(digest("trace", seed), 16));
        String spanId = hex(digest("task", traceId + '\u0000' + seed), 8);
        return caller.map(c -> c.withSpanId(spanId)).orElseGet(() -> new Traceparent(traceId, spanId, 1, ""));
    }

    /**
     * The context of one attempt of a step, a child of its task's span.
     *
     * @param task the task span's context ({@link #task})
     * @param stepName the step's name
     * @param attempt the attempt, from 1
     * @return the attempt span's context
     */
    public static Traceparent step(Traceparent task, String stepName, int attempt) {
        return task.withSpanId(
                hex(digest("step", task.traceId() + task.spanId() + '\u0000' + stepName + '\u0000' + attempt), 8));
    }

    private static byte[] digest(String kind, String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(kind.getBytes(StandardCharsets.UTF_8));
            return sha.digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** The first bytes as hex; an all-zero id, which the specification forbids, gets its last bit set. */
    private static String hex(byte[] bytes, int length) {
        byte[] id = Arrays.copyOf(bytes, length);
        boolean zero = true;
        for (byte b : id) {
            zero &= b == 0;
        }
        if (zero) {
            id[length - 1] = 1;
        }
        return HEX.formatHex(id);
    }
}
