package io.tasker.metrics.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.RegistryOptions;
import io.tasker.metrics.format.PrometheusTextWriter;
import io.tasker.metrics.formats.JsonWriter;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.store.MemoryStore;
import io.tasker.metrics.store.Record;
import io.tasker.metrics.sync.ClusterReader;
import io.tasker.metrics.sync.ClusterSync;
import io.tasker.metrics.sync.SyncOptions;
import io.tasker.metrics.sync.SyncStrategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCoordinatorTest {
    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T12:00:00Z"));
    private final MemoryStore store = new MemoryStore(clock);
    private final List<Duration> slept = new ArrayList<>();
    private ClusterSync sync;
    private ClusterReader reader;
    private ExportCoordinator coordinator;

    @BeforeEach
    void setUp() {
        MetricRegistry registry = new MetricRegistry(RegistryOptions.defaults().withClock(clock));
        registry.incrementCounter("task_executions_total", 7, "status", "success");
        sync = new ClusterSync(store, SyncOptions.defaults("web-1"), clock, registry::snapshot);
        assertTrue(sync.sync(SyncStrategy.LOCAL_ONLY).success());
        reader = new ClusterReader(store, SyncOptions.defaults("web-1"), clock);
        coordinator = new ExportCoordinator(
                reader,
                sync::instanceId,
                new ExportTiming(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(2)),
                Duration.ofMinutes(5),
                3,
                clock,
                d -> {
                    slept.add(d);
                    clock.advance(d);
                });
    }

    @Test
    void exportNowWritesATimestampedFileAndRecordsIt() throws IOException {
        ExportRecord r =
                coordinator.exportNow(new FileDestination(new JsonWriter(), dir, null, clock), ExportTrigger.CLI);
        assertTrue(r.success(), r.toString());
        Path file = dir.resolve("tasker-metrics-20260101T120000Z.json");
        assertEquals(file.toString(), r.destination());
        JsonNode json = new ObjectMapper().readTree(Files.readString(file));
        assertEquals(
                7,
                json.at("/metrics/counters/tasker_task_executions_total/0/value")
                        .asInt());
        assertEquals(1, r.series());
        assertEquals(Files.size(file), r.bytes());
        assertEquals(ExportTiming.Reason.ON_DEMAND, r.timing());
        assertEquals(List.of(r), coordinator.history().list());
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count(), "no temporary file left behind");
        }
    }

    @Test
    void oncePerIntervalSkipsWithinTheWindowLessAFifthAndExportsAfter() {
        Duration interval = Duration.ofMinutes(5);
        FileDestination json = new FileDestination(new JsonWriter(), dir, null, clock);
        assertTrue(coordinator.exportOncePer(interval, json, ExportTrigger.CLI).success(), "nothing exported yet");
        clock.advance(Duration.ofMinutes(2));
        ExportRecord backup = coordinator.exportOncePer(interval, json, ExportTrigger.CLI);
        assertEquals(ExportRecord.Outcome.SKIPPED, backup.outcome());
        assertTrue(
                backup.error()
                        .startsWith("skipped: this window is exported already (json at 2026-01-01T12:00:00Z by "
                                + "web-1, 120 s ago; export_interval 5 min less a fifth)"),
                backup.error());
        ExportRecord csv = coordinator.exportOncePer(
                interval,
                new FileDestination(new io.tasker.metrics.formats.CsvWriter(), dir, null, clock),
                ExportTrigger.CLI);
        assertTrue(csv.success(), "another format is another export: " + csv);
        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        assertTrue(
                coordinator.exportOncePer(interval, json, ExportTrigger.CLI).success(),
                "4 min 1 s later: the next window");
        assertEquals(3, coordinator.history().list().size(), "the skip is not recorded");
    }

    @Test
    void oncePerIntervalIgnoresFailedAndOnDemandExports() {
        Duration interval = Duration.ofMinutes(5);
        FileDestination json = new FileDestination(new JsonWriter(), dir, null, clock);
        coordinator
                .history()
                .append(ExportRecord.failed(
                        new ExportRecord.Start(
                                clock.instant(),
                                ExportFormat.JSON,
                                "x.json",
                                ExportTrigger.CLI,
                                "cron-1",
                                3,
                                ExportTiming.Reason.OPTIMAL_TIMING),
                        "IOException: disk full",
                        5,
                        4));
        assertTrue(coordinator.exportNow(json, ExportTrigger.CONSOLE).success());
        assertTrue(
                coordinator.exportOncePer(interval, json, ExportTrigger.CLI).success(),
                "a failed main run and a console export-now leave the window to the backup");
    }

    @Test
    void aHeldLockMakesTheExportASkipSaidInWords() {
        store.add("tasker:lock:export", new Record(0, "web-9/abc".getBytes()), Duration.ofMinutes(5));
        ExportRecord r = coordinator.export(new FileDestination(new JsonWriter(), dir, null, clock), ExportTrigger.CLI);
        assertEquals(ExportRecord.Outcome.SKIPPED, r.outcome());
        assertEquals("skipped: another instance is exporting (web-9)", r.error());
        assertTrue(coordinator.history().list().isEmpty(), "a skip for the lock is not an export");
    }

    @Test
    void theLockIsReleasedAndFencingNumbersGrow() {
        ExportRecord first =
                coordinator.export(new FileDestination(new JsonWriter(), dir, null, clock), ExportTrigger.SCHEDULER);
        clock.advance(Duration.ofSeconds(1));
        ExportRecord second =
                coordinator.export(new FileDestination(new JsonWriter(), dir, null, clock), ExportTrigger.SCHEDULER);
        assertTrue(first.success() && second.success());
        assertEquals(first.fencingNumber() + 1, second.fencingNumber());
        assertTrue(coordinator.lock().holder().isEmpty());
        assertEquals(ExportTiming.Reason.OPTIMAL_TIMING, first.timing());
    }

    @Test
    void aFailedExportIsRetriedWithGrowingDelaysAndTheTtlExtended() {
        AtomicInteger calls = new AtomicInteger();
        ExportDestination flaky = new ExportDestination() {
            @Override
            public String describe() {
                return "flaky";
            }

            @Override
            public ExportFormat format() {
                return ExportFormat.PROMETHEUS;
            }

            @Override
            public Delivery deliver(MetricsSnapshot snapshot) throws IOException {
                if (calls.incrementAndGet() < 3) {
                    throw new IOException("connection reset");
                }
                return new Delivery(snapshot.seriesCount(), 10, 1, null, null);
            }
        };
        Instant expiryBefore = reader.earliestExpiry().orElseThrow();
        ExportRecord r = coordinator.export(flaky, ExportTrigger.SCHEDULER);
        assertTrue(r.success(), r.toString());
        assertEquals(3, r.attempts());
        assertEquals(List.of(Duration.ofSeconds(30), Duration.ofMinutes(1)), slept);
        assertTrue(
                reader.earliestExpiry().orElseThrow().isAfter(expiryBefore.plus(Duration.ofSeconds(90))),
                "the data was given more time before each retry");
    }

    @Test
    void retriesStopAtTheJobTimeout() {
        ExportDestination broken = new FileDestination(
                new PrometheusTextWriter(), dir.resolve("missing"), dir.resolve("file-not-dir/x.prom"), clock);
        try {
            Files.writeString(dir.resolve("file-not-dir"), "a file where a directory should be");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ExportRecord r = coordinator.export(broken, ExportTrigger.CLI);
        assertEquals(ExportRecord.Outcome.FAILED, r.outcome());
        assertTrue(r.error().contains("file-not-dir"), r.error());
        assertEquals(3, r.attempts(), "30 s and 1 min fit in 5 min with a 2 min export timeout; 2 min more does not");
        assertEquals(List.of(r), coordinator.history().list());
    }

    @Test
    void aLateExportExtendsTheTtlFirst() {
        clock.advance(Duration.ofMinutes(3));
        ExportTiming.Plan plan = coordinator.plan();
        assertEquals(ExportTiming.Reason.TTL_EXTENSION, plan.reason());
        ExportRecord r = coordinator.export(new FileDestination(new JsonWriter(), dir, null, clock), ExportTrigger.CLI);
        assertTrue(r.success(), r.toString());
        assertEquals(ExportTiming.Reason.TTL_EXTENSION, r.timing());
        assertEquals(ExportTiming.Reason.OPTIMAL_TIMING, coordinator.plan().reason(), "the data has time again");
    }
}
