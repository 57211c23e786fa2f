package io.tasker.metrics.subscribers.statsd;

import com.timgroup.statsd.NonBlockingStatsDClientBuilder;
import com.timgroup.statsd.StatsDClient;
import io.tasker.metrics.events.Ending;
import io.tasker.metrics.events.EventSubscriber;
import io.tasker.metrics.events.EventType;
import io.tasker.metrics.events.Failing;
import io.tasker.metrics.events.StepEvent;
import io.tasker.metrics.events.TaskCompleted;
import io.tasker.metrics.events.TaskFailed;
import io.tasker.metrics.events.TaskStarted;
import io.tasker.metrics.events.TaskerEvent;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Workflow events into DogStatsD, as the design document's {@code DataDogMetricsSubscriber}:
 * {@code tasker.task.duration} (histogram, seconds, tagged {@code task} and {@code status}),
 * {@code tasker.task.completed} and {@code tasker.task.failed} (increments, tagged {@code task}; a
 * failure also {@code error_type}); and beyond the design, {@code tasker.step.duration} (a timer,
 * milliseconds, tagged {@code step} and {@code status}) and {@code tasker.tasks.running} (a gauge of
 * the tasks started and not yet ended). Tag values lose the characters that would break a datagram
 * ({@code | , # :} and line breaks become {@code _}).
 *
 * <pre>{@code
 * try (StatsdSubscriber statsd = StatsdSubscriber.start(StatsdSettings.from(config))) {
 *     publisher.subscribe(statsd);
 * }
 * }</pre>
 */
public final class StatsdSubscriber implements EventSubscriber, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StatsdSubscriber.class);
    private static final Pattern UNSAFE = Pattern.compile("[|,#:\\r\\n]");

    private final StatsDClient client;
    /** Tasks started and not ended; only the subscriber's thread touches it. */
    private long running;

    /**
     * A subscriber that sends through {@code client}, which it closes on {@link #close()}.
     *
     * @param client the DogStatsD client
     */
    public StatsdSubscriber(StatsDClient client) {
        this.client = client;
    }

    /**
     * A UDP client to the configured agent, without the client's own telemetry or origin tags. It is
     * built in blocking mode: only then does {@code close()} flush what is buffered (the non-blocking
     * mode lost the last metrics at shutdown); blocking is harmless here, on the subscriber's own thread.
     *
     * @param settings the agent's host and port, and the constant tags
     * @return the subscriber
     */
    public static StatsdSubscriber start(StatsdSettings settings) {
        StatsDClient client = new NonBlockingStatsDClientBuilder()
                .hostname(settings.host())
                .port(settings.port())
                .constantTags(settings.constantTags().toArray(new String[0]))
                .enableTelemetry(false)
                .blocking(true)
                .enableAggregation(false)
                .originDetectionEnabled(false)
                .errorHandler(e -> LOG.warn(
                        "DogStatsD client error (metrics to {}:{} may be lost)", settings.host(), settings.port(), e))
                .build();
        return new StatsdSubscriber(client);
    }

    @Override
    public String name() {
        return "statsd";
    }

    @Override
    public Set<EventType> subscribedTo() {
        return Set.of(
                EventType.TASK_STARTED,
                EventType.TASK_COMPLETED,
                EventType.TASK_FAILED,
                EventType.STEP_COMPLETED,
                EventType.STEP_FAILED);
    }

    @Override
    public void handle(TaskerEvent event) {
        String task = tag("task", event.taskName());
        if (event instanceof TaskStarted) {
            running(+1);
        } else if (event instanceof TaskCompleted done) {
            client.histogram("tasker.task.duration", seconds(done.duration().toNanos()), task, "status:success");
            client.increment("tasker.task.completed", task);
            running(-1);
        } else if (event instanceof TaskFailed failed) {
            client.histogram("tasker.task.duration", seconds(failed.duration().toNanos()), task, "status:failure");
            client.increment(
                    "tasker.task.failed",
                    task,
                    tag("error_type", failed.failure().type()));
            running(-1);
        } else if (event instanceof StepEvent step && event instanceof Ending ended) {
            client.recordExecutionTime(
                    "tasker.step.duration",
                    ended.duration().toMillis(),
                    tag("step", step.stepName()),
                    event instanceof Failing ? "status:failure" : "status:success");
        }
    }

    /** A task whose start was not seen (dropped, or before a restart) must not drive the gauge below zero. */
    private void running(int delta) {
        running = Math.max(0, running + delta);
        client.gauge("tasker.tasks.running", running);
    }

    /** {@code name:value} with the value made safe for a DogStatsD datagram. */
    static String tag(String name, String value) {
        return name + ":" + UNSAFE.matcher(value).replaceAll("_");
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** Flushes what is buffered and closes the socket; the publisher calls it after draining the queue. */
    @Override
    public void close() {
        client.close();
    }
}
