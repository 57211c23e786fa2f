package io.tasker.metrics.subscribers.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.tasker.metrics.Clock;
import io.tasker.metrics.events.Ending;
import io.tasker.metrics.events.EventSubscriber;
import io.tasker.metrics.events.EventType;
import io.tasker.metrics.events.Failing;
import io.tasker.metrics.events.Failure;
import io.tasker.metrics.events.StepEvent;
import io.tasker.metrics.events.TaskerEvent;
import io.tasker.metrics.events.TraceIds;
import io.tasker.metrics.events.Traceparent;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Workflow events into OpenTelemetry spans: one root span per task run ({@code task <task name>})
 * and one child per step attempt ({@code step <step name>}), started and ended at the events'
 * own times. Ids live in attributes ({@code tasker.task.id}, {@code tasker.task.name},
 * {@code tasker.step.name}, {@code tasker.step.attempt}) so span names stay few. A failure sets
 * status ERROR, {@code error.type}, and an {@code exception} event with type, message and stack,
 * as {@code Span.recordException} would. Event attributes go to {@code tasker.param.<key>},
 * masked where the key looks secret.
 *
 * <pre>{@code
 * publisher.subscribe(new TelemetrySubscriber(openTelemetry.getTracer("tasker"), TelemetryOptions.defaults(), Clock.SYSTEM));
 * }</pre>
 *
 * <p>Memory stays bounded: a task still open after {@link TelemetryOptions#openSpanTimeout()},
 * or the oldest when more than {@link TelemetryOptions#maxOpenTasks()} are open, is ended with
 * {@code tasker.evicted=true}. An end whose start was never seen (dropped, or before a restart)
 * makes a span from the event's time and duration; a second end of the same task is ignored.
 */
public final class TelemetrySubscriber implements EventSubscriber {
    static final AttributeKey<String> TASK_ID = AttributeKey.stringKey("tasker.task.id");
    static final AttributeKey<String> TASK_NAME = AttributeKey.stringKey("tasker.task.name");
    static final AttributeKey<String> STEP_NAME = AttributeKey.stringKey("tasker.step.name");
    static final AttributeKey<Long> STEP_ATTEMPT = AttributeKey.longKey("tasker.step.attempt");
    static final AttributeKey<Boolean> EVICTED = AttributeKey.booleanKey("tasker.evicted");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    private static final AttributeKey<String> EXCEPTION_TYPE = AttributeKey.stringKey("exception.type");
    private static final AttributeKey<String> EXCEPTION_MESSAGE = AttributeKey.stringKey("exception.message");
    private static final AttributeKey<String> EXCEPTION_STACK = AttributeKey.stringKey("exception.stacktrace");

    private final Tracer tracer;
    private final TelemetryOptions options;
    private final Clock clock;
    /** Open tasks in the order they opened, so the oldest are found first. */
    private final LinkedHashMap<String, OpenTask> open = new LinkedHashMap<>();
    /** Recently ended task ids, so a second end is recognised and ignored. */
    private final Map<String, Boolean> ended;

    /**
     * A subscriber that makes spans with this tracer.
     *
     * @param tracer the tracer (Tasker's SDK's, the Java agent's, or the application's)
     * @param options memory bounds and masking
     * @param clock for the open-span timeout
     */
    public TelemetrySubscriber(Tracer tracer, TelemetryOptions options, Clock clock) {
        this.tracer = tracer;
        this.options = options;
        this.clock = clock;
        int keep = options.maxOpenTasks();
        this.ended = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > keep;
            }
        };
    }

    @Override
    public String name() {
        return "telemetry";
    }

    @Override
    public Set<EventType> subscribedTo() {
        return EnumSet.allOf(EventType.class);
    }

    /** Synchronized so that an application may also call it from several threads of its own. */
    @Override
    public synchronized void handle(TaskerEvent event) {
        evictStale();
        switch (event.type()) {
            case TASK_STARTED -> taskStarted(event);
            case TASK_COMPLETED, TASK_FAILED -> taskEnded(event);
            case STEP_STARTED -> stepStarted((StepEvent) event);
            case STEP_COMPLETED, STEP_FAILED -> stepEnded((StepEvent) event);
            case STEP_RETRIED -> note(event, "step.retried");
            case STEP_MAX_RETRIES_REACHED -> note(event, "step.max_retries_reached");
        }
    }

    private void taskStarted(TaskerEvent event) {
        if (open.containsKey(event.taskId())) {
            return; // A repeated start keeps the first.
        }
        ended.remove(event.taskId());
        open.put(event.taskId(), new OpenTask(root(event, event.time()), clock.wallTimeMillis()));
        while (open.size() > options.maxOpenTasks()) {
            evict(open.keySet().iterator().next());
        }
    }

    /** The task's span, with the ids {@link TraceIds#task} gave the code that runs it. */
    private Span root(TaskerEvent event, Instant start) {
        // A task is taken from a queue by a worker: CONSUMER, so backends draw it as the receiving end.
        SpanBuilder builder = tracer.spanBuilder("task " + event.taskName())
                .setSpanKind(SpanKind.CONSUMER)
                .setStartTimestamp(start)
                .setAttribute(TASK_ID, event.taskId())
                .setAttribute(TASK_NAME, event.taskName());
        parent(builder, event);
        Traceparent ids = TraceIds.task(event.taskId(), start, event.traceparent());
        Span span = PresetIdGenerator.with(ids.traceId(), ids.spanId(), builder::startSpan);
        parameters(span, event);
        return span;
    }

    private void taskEnded(TaskerEvent event) {
        OpenTask task = open.remove(event.taskId());
        if (task == null && ended.containsKey(event.taskId())) {
            return; // Ending twice is harmless.
        }
        Span root = task != null ? task.root : root(event, event.time().minus(((Ending) event).duration()));
        if (task != null) {
            task.steps.values().forEach(s -> s.end(event.time())); // Attempts whose end was lost end with their task.
        }
        if (event instanceof Failing f) {
            failed(root, f.failure(), event.time());
        }
        root.end(event.time());
        ended.put(event.taskId(), Boolean.TRUE);
    }

    private void stepStarted(StepEvent event) {
        OpenTask task = open.get(event.taskId());
        String key = OpenTask.stepKey(event.stepName(), event.attempt());
        if (task != null && !task.steps.containsKey(key)) {
            task.steps.put(key, step(task, event, event.time()));
        } else if (task == null) {
            // The task runs elsewhere (its step came with a traceparent) or its start was lost:
            // keep the step as its own entry so its end still finds it.
            OpenTask alone = new OpenTask(step(null, event, event.time()), clock.wallTimeMillis());
            open.put(stepOnlyKey(event), alone);
        }
    }

    private Span step(OpenTask task, StepEvent event, Instant start) {
        SpanBuilder builder = tracer.spanBuilder("step " + event.stepName())
                .setSpanKind(SpanKind.INTERNAL)
                .setStartTimestamp(start)
                .setAttribute(TASK_ID, event.taskId())
                .setAttribute(TASK_NAME, event.taskName())
                .setAttribute(STEP_NAME, event.stepName())
                .setAttribute(STEP_ATTEMPT, (long) event.attempt());
        Traceparent parent;
        if (task != null) {
            builder.setParent(Context.root().with(task.root));
            SpanContext root = task.root.getSpanContext();
            // A no-op tracer's spans have no ids to derive from.
            parent = root.isValid() ? new Traceparent(root.getTraceId(), root.getSpanId(), root.isSampled()) : null;
        } else {
            parent(builder, event);
            parent = event.traceparent().orElse(null);
        }
        Span span = parent == null
                ? builder.startSpan()
                : start(builder, TraceIds.step(parent, event.stepName(), event.attempt()));
        parameters(span, event);
        return span;
    }

    private void stepEnded(StepEvent event) {
        OpenTask task = open.get(event.taskId());
        Span span = task == null ? null : task.steps.remove(OpenTask.stepKey(event.stepName(), event.attempt()));
        if (span == null) {
            OpenTask alone = open.remove(stepOnlyKey(event));
            span = alone != null ? alone.root : step(task, event, event.time().minus(((Ending) event).duration()));
        }
        if (event instanceof Failing f) {
            failed(span, f.failure(), event.time());
        }
        span.end(event.time());
    }

    /** Retries and exhausted retries are moments in the task's life: events on its root span. */
    private void note(TaskerEvent event, String name) {
        OpenTask task = open.get(event.taskId());
        if (task == null) {
            return;
        }
        StepEvent step = (StepEvent) event;
        // The error's type goes on the event, not the span: the task may still succeed, and
        // error.type on a span says that the span failed.
        Attributes attributes = event instanceof Failing f
                ? Attributes.of(
                        STEP_NAME,
                        step.stepName(),
                        STEP_ATTEMPT,
                        (long) step.attempt(),
                        ERROR_TYPE,
                        f.failure().type())
                : Attributes.of(STEP_NAME, step.stepName(), STEP_ATTEMPT, (long) step.attempt());
        task.root.addEvent(name, attributes, event.time());
    }

    /** Messages and stacks carry whatever the code put in them, credentials included: masked like values. */
    private void failed(Span span, Failure failure, Instant time) {
        ParameterMask mask = options.mask();
        String message = mask.text(failure.message());
        span.setStatus(StatusCode.ERROR, message);
        span.setAttribute(ERROR_TYPE, failure.type());
        Attributes exception = failure.stackTrace().isEmpty()
                ? Attributes.of(EXCEPTION_TYPE, failure.type(), EXCEPTION_MESSAGE, message)
                : Attributes.of(
                        EXCEPTION_TYPE,
                        failure.type(),
                        EXCEPTION_MESSAGE,
                        message,
                        EXCEPTION_STACK,
                        mask.text(failure.stackTrace()));
        span.addEvent("exception", exception, time);
    }

    private void parameters(Span span, TaskerEvent event) {
        event.attributes()
                .forEach((k, v) ->
                        span.setAttribute("tasker.param." + k, options.mask().apply(k, v)));
    }

    private static Span start(SpanBuilder builder, Traceparent ids) {
        return PresetIdGenerator.with(ids.traceId(), ids.spanId(), builder::startSpan);
    }

    /**
     * The event's context as a remote parent, read by the API's own W3C propagator so that its
     * {@code tracestate} is parsed and carried on as any OpenTelemetry service would.
     */
    private static void parent(SpanBuilder builder, TaskerEvent event) {
        if (event.traceparent().isEmpty()) {
            builder.setNoParent();
            return;
        }
        Traceparent p = event.traceparent().get();
        Map<String, String> headers = p.tracestate().isEmpty()
                ? Map.of("traceparent", p.toString())
                : Map.of("traceparent", p.toString(), "tracestate", p.tracestate());
        builder.setParent(W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, HEADERS));
    }

    private static final TextMapGetter<Map<String, String>> HEADERS = new TextMapGetter<>() {
        @Override
        @SuppressWarnings("deprecation") // Still abstract in TextMapGetter: every getter must have it.
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private void evictStale() {
        long limit = clock.wallTimeMillis() - options.openSpanTimeout().toMillis();
        Iterator<Map.Entry<String, OpenTask>> it = open.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, OpenTask> eldest = it.next();
            if (eldest.getValue().openedAtMillis > limit) {
                return;
            }
            it.remove();
            endEvicted(eldest.getValue());
        }
    }

    private void evict(String taskId) {
        endEvicted(open.remove(taskId));
    }

    private void endEvicted(OpenTask task) {
        Instant now = clock.instant();
        for (Span step : task.steps.values()) {
            step.setAttribute(EVICTED, true);
            step.end(now);
        }
        task.root.setAttribute(EVICTED, true);
        task.root.end(now);
    }

    /** Ends every open span as evicted, so nothing is lost from the trace backend at shutdown. */
    @Override
    public synchronized void close() {
        open.values().forEach(this::endEvicted);
        open.clear();
    }

    /**
     * How many tasks (and lone steps) hold open spans now.
     *
     * @return the open entries
     */
    public synchronized int openTasks() {
        return open.size();
    }

    private static String stepOnlyKey(StepEvent event) {
        return "\u0000step:" + event.taskId() + "#" + OpenTask.stepKey(event.stepName(), event.attempt());
    }
}
