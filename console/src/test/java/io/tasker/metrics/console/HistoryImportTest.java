package io.tasker.metrics.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.metrics.console.db.Database;
import io.tasker.metrics.console.db.ExportHistoryRepository;
import io.tasker.metrics.console.db.TestDatabases;
import io.tasker.metrics.console.service.ExportHistoryTick;
import io.tasker.metrics.console.web.Ui;
import io.tasker.metrics.export.ExportFormat;
import io.tasker.metrics.export.ExportHistory;
import io.tasker.metrics.export.ExportRecord;
import io.tasker.metrics.export.ExportTiming;
import io.tasker.metrics.export.ExportTrigger;
import io.tasker.metrics.runtime.TaskerRuntime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The shared export record comes into H2 on the console's tick, each record exactly once. */
class HistoryImportTest {
    /** The database the tests run on: H2 here, PostgreSQL in the subclass that runs them there too. */
    Database open() {
        return TestDatabases.h2();
    }

    /** A console on that kind of database. */
    ConsoleFixture.Builder builder() {
        return ConsoleFixture.builder();
    }

    @Test
    void concurrentSavesOfTheSameRecordsTakeEachForNewOnce() throws Exception {
        List<ExportRecord> records = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            records.add(ExportRecord.failed(
                    new ExportRecord.Start(
                            Instant.parse("2026-02-01T00:00:00Z").plusSeconds(i),
                            ExportFormat.JSON,
                            "/x",
                            ExportTrigger.CLI,
                            "cron-" + i,
                            0,
                            ExportTiming.Reason.ON_DEMAND),
                    "boom",
                    1,
                    1));
        }
        try (Database db = open()) {
            ExportHistoryRepository repository = new ExportHistoryRepository(db);
            int threads = 8;
            CyclicBarrier start = new CyclicBarrier(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<Integer>> counts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                counts.add(pool.submit(() -> {
                    start.await();
                    return repository.importAll(records);
                }));
            }
            int taken = 0;
            for (Future<Integer> f : counts) {
                taken += f.get();
            }
            pool.shutdown();
            assertEquals(200, taken, "each record taken for new by exactly one import");
            assertEquals(200, repository.page(null, null, 0, 500).total());
        }
    }

    @Test
    void theTickImportsWhatACronJobRecordedWithoutAnyPageAsking() throws Exception {
        try (ConsoleFixture console = builder().start()) {
            TaskerRuntime runtime = console.console().runtime();
            new ExportHistory(runtime.store(), runtime.cluster().options().keys())
                    .append(ExportRecord.succeeded(
                            new ExportRecord.Start(
                                    Instant.now().minusSeconds(60),
                                    ExportFormat.CSV,
                                    "/srv/x.csv",
                                    ExportTrigger.CLI,
                                    "cron-7",
                                    2,
                                    ExportTiming.Reason.OPTIMAL_TIMING),
                            3,
                            100,
                            5,
                            1));
            int total = await().alias("the tick imports the shared history")
                    .atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(200))
                    .until(
                            () -> new ObjectMapper()
                                    .readTree(console.get(Ui.API_EXPORTS).body())
                                    .path("total")
                                    .asInt(),
                            t -> t != 0);
            assertEquals(1, total, "imported by the tick within " + ExportHistoryTick.EVERY);
            assertTrue(console.get(Ui.API_EXPORTS).body().contains("cron-7"));
        }
    }
}
