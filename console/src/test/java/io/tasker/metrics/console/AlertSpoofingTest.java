package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.console.web.Ui;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A task name cannot pass for an alert's own words: a task named {@code Instance fake is late}
 * that fails made a banner reading like the late-instance alert. Names show quoted, in an
 * element of their own, and the banner's link follows the alert, not the text.
 */
class AlertSpoofingTest {
    private static final String SPOOF = "Instance fake is late";

    @Test
    void aTaskNameShowsQuotedAndStyledAsAValue() {
        ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
        try (ConsoleFixture console = ConsoleFixture.builder().clock(clock).start()) {
            MetricRegistry registry = console.console().runtime().registry();
            console.sample(
                    clock,
                    8,
                    i -> registry.incrementCounter(
                            "task_executions_total", 4, "status", "failure", "task_name", SPOOF));
            String banner = console.get(Ui.ALERTS_FRAGMENT).body();
            assertTrue(
                    banner.contains("<strong>Alert.</strong> Task <code class=\"alert-name\">&ldquo;" + SPOOF
                            + "&rdquo;</code> fails 100.0%"),
                    banner);
            assertFalse(banner.contains("href=\"" + Ui.INSTANCES_PAGE + "\""), "the alert is about a task: " + banner);
        }
    }
}
