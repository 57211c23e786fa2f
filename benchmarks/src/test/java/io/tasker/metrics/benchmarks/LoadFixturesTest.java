package io.tasker.metrics.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tasker.metrics.MetricRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The series the remote-write and console benchmarks load are as many as they claim: the
 * benchmarks' "10,000 series" must not be 9,800 or 10,400.
 */
class LoadFixturesTest {
    @Test
    void designSeriesEncodeToExactlyTheRemoteWriteSeriesAsked() {
        Payload p = Payload.measure(DesignSeries.snapshot(10_000), RemoteWriteWorker.BATCH_SIZE);
        assertEquals(10_000, p.series());
        assertEquals(10, p.requests());
        assertThrows(IllegalArgumentException.class, () -> DesignSeries.snapshot(10_100));
    }

    @Test
    void consoleSeriesAreTenThousandTableRows() {
        MetricRegistry registry = new MetricRegistry();
        ConsoleSeries.fill(registry);
        assertEquals(10_000, ConsoleSeries.ROWS);
        assertEquals(ConsoleSeries.ROWS, registry.snapshot().seriesCount());
    }

    @Test
    void reportLinesSurviveTheTripThroughAChildsOutput() {
        ReportLine line = ReportLine.parse(ReportLine.format("RUN", "micros", 812, "requests", 10))
                .orElseThrow();
        assertEquals(new ReportLine("RUN", Map.of("micros", "812", "requests", "10")), line);
        assertEquals(812, line.number("micros"));
        assertEquals(java.util.Optional.empty(), ReportLine.parse("[main] WARN something else"));
    }
}
