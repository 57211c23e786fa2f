package io.tasker.metrics.console.demo;

import io.tasker.metrics.Counter;
import io.tasker.metrics.Gauge;
import io.tasker.metrics.Histogram;
import io.tasker.metrics.MetricRegistry;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A simulated workflow engine for {@code bin/console --demo}: tasks such as payment processing
 * run their steps, which succeed, fail or are retried; queues fill and drain. It records the
 * documented metric names (docs/design-notes.md), so a newcomer sees a living dashboard.
 */
public final class DemoWorkload implements AutoCloseable {
    private static final List<String> TASKS = List.of("payment_processing", "order_fulfillment", "inventory_sync",
            "email_notification");
    private static final List<List<String>> STEPS = List.of(
            List.of("validate_payment", "charge_card", "send_receipt"),
            List.of("reserve_stock", "pack_order", "ship_order"),
            List.of("fetch_inventory", "reconcile_stock"),
            List.of("render_email", "send_email"));
    private static final List<String> QUEUES = List.of("default", "critical", "bulk");

    private final Counter tasks;
    private final Histogram durations;
    private final Counter steps;
    private final Gauge queueDepth;
    private final Random random = new Random();
    private final double[] depth = new double[QUEUES.size()];
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tasker-demo-workload");
        t.setDaemon(true);
        return t;
    });

    public DemoWorkload(MetricRegistry registry) {
        tasks = Counter.builder("task_executions_total").help("Task executions by outcome and task.")
                .labelNames("status", "task_name").register(registry);
        durations = Histogram.builder("task_duration_seconds").help("Task duration in seconds.")
                .labelNames("task_name").quantiles().register(registry);
        steps = Counter.builder("step_executions_total").help("Step executions by step and outcome.")
                .labelNames("step_name", "status").register(registry);
        queueDepth = Gauge.builder("queue_depth").help("Tasks waiting, by queue.").labelNames("queue").register(registry);
    }

    /**
     * Runs a few tasks every 100 ms until closed. The first round runs before this returns, so
     * that the console's first sync already holds every demo metric; otherwise the dashboard
     * showed only the console's own metrics until the next sync, 30 seconds later.
     */
    public DemoWorkload start() {
        tick();
        executor.scheduleAtFixedRate(this::tick, 100, 100, TimeUnit.MILLISECONDS);
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

    private void runTask(int task) {
        String name = TASKS.get(task);
        double seconds = 0;
        boolean failed = false;
        for (String step : STEPS.get(task)) {
            double roll = random.nextDouble();
            String status = roll < 0.05 ? "failure" : roll < 0.12 ? "retry" : "success";
            steps.labels(step, status).inc();
            seconds += Math.exp(random.nextGaussian() * 0.8 - 2.5);
            if (status.equals("retry")) {
                steps.labels(step, "success").inc();
                seconds += Math.exp(random.nextGaussian() * 0.8 - 2.5);
            }
            if (status.equals("failure")) {
                failed = true;
                break;
            }
        }
        tasks.labels(failed ? "failure" : "success", name).inc();
        durations.labels(name).observe(seconds);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
