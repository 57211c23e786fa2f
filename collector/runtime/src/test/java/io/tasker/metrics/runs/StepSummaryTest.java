package io.tasker.metrics.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.events.MetricsSubscriber;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepSummaryTest {
    @Test
    void stepsAreRankedByP95WithTheirCountAndErrorShare() {
        MetricRegistry registry = new MetricRegistry();
        MetricsSubscriber metrics = new MetricsSubscriber(registry);
        Instant t0 = Instant.parse("2026-01-01T12:00:00Z");
        for (int i = 0; i < 4; i++) {
            Runs.run(metrics::handle, "t" + i, t0, i == 0);
        }
        List<StepSummary> steps = StepSummary.from(registry.snapshot(), registry.options());
        assertEquals(
                List.of("charge_card", "validate_payment"),
                steps.stream().map(StepSummary::stepName).toList());
        StepSummary charge = steps.get(0);
        assertEquals(8, charge.count(), "two attempts in each of four runs");
        assertEquals(5.0 / 8, charge.errorShare(), 1e-9, "four first attempts and one second attempt failed");
        assertTrue(charge.p95Seconds() >= 0.19 && charge.p95Seconds() <= 0.21, charge.toString());
        assertEquals(0, steps.get(1).errorShare());
    }
}
