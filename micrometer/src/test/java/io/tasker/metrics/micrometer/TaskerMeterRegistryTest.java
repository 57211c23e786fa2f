package io.tasker.metrics.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Statistic;
import io.micrometer.core.instrument.Timer;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.RegistryOptions;
import io.tasker.metrics.format.PrometheusTextWriter;
import io.tasker.metrics.formats.JsonWriter;
import io.tasker.metrics.snapshot.GaugePolicy;
import io.tasker.metrics.snapshot.GaugeSnapshot;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.testing.Promtool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What each kind of Micrometer meter becomes in the collector, and what is refused. */
class TaskerMeterRegistryTest {
    private final MockClock clock = new MockClock();
    private final MetricRegistry metrics = new MetricRegistry();
    private final TaskerMeterRegistry registry = new TaskerMeterRegistry(metrics, clock);

    @Test
    void countersAreCollectorCountersWithTagsAsLabels() throws IOException {
        Counter c = registry.counter("jobs.processed", "queue", "default");
        c.increment();
        c.increment(2);
        String text = prometheus();
        assertTrue(text.contains("tasker_jobs_processed_total{queue=\"default\"} 3"), text);
        assertEquals(3, c.count());
    }

    @Test
    void timersAreHistogramsInSecondsWithTheirServiceLevelObjectivesAsBuckets() throws IOException {
        Timer t = Timer.builder("http.server.requests")
                .tag("uri", "/tasks")
                .serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(500))
                .register(registry);
        t.record(Duration.ofMillis(20));
        t.record(Duration.ofMillis(200));
        t.record(Duration.ofSeconds(2));
        String text = prometheus();
        assertTrue(text.contains("tasker_http_server_requests_seconds_bucket{uri=\"/tasks\",le=\"0.05\"} 1"), text);
        assertTrue(text.contains("tasker_http_server_requests_seconds_bucket{uri=\"/tasks\",le=\"0.5\"} 2"), text);
        assertTrue(text.contains("tasker_http_server_requests_seconds_bucket{uri=\"/tasks\",le=\"+Inf\"} 3"), text);
        assertTrue(text.contains("tasker_http_server_requests_seconds_sum{uri=\"/tasks\"} 2.22"), text);
        assertTrue(text.contains("tasker_http_server_requests_seconds_max{uri=\"/tasks\"} 2"), text);
        assertEquals(3, t.count());
        assertEquals(2220, t.totalTime(TimeUnit.MILLISECONDS), 1e-9);
    }

    @Test
    void withoutServiceLevelObjectivesTimersTakeTheCollectorsDefaultBuckets() throws IOException {
        registry.timer("step.duration").record(Duration.ofMillis(30));
        String text = prometheus();
        for (String le : List.of("0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "10.0")) {
            assertTrue(text.contains("tasker_step_duration_seconds_bucket{le=\"" + le + "\"}"), le + " in " + text);
        }
        assertTrue(text.contains("tasker_step_duration_seconds_bucket{le=\"0.05\"} 1"), text);
    }

    @Test
    void summariesKeepTheirBaseUnitAndScale() throws IOException {
        DistributionSummary s = DistributionSummary.builder("payload")
                .baseUnit("bytes")
                .scale(10)
                .serviceLevelObjectives(100, 1000)
                .register(registry);
        s.record(5);
        s.record(50);
        String text = prometheus();
        assertTrue(text.contains("tasker_payload_bytes_bucket{le=\"100.0\"} 1"), text);
        assertTrue(text.contains("tasker_payload_bytes_bucket{le=\"1000.0\"} 2"), text);
        assertTrue(text.contains("tasker_payload_bytes_sum 550"), text);
        assertTrue(text.contains("tasker_payload_bytes_max 500"), text);
    }

    @Test
    void percentilesComeFromTheCollectorsQuantileSketch() throws IOException {
        Timer t = Timer.builder("task.duration").publishPercentiles(0.5, 0.99).register(registry);
        for (int ms = 1; ms <= 100; ms++) {
            t.record(ms, TimeUnit.MILLISECONDS);
        }
        assertEquals(50, t.takeSnapshot().percentileValues()[0].value(TimeUnit.MILLISECONDS), 1);
        assertEquals(99, t.takeSnapshot().percentileValues()[1].value(TimeUnit.MILLISECONDS), 1.5);
        String json = json();
        assertTrue(json.contains("\"quantiles\""), json);
    }

    @Test
    void gaugesAndFunctionCountersAreReadAtEachSnapshot() throws IOException {
        AtomicInteger depth = registry.gauge("queue.depth", List.of(), new AtomicInteger(4));
        AtomicLong source = new AtomicLong(5);
        FunctionCounter.builder("pool.allocations", source, AtomicLong::doubleValue)
                .register(registry);
        assertTrue(prometheus().contains("tasker_queue_depth 4"));
        depth.set(7);
        source.set(3); // the pool started again from zero, then made 3
        String text = prometheus();
        assertTrue(text.contains("tasker_queue_depth 7"), text);
        assertTrue(text.contains("tasker_pool_allocations_total 8"), "a reset counts as new gain: " + text);
    }

    @Test
    void longTaskTimersShowActiveTasksTheirDurationAndTheLongest() throws IOException {
        LongTaskTimer ltt = registry.more().longTaskTimer("export.running");
        ltt.start();
        clock.add(3, TimeUnit.SECONDS);
        ltt.start();
        clock.add(1, TimeUnit.SECONDS);
        String text = prometheus();
        assertTrue(text.contains("tasker_export_running_seconds_active_tasks 2"), text);
        assertTrue(text.contains("tasker_export_running_seconds_duration 5"), text);
        assertTrue(text.contains("tasker_export_running_seconds_max 4"), text);
    }

    @Test
    void functionTimersAreTwoCountersInSeconds() throws IOException {
        AtomicLong calls = new AtomicLong(4);
        registry.more()
                .timer("pool.wait", List.of(), calls, AtomicLong::get, c -> c.get() * 250.0, TimeUnit.MILLISECONDS);
        String text = prometheus();
        assertTrue(text.contains("tasker_pool_wait_seconds_count_total 4"), text);
        assertTrue(text.contains("tasker_pool_wait_seconds_sum_total 1"), text);
    }

    @Test
    void customMetersGiveOneFamilyPerStatistic() throws IOException {
        AtomicLong hits = new AtomicLong(6);
        Meter.builder(
                        "cache",
                        Meter.Type.OTHER,
                        List.of(
                                new Measurement(hits::get, Statistic.COUNT),
                                new Measurement(() -> 0.75, Statistic.VALUE),
                                new Measurement(() -> 12, Statistic.MAX)))
                .register(registry);
        String text = prometheus();
        assertTrue(text.contains("tasker_cache_count_total 6"), text);
        assertTrue(text.contains("tasker_cache 0.75"), text);
        assertTrue(text.contains("tasker_cache_max 12"), text);
    }

    @Test
    void aCustomMeterWithOneStatisticTwiceIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Meter.builder(
                                "twice",
                                Meter.Type.OTHER,
                                List.of(
                                        new Measurement(() -> 1, Statistic.VALUE),
                                        new Measurement(() -> 2, Statistic.UNKNOWN)))
                        .register(registry));
        assertTrue(e.getMessage().contains("two measurements"), e.getMessage());
    }

    @Test
    void theGaugePolicyIsChosenPerMeter() {
        TaskerMeterRegistry r = new TaskerMeterRegistry(
                metrics, clock, id -> id.getName().startsWith("inflight") ? GaugePolicy.SUM : GaugePolicy.LAST);
        r.gauge("inflight.tasks", 3);
        r.gauge("config.version", 7);
        assertEquals(GaugePolicy.SUM, policy("tasker_inflight_tasks"));
        assertEquals(GaugePolicy.LAST, policy("tasker_config_version"));
    }

    @Test
    void everythingItWritesPassesPromtool() throws IOException {
        registry.counter("jobs", "k", "v").increment();
        registry.timer("latency", "k", "v").record(Duration.ofMillis(3));
        registry.summary("payload").record(3);
        registry.gauge("depth", 1.5);
        registry.more().longTaskTimer("export").start();
        registry.more().timer("pool.wait", List.of(), this, x -> 3, x -> 40, TimeUnit.MILLISECONDS);
        Meter.builder(
                        "custom",
                        Meter.Type.OTHER,
                        List.of(new Measurement(() -> 2, Statistic.COUNT), new Measurement(() -> 5, Statistic.VALUE)))
                .register(registry);
        Promtool.assertValid(prometheus());
    }

    @Test
    void theCardinalityGuardFoldsExtraTagValues() {
        MetricRegistry small = new MetricRegistry(RegistryOptions.defaults().withMaxSeriesPerMetric(2));
        TaskerMeterRegistry r = new TaskerMeterRegistry(small, clock);
        for (String user : List.of("a", "b", "c", "d")) {
            r.counter("logins", "user", user).increment();
        }
        MetricFamilySnapshot f = small.snapshot().family("tasker_logins").orElseThrow();
        assertEquals(3, f.points().size(), "two series and the overflow series");
        assertEquals(2, f.foldedObservations());
    }

    @Test
    void otherTagKeysUnderOneNameAreRefusedAndReported() {
        List<String> reported = new ArrayList<>();
        registry.config().onMeterRegistrationFailed((id, reason) -> reported.add(reason));
        registry.counter("requests", "uri", "/a");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> registry.counter("requests", "uri", "/a", "method", "GET"));
        assertTrue(e.getMessage().contains("'requests'") && e.getMessage().contains("labels [uri]"), e.getMessage());
        assertEquals(List.of(e.getMessage()), reported);
    }

    @Test
    void twoNamesThatMeetUnderTheConventionAreRefused() {
        registry.counter("my.counter");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.counter("my_counter"));
        assertTrue(e.getMessage().contains("'my.counter' already uses"), e.getMessage());
    }

    @Test
    void aGaugeNamedLikeATimersMaximumIsRefused() {
        registry.timer("export");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> registry.gauge("export.seconds.max", 1.0));
        assertTrue(e.getMessage().contains("meter 'export' already uses (for its _max)"), e.getMessage());
    }

    @Test
    void aGaugeUnderACountersNameIsRefused() {
        registry.counter("events");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> registry.gauge("events", List.of(io.micrometer.core.instrument.Tag.of("x", "y")), 1.0));
        assertTrue(e.getMessage().contains("already a counter"), e.getMessage());
    }

    @Test
    void otherBucketsUnderOneTimerNameAreRefused() {
        Timer.builder("slo.timer")
                .tag("k", "a")
                .serviceLevelObjectives(Duration.ofMillis(10))
                .register(registry);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Timer.builder("slo.timer")
                        .tag("k", "b")
                        .serviceLevelObjectives(Duration.ofMillis(20))
                        .register(registry));
        assertTrue(e.getMessage().contains("buckets"), e.getMessage());
    }

    @Test
    void aNegativeCounterIncrementIsAnErrorNotASilentDrop() {
        Counter c = registry.counter("retries");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.increment(-1));
        assertTrue(e.getMessage().contains("tasker_retries"), e.getMessage());
    }

    @Test
    void aThrowingGaugeFunctionCostsOnlyItsOwnValue() throws IOException {
        registry.gauge("broken", List.of(), new Object(), o -> {
            throw new IllegalStateException("boom");
        });
        registry.gauge("fine", 2.0);
        String text = prometheus();
        assertTrue(text.contains("tasker_fine 2"), text);
    }

    @Test
    void aClosedRegistryNoLongerFeedsSnapshots() throws IOException {
        AtomicInteger n = registry.gauge("open.files", new AtomicInteger(1));
        prometheus();
        registry.close();
        n.set(9);
        String text = prometheus();
        assertTrue(text.contains("tasker_open_files 1"), text);
        assertFalse(text.contains("tasker_open_files 9"), text);
    }

    @Test
    void removedMetersKeepTheirSeriesAndTheirLastValue() throws IOException {
        AtomicInteger n = registry.gauge("workers", new AtomicInteger(3));
        prometheus();
        Meter gauge = registry.get("workers").gauge();
        registry.remove(gauge);
        n.set(5);
        assertTrue(prometheus().contains("tasker_workers 3"));
    }

    private GaugePolicy policy(String family) {
        return ((GaugeSnapshot) metrics.snapshot().family(family).orElseThrow()).policy();
    }

    private String prometheus() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PrometheusTextWriter().write(out, metrics.snapshot());
        return out.toString(StandardCharsets.UTF_8);
    }

    private String json() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonWriter().write(out, metrics.snapshot());
        return out.toString(StandardCharsets.UTF_8);
    }
}
