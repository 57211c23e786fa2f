package io.tasker.metrics.console.demo;

import io.tasker.metrics.Clock;
import io.tasker.metrics.Gauge;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.events.EventPublisher;
import io.tasker.metrics.events.Failure;
import io.tasker.metrics.events.StepCompleted;
import io.tasker.metrics.events.StepFailed;
import io.tasker.metrics.events.StepMaxRetriesReached;
import io.tasker.metrics.events.StepRetried;
import io.tasker.metrics.events.StepStarted;
import io.tasker.metrics.events.TaskCompleted;
import io.tasker.metrics.events.TaskFailed;
import io.tasker.metrics.events.TaskStarted;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A simulated workflow engine for {@code bin/console --demo}: tasks such as payment processing
 * run their steps, which succeed, fail or are retried (up to 3 attempts); queues fill and drain.
 * It publishes the workflow's lifecycle events, so the documented task and step metrics
 * (docs/design-notes.md) reach the dashboard through the event subscribers (the
 * MetricsSubscriber), as they would in a service; only the queue depth gauge is recorded directly.
 */
public final class DemoWorkload implements AutoCloseable {
    private static final List<String> TASKS =
            List.of("payment_processing", "order_fulfillment", "inventory_sync", "email_notification");
    private static final List<List<String>> STEPS = List.of(
            List.of("validate_payment", "charge_card", "send_receipt"),
            List.of("reserve_stock", "pack_order", "ship_order"),
            List.of("fetch_inventory", "reconcile_stock"),
            List.of("render_email", "send_email"));
    private static final List<String> QUEUES = List.of("default", "critical", "bulk");
    private static final List<Failure> FAILURES = List.of(
            Failure.of("java.net.SocketTimeoutException", "Read timed out after 5000 ms"),
            Failure.of("io.tasker.demo.CardDeclinedException", "Card declined: insufficient funds"),
            Failure.of("java.lang.IllegalStateException", "Stock count went negative"));
    private static final int MAX_ATTEMPTS = 3;

    private final EventPublisher events;
    private final Clock clock;
    private final Gauge queueDepth;
    private final Random random = new Random();
    private final AtomicLong nextTaskId = new AtomicLong(10_000 + new Random().nextInt(80_000));
    private final double[] depth = new double[QUEUES.size()];
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tasker-demo-workload");
        t.setDaemon(true);
        return t;
    });

    public DemoWorkload(EventPublisher events, MetricRegistry registry, Clock clock) {
        this.events = events;
        this.clock = clock;
        queueDepth = Gauge.builder("queue_depth")
                .help("Tasks waiting, by queue.")
                .labelNames("queue")
                .register(registry);
    }

    /**
     * Runs a few tasks every 100 ms until closed. The first round runs before this returns, so
     * that the console's first sync already holds the demo's metrics; otherwise the dashboard
     * showed only the console's own metrics until the next sync, 30 seconds later.
     */
    public DemoWorkload start() {
        tick();
        // tick() catches its own failures; close() stops the schedule.
        var unused = executor.scheduleAtFixedRate(this::tick, 100, 100, TimeUnit.MILLISECONDS);
        return this;
    }

    private void tick() {
        for (int i = 0; i < 1 + random.nextInt(3); i++) {
            runTask(random.nextInt(TASKS.size()));
        }
        for (int q = 0; q < QUEUES.size(); q++) {
            depth[q] = Math.max(0, depth[q] + random.nextGaussian() * 2 + (q == 2 ? 0.3 : -0.1));
            queueDepth.labels(QUEUES.get(q)).set(Math.round(depth[q]));
        }
    }

    /** One task run, its events stamped on a simulated time line that ends now. */
    private void runTask(int task) {
        String name = TASKS.get(task);
        String id = Long.toString(nextTaskId.getAndIncrement());
        Instant start = clock.instant().minusSeconds(2);
        // Each task starts a trace of its own (a root span): the demo has no caller whose span
        // could be its parent, and a made-up parent that is never sent leaves every trace broken.
        events.publish(
                new TaskStarted(id, name, start, Map.of("queue", QUEUES.get(task % QUEUES.size())), Optional.empty()));
        Instant now = start;
        Failure failure = null;
        for (String step : STEPS.get(task)) {
            Outcome outcome = runStep(id, name, step, now);
            now = outcome.end();
            if (outcome.failure() != null) {
                failure = outcome.failure();
                break;
            }
        }
        Duration took = Duration.between(start, now);
        events.publish(
                failure == null
                        ? new TaskCompleted(id, name, now, took)
                        : new TaskFailed(id, name, now, took, failure));
    }

    private record Outcome(Instant end, Failure failure) {}

    /** Attempts a step until it succeeds or runs out of attempts; about 30% of attempts fail, so about 3% of steps fail for good. */
    private Outcome runStep(String id, String task, String step, Instant start) {
        Instant now = start;
        for (int attempt = 1; ; attempt++) {
            events.publish(new StepStarted(id, task, step, attempt, now));
            Duration took = Duration.ofNanos((long) (Math.exp(random.nextGaussian() * 0.8 - 3.2) * 1e9));
            now = now.plus(took);
            if (random.nextDouble() >= 0.3) {
                events.publish(new StepCompleted(id, task, step, attempt, now, took));
                return new Outcome(now, null);
            }
            Failure failure = FAILURES.get(random.nextInt(FAILURES.size()));
            events.publish(new StepFailed(id, task, step, attempt, now, took, failure));
            if (attempt == MAX_ATTEMPTS) {
                events.publish(new StepMaxRetriesReached(id, task, step, attempt, now, failure));
                return new Outcome(now, failure);
            }
            now = now.plusMillis(20);
            events.publish(new StepRetried(id, task, step, attempt + 1, now));
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
