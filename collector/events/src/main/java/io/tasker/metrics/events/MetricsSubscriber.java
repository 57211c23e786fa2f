package io.tasker.metrics.events;

import io.tasker.metrics.Counter;
import io.tasker.metrics.Histogram;
import io.tasker.metrics.MetricRegistry;
import java.util.EnumSet;
import java.util.Set;

/**
 * Turns lifecycle events into the design document's native metrics:
 * {@code tasker_task_executions_total{status,task_name}} and
 * {@code tasker_task_duration_seconds{task_name}} from task ends;
 * {@code tasker_step_executions_total{step_name,status}},
 * {@code tasker_step_duration_seconds{step_name}}, {@code tasker_step_retries_total{step_name}} and
 * {@code tasker_step_max_retries_reached_total{step_name}} from step events.
 *
 * <pre>{@code
 * publisher.subscribe(new MetricsSubscriber(registry));                        // tasks and steps
 * publisher.subscribe(new MetricsSubscriber(registry, EnumSet.of(Part.STEPS)));  // tasks recorded directly
 * }</pre>
 *
 * <p>No double counting: an application that records some of these metrics directly leaves
 * that {@link Part} out, and this subscriber then neither subscribes to those events nor
 * touches those metrics.
 */
public final class MetricsSubscriber implements EventSubscriber {
    /** Which metrics this subscriber owns. */
    public enum Part {
        /** {@code task_executions_total} and {@code task_duration_seconds}. */
        TASKS,
        /** {@code step_executions_total}, {@code step_duration_seconds}, {@code step_retries_total}, {@code step_max_retries_reached_total}. */
        STEPS
    }

    private final Set<EventType> types = EnumSet.noneOf(EventType.class);
    private Counter tasks;
    private Histogram taskDurations;
    private Counter steps;
    private Histogram stepDurations;
    private Counter retries;
    private Counter maxRetries;

    /**
     * Records both task and step metrics.
     *
     * @param registry where the metrics are defined and recorded
     */
    public MetricsSubscriber(MetricRegistry registry) {
        this(registry, EnumSet.allOf(Part.class));
    }

    /**
     * Records the metrics of the parts given, and subscribes only to the events they need.
     *
     * @param registry where the metrics are defined and recorded
     * @param parts which metrics this subscriber owns; not empty
     * @throws IllegalArgumentException for no parts, or when a metric is already defined in
     *     another shape
     */
    public MetricsSubscriber(MetricRegistry registry, Set<Part> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("MetricsSubscriber needs at least one of " + EnumSet.allOf(Part.class));
        }
        if (parts.contains(Part.TASKS)) {
            defineTaskMetrics(registry);
        }
        if (parts.contains(Part.STEPS)) {
            defineStepMetrics(registry);
        }
    }

    private void defineTaskMetrics(MetricRegistry registry) {
        tasks = Counter.builder("task_executions_total")
                .help("Task executions by outcome and task.")
                .labelNames("status", "task_name")
                .register(registry);
        taskDurations = Histogram.builder("task_duration_seconds")
                .help("Task duration in seconds.")
                .labelNames("task_name")
                .quantiles()
                .register(registry);
        types.addAll(EnumSet.of(EventType.TASK_COMPLETED, EventType.TASK_FAILED));
    }

    private void defineStepMetrics(MetricRegistry registry) {
        steps = Counter.builder("step_executions_total")
                .help("Step attempts by step and outcome.")
                .labelNames("step_name", "status")
                .register(registry);
        stepDurations = Histogram.builder("step_duration_seconds")
                .help("Step attempt duration in seconds.")
                .labelNames("step_name")
                .quantiles()
                .register(registry);
        retries = Counter.builder("step_retries_total")
                .help("Step retries, by step.")
                .labelNames("step_name")
                .register(registry);
        maxRetries = Counter.builder("step_max_retries_reached_total")
                .help("Steps that failed on their last allowed attempt.")
                .labelNames("step_name")
                .register(registry);
        types.addAll(EnumSet.of(
                EventType.STEP_COMPLETED,
                EventType.STEP_FAILED,
                EventType.STEP_RETRIED,
                EventType.STEP_MAX_RETRIES_REACHED));
    }

    @Override
    public String name() {
        return "metrics";
    }

    @Override
    public Set<EventType> subscribedTo() {
        return Set.copyOf(types);
    }

    @Override
    public void handle(TaskerEvent event) {
        switch (event.type()) {
            case TASK_COMPLETED -> taskEnded((TaskCompleted) event, "success");
            case TASK_FAILED -> taskEnded((TaskFailed) event, "failure");
            case STEP_COMPLETED -> stepEnded((StepCompleted) event, "success");
            case STEP_FAILED -> stepEnded((StepFailed) event, "failure");
            case STEP_RETRIED -> retries.labels(((StepEvent) event).stepName()).inc();
            case STEP_MAX_RETRIES_REACHED ->
                maxRetries.labels(((StepEvent) event).stepName()).inc();
            default -> {} // Started events carry nothing to count; they are not subscribed to.
        }
    }

    private <E extends TaskEvent & Ending> void taskEnded(E event, String status) {
        tasks.labels(status, event.taskName()).inc();
        taskDurations.labels(event.taskName()).observe(seconds(event));
    }

    private <E extends StepEvent & Ending> void stepEnded(E event, String status) {
        steps.labels(event.stepName(), status).inc();
        stepDurations.labels(event.stepName()).observe(seconds(event));
    }

    private static double seconds(Ending event) {
        return event.duration().toNanos() / 1e9;
    }
}
