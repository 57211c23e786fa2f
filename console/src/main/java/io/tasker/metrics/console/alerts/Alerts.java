package io.tasker.metrics.console.alerts;

import io.tasker.metrics.Gauge;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.console.chart.Window;
import io.tasker.metrics.console.config.AlertSettings;
import io.tasker.metrics.console.instances.InstanceRow;
import io.tasker.metrics.console.instances.InstancesService;
import io.tasker.metrics.console.tasks.TaskRow;
import io.tasker.metrics.console.tasks.TaskStats;
import io.tasker.metrics.console.web.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's own alerts, evaluated after every history sample: a task whose error rate
 * over the last 5 minutes is above {@code console.alerts.error_rate}, and a live instance that
 * has not synced for two sync intervals. Each alert is a banner on
 * every page and {@code tasker_console_alert_firing{alert}} (1 firing, 0 not), so Prometheus can
 * page on it too.
 *
 * <pre>{@code
 * alerts.evaluate();
 * alerts.banners().get(0).text(); // Task "payment" fails 12.0% of its executions (threshold 5.0%) over the last 5m.
 * }</pre>
 */
public final class Alerts {
    /** The {@code alert} label of the error-rate alert. */
    public static final String TASK_ERROR_RATE = "task_error_rate";
    /** The {@code alert} label of the late-instance alert. */
    public static final String INSTANCE_LATE = "instance_late";
    /** The window the alert judges, the Tasks page's shortest. */
    public static final Window WINDOW = Window.M5;

    private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);

    private final TaskStats tasks;
    private final InstancesService instances;
    private final AlertSettings settings;
    private final Gauge firing;
    private volatile List<Banner> banners = List.of();

    public Alerts(MetricRegistry registry, TaskStats tasks, InstancesService instances, AlertSettings settings) {
        this.tasks = tasks;
        this.instances = instances;
        this.settings = settings;
        this.firing = Gauge.builder("console_alert_firing")
                .help("1 while the console's alert of that name fires, else 0.")
                .labelNames("alert")
                .register(registry);
        firing.labels(TASK_ERROR_RATE).set(0);
        firing.labels(INSTANCE_LATE).set(0);
    }

    /** Judges the alerts anew; never throws (a failure is logged and leaves the last judgement). */
    public void evaluate() {
        try {
            List<Banner> now = new ArrayList<>();
            for (TaskRow row : tasks.rows(WINDOW)) {
                if (row.over()) {
                    now.add(new Banner(
                            TASK_ERROR_RATE,
                            "Task",
                            row.task(),
                            String.format(
                                    Locale.ROOT,
                                    "fails %.1f%% of its executions (threshold %.1f%%) over the last %s.",
                                    row.errorRate() * 100,
                                    settings.errorRate() * 100,
                                    WINDOW.word())));
                }
            }
            firing.labels(TASK_ERROR_RATE).set(now.isEmpty() ? 0 : 1);
            List<Banner> late = lateInstances();
            firing.labels(INSTANCE_LATE).set(late.isEmpty() ? 0 : 1);
            now.addAll(late);
            banners = List.copyOf(now);
        } catch (Exception e) {
            LOG.warn("Alert evaluation failed: {}", e.toString());
        }
    }

    private List<Banner> lateInstances() {
        List<Banner> out = new ArrayList<>();
        for (InstanceRow row : instances.late()) {
            out.add(new Banner(
                    INSTANCE_LATE,
                    "Instance",
                    row.id(),
                    "is late: its last sync was at " + Format.time(row.lastSync()) + "."));
        }
        return out;
    }

    /** @return what fires now, grouped by alert for the banner */
    public List<BannerGroup> groups() {
        return BannerGroup.of(banners, settings.errorRate());
    }

    /** @return what fires now, one banner per alert */
    public List<Banner> banners() {
        return banners;
    }
}
