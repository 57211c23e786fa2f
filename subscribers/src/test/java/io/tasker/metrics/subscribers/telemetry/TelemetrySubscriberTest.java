package io.tasker.metrics.subscribers.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.RegistryOptions;
import io.tasker.metrics.events.EventPublisher;
import io.tasker.metrics.events.Failure;
import io.tasker.metrics.events.PublisherOptions;
import io.tasker.metrics.events.StepCompleted;
import io.tasker.metrics.events.StepFailed;
import io.tasker.metrics.events.StepMaxRetriesReached;
import io.tasker.metrics.events.StepRetried;
import io.tasker.metrics.events.StepStarted;
import io.tasker.metrics.events.TaskCompleted;
import io.tasker.metrics.events.TaskFailed;
import io.tasker.metrics.events.TaskStarted;
import io.tasker.metrics.events.TraceIds;
import io.tasker.metrics.events.Traceparent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TelemetrySubscriberTest {
    static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");
    static final Failure DECLINED = Failure.of("CardDeclined", "card declined for order 7");

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final SdkTracerProvider tracing = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(spans))
            .build();
    private final ManualClock clock = new ManualClock(T0);
    private final TelemetrySubscriber subscriber = new TelemetrySubscriber(
            tracing.get("test"),
            new TelemetryOptions(Duration.ofMinutes(10), 3, ParameterMask.parse("password,token")),
            clock);

    @AfterEach
    void shutDown() {
        tracing.shutdown().join(5, TimeUnit.SECONDS);
    }

    /** Task #12345: validate_payment succeeds, charge_card fails twice and runs out of retries. */
    static void failingPayment(java.util.function.Consumer<io.tasker.metrics.events.TaskerEvent> publish, String id) {
        String t = "payment_processing";
        publish.accept(
                new TaskStarted(id, t, T0, Map.of("customer", "42", "card_token", "tok_live_123"), Optional.empty()));
        publish.accept(new StepStarted(id, t, "validate_payment", 1, T0.plusMillis(10)));
        publish.accept(new StepCompleted(id, t, "validate_payment", 1, T0.plusMillis(60), Duration.ofMillis(50)));
        publish.accept(new StepStarted(id, t, "charge_card", 1, T0.plusMillis(70)));
        publish.accept(new StepFailed(id, t, "charge_card", 1, T0.plusMillis(270), Duration.ofMillis(200), DECLINED));
        publish.accept(new StepRetried(id, t, "charge_card", 2, T0.plusMillis(300)));
        publish.accept(new StepStarted(id, t, "charge_card", 2, T0.plusMillis(300)));
        publish.accept(new StepFailed(id, t, "charge_card", 2, T0.plusMillis(450), Duration.ofMillis(150), DECLINED));
        publish.accept(new StepMaxRetriesReached(id, t, "charge_card", 2, T0.plusMillis(450), DECLINED));
        publish.accept(new TaskFailed(id, t, T0.plusMillis(500), Duration.ofMillis(500), DECLINED));
    }

    @Test
    void aTaskIsARootSpanWithAChildPerStepAttemptTimedByItsEvents() {
        failingPayment(subscriber::handle, "12345");
        List<SpanData> all = spans.getFinishedSpanItems();
        assertEquals(4, all.size());
        SpanData root = named(all, "task payment_processing").get(0);
        assertFalse(root.getParentSpanContext().isValid());
        assertEquals(nanos(T0), root.getStartEpochNanos());
        assertEquals(nanos(T0.plusMillis(500)), root.getEndEpochNanos());
        assertEquals(StatusCode.ERROR, root.getStatus().getStatusCode());
        assertEquals("12345", root.getAttributes().get(TelemetrySubscriber.TASK_ID));
        assertEquals("CardDeclined", root.getAttributes().get(TelemetrySubscriber.ERROR_TYPE));
        assertEquals(
                "42",
                root.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey("tasker.param.customer")));
        assertEquals(
                ParameterMask.MASKED,
                root.getAttributes()
                        .get(io.opentelemetry.api.common.AttributeKey.stringKey("tasker.param.card_token")));
        assertEquals(
                List.of("step.retried", "step.max_retries_reached", "exception"),
                root.getEvents().stream().map(EventData::getName).toList());

        List<SpanData> charges = named(all, "step charge_card");
        assertEquals(
                List.of(1L, 2L),
                charges.stream()
                        .map(s -> s.getAttributes().get(TelemetrySubscriber.STEP_ATTEMPT))
                        .toList());
        for (SpanData step : all) {
            assertEquals(root.getTraceId(), step.getTraceId());
        }
        for (SpanData step : charges) {
            assertEquals(root.getSpanId(), step.getParentSpanId());
            assertEquals(StatusCode.ERROR, step.getStatus().getStatusCode());
            EventData exception = step.getEvents().get(0);
            assertEquals("exception", exception.getName());
            assertEquals(
                    "CardDeclined",
                    exception
                            .getAttributes()
                            .get(io.opentelemetry.api.common.AttributeKey.stringKey("exception.type")));
            assertEquals(
                    "card declined for order 7",
                    exception
                            .getAttributes()
                            .get(io.opentelemetry.api.common.AttributeKey.stringKey("exception.message")));
        }
        assertEquals(nanos(T0.plusMillis(70)), charges.get(0).getStartEpochNanos());
        assertEquals(nanos(T0.plusMillis(270)), charges.get(0).getEndEpochNanos());
        SpanData validate = named(all, "step validate_payment").get(0);
        assertEquals(StatusCode.UNSET, validate.getStatus().getStatusCode());
        assertEquals(0, subscriber.openTasks());
    }

    @Test
    void aTaskThatNeverEndsIsEvictedAfterTheTimeLimitOrWhenTooManyAreOpen() {
        subscriber.handle(new TaskStarted("stuck", "inventory_sync", T0));
        subscriber.handle(new StepStarted("stuck", "inventory_sync", "fetch_inventory", 1, T0));
        clock.advance(Duration.ofMinutes(11));
        subscriber.handle(new TaskStarted("next", "inventory_sync", clock.instant()));
        List<SpanData> evicted = spans.getFinishedSpanItems();
        assertEquals(2, evicted.size());
        evicted.forEach(s -> assertEquals(true, s.getAttributes().get(TelemetrySubscriber.EVICTED)));
        assertEquals(1, subscriber.openTasks());

        for (int i = 0; i < 5; i++) {
            subscriber.handle(new TaskStarted("many-" + i, "inventory_sync", clock.instant()));
        }
        assertEquals(3, subscriber.openTasks(), "at most maxOpenTasks stay open");
        assertEquals(2 + 3, spans.getFinishedSpanItems().size(), "'next', many-0 and many-1 evicted as the oldest");
    }

    @Test
    void endingTwiceIsHarmlessAndAnEndWithoutItsStartStillMakesASpan() {
        subscriber.handle(new TaskStarted("1", "email_notification", T0));
        subscriber.handle(new TaskCompleted("1", "email_notification", T0.plusSeconds(1), Duration.ofSeconds(1)));
        subscriber.handle(new TaskCompleted("1", "email_notification", T0.plusSeconds(2), Duration.ofSeconds(2)));
        assertEquals(1, spans.getFinishedSpanItems().size());

        subscriber.handle(new StepCompleted(
                "2", "email_notification", "send_email", 1, T0.plusSeconds(3), Duration.ofSeconds(1)));
        SpanData lone = named(spans.getFinishedSpanItems(), "step send_email").get(0);
        assertEquals(nanos(T0.plusSeconds(2)), lone.getStartEpochNanos(), "start = end - duration");
    }

    @Test
    void aTraceparentMakesTheTaskPartOfTheCallersTrace() {
        Traceparent parent = Traceparent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        subscriber.handle(new TaskStarted("9", "order_fulfillment", T0, Map.of(), Optional.of(parent)));
        subscriber.handle(new TaskCompleted("9", "order_fulfillment", T0.plusSeconds(1), Duration.ofSeconds(1)));
        SpanData root = spans.getFinishedSpanItems().get(0);
        assertEquals(parent.traceId(), root.getTraceId());
        assertEquals(parent.spanId(), root.getParentSpanId());
        assertTrue(root.getParentSpanContext().isRemote());
    }

    @Test
    void spansHaveTheContextsTheCodeRunningThemWasGivenAndCarryTheTracestate() {
        InMemorySpanExporter exported = InMemorySpanExporter.create();
        SdkTracerProvider preset = SdkTracerProvider.builder()
                .setIdGenerator(PresetIdGenerator.random())
                .addSpanProcessor(SimpleSpanProcessor.create(exported))
                .build();
        TelemetrySubscriber withIds = new TelemetrySubscriber(preset.get("test"), TelemetryOptions.defaults(), clock);
        Traceparent caller = Traceparent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "vendor=abc");
        TaskStarted started = new TaskStarted("9", "order_fulfillment", T0, Map.of(), Optional.of(caller));
        Traceparent task = TraceIds.task(started); // what the code running the task is given
        withIds.handle(started);
        withIds.handle(new StepStarted("9", "order_fulfillment", "pack", 1, T0.plusMillis(5)));
        withIds.handle(new StepCompleted("9", "order_fulfillment", "pack", 1, T0.plusMillis(9), Duration.ofMillis(4)));
        withIds.handle(new TaskCompleted("9", "order_fulfillment", T0.plusSeconds(1), Duration.ofSeconds(1)));
        SpanData root =
                named(exported.getFinishedSpanItems(), "task order_fulfillment").get(0);
        SpanData step = named(exported.getFinishedSpanItems(), "step pack").get(0);
        preset.shutdown().join(5, TimeUnit.SECONDS);
        assertEquals(task.traceId(), root.getTraceId());
        assertEquals(task.spanId(), root.getSpanId());
        assertEquals(TraceIds.step(task, "pack", 1).spanId(), step.getSpanId());
        assertEquals(task.spanId(), step.getParentSpanId());
        assertEquals("abc", root.getSpanContext().getTraceState().get("vendor"), "tracestate carried on");
        assertEquals("abc", step.getSpanContext().getTraceState().get("vendor"));
    }

    @Test
    void aStepPublishedElsewhereUnderItsTasksContextIsItsChild() {
        TaskStarted started = new TaskStarted("9", "order_fulfillment", T0);
        Traceparent task = TraceIds.task(started);
        // Another process, which saw only the task's context, runs a step under it.
        subscriber.handle(
                new StepStarted("9", "order_fulfillment", "ship", 1, T0.plusMillis(5), Map.of(), Optional.of(task)));
        subscriber.handle(new StepCompleted(
                "9",
                "order_fulfillment",
                "ship",
                1,
                T0.plusMillis(9),
                Duration.ofMillis(4),
                Map.of(),
                Optional.of(task)));
        SpanData step = spans.getFinishedSpanItems().get(0);
        assertEquals(task.traceId(), step.getTraceId());
        assertEquals(task.spanId(), step.getParentSpanId());
    }

    @Test
    void aTaskIsAConsumerItsStepsInternalAndErrorTypeMarksOnlyWhatFailed() {
        String t = "inventory_sync";
        subscriber.handle(new TaskStarted("5", t, T0));
        subscriber.handle(new StepStarted("5", t, "fetch", 1, T0));
        subscriber.handle(new StepFailed("5", t, "fetch", 1, T0.plusMillis(10), Duration.ofMillis(10), DECLINED));
        subscriber.handle(new StepMaxRetriesReached("5", t, "fetch", 1, T0.plusMillis(10), DECLINED));
        // The workflow goes on without that step, and the task succeeds.
        subscriber.handle(new TaskCompleted("5", t, T0.plusSeconds(1), Duration.ofSeconds(1)));
        SpanData root = named(spans.getFinishedSpanItems(), "task " + t).get(0);
        SpanData step = named(spans.getFinishedSpanItems(), "step fetch").get(0);
        assertEquals(io.opentelemetry.api.trace.SpanKind.CONSUMER, root.getKind());
        assertEquals(io.opentelemetry.api.trace.SpanKind.INTERNAL, step.getKind());
        assertNull(root.getAttributes().get(TelemetrySubscriber.ERROR_TYPE), "the task did not fail");
        assertEquals(StatusCode.UNSET, root.getStatus().getStatusCode());
        assertEquals("CardDeclined", step.getAttributes().get(TelemetrySubscriber.ERROR_TYPE), "the attempt did");
        EventData exhausted = root.getEvents().stream()
                .filter(e -> e.getName().equals("step.max_retries_reached"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                "CardDeclined", exhausted.getAttributes().get(TelemetrySubscriber.ERROR_TYPE), "told on the event");
    }

    @Test
    void tasksPublishedFromManyThreadsEachGetTheirWholeTree() throws Exception {
        TelemetrySubscriber roomy = new TelemetrySubscriber(tracing.get("test"), TelemetryOptions.defaults(), clock);
        MetricRegistry registry = new MetricRegistry(RegistryOptions.defaults().withClock(clock));
        int threads = 4;
        int tasks = 100;
        try (EventPublisher publisher =
                new EventPublisher(registry, PublisherOptions.defaults().withQueueCapacity(100_000))) {
            publisher.subscribe(roomy);
            List<Thread> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int base = t * tasks;
                Thread thread = new Thread(() -> {
                    for (int i = 0; i < tasks; i++) {
                        failingPayment(publisher::publish, Integer.toString(base + i));
                    }
                });
                thread.start();
                running.add(thread);
            }
            for (Thread t : running) {
                t.join();
            }
        }
        List<SpanData> all = spans.getFinishedSpanItems();
        assertEquals(threads * tasks * 4, all.size());
        List<SpanData> roots = named(all, "task payment_processing");
        assertEquals(
                threads * tasks,
                roots.stream().map(SpanData::getTraceId).distinct().count());
        for (SpanData step : all) {
            if (!step.getName().startsWith("task")) {
                assertTrue(roots.stream()
                        .anyMatch(r -> r.getSpanId().equals(step.getParentSpanId())
                                && r.getAttributes()
                                        .get(TelemetrySubscriber.TASK_ID)
                                        .equals(step.getAttributes().get(TelemetrySubscriber.TASK_ID))));
            }
        }
        assertEquals(0, roomy.openTasks());
        assertNull(all.stream()
                .filter(s -> s.getAttributes().get(TelemetrySubscriber.EVICTED) != null)
                .findAny()
                .orElse(null));
        assertTrue(SpanId.isValid(roots.get(0).getSpanId()));
    }

    static List<SpanData> named(List<SpanData> spans, String name) {
        return spans.stream()
                .filter(s -> s.getName().equals(name))
                .sorted(java.util.Comparator.comparingLong(SpanData::getStartEpochNanos))
                .toList();
    }

    @Test
    void secretsInValuesMessagesStacksAndStatusDescriptionsAreMasked() {
        Failure leaky = new Failure(
                "LoginFailed",
                "login failed for token=sk_live_999",
                "LoginFailed: login failed for token=sk_live_999\n\tat Auth.login(Auth.java:7)\n");
        subscriber.handle(
                new TaskStarted("9", "login", T0, Map.of("db_url", "postgres://app:hunter2@db/x"), Optional.empty()));
        subscriber.handle(new TaskFailed("9", "login", T0.plusSeconds(1), Duration.ofSeconds(1), leaky));
        SpanData root = spans.getFinishedSpanItems().get(0);
        assertEquals(
                "postgres://app:[MASKED]@db/x",
                root.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey("tasker.param.db_url")));
        assertEquals("login failed for token=[MASKED]", root.getStatus().getDescription());
        EventData exception = root.getEvents().get(0);
        String all = exception.getAttributes().toString() + root.getStatus();
        assertFalse(all.contains("sk_live_999"), all);
        assertTrue(all.contains("Auth.login(Auth.java:7)"), "the stack stays readable: " + all);
    }

    static long nanos(Instant t) {
        return TimeUnit.SECONDS.toNanos(t.getEpochSecond()) + t.getNano();
    }
}
