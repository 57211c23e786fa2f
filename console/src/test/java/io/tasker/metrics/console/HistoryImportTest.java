package io.tasker.metrics.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.metrics.console.db.Database;
import io.tasker.metrics.console.db.ExportHistoryRepository;
import io.tasker.metrics.console.web.Ui;
import io.tasker.metrics.export.ExportHistory;
import io.tasker.metrics.export.ExportRecord;
import io.tasker.metrics.runtime.TaskerRuntime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The shared export record comes into H2 on the console's tick, each record exactly once. */
class HistoryImportTest {

    @Test
    void concurrentSavesOfTheSameRecordsTakeEachForNewOnce() throws Exception {
        List<ExportRecord> records = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            records.add(new ExportRecord(
                    Instant.parse("2026-02-01T00:00:00Z").plusSeconds(i),
                    "json",
                    "/x",
                    "cli",
                    ExportRecord.Outcome.FAILED,
                    0,
                    0,
                    1,
                    1,
                    "boom",
                    "cron-" + i,
                    0,
                    "on demand"));
        }
        try (Database db = Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
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
        try (ConsoleFixture console = ConsoleFixture.start()) {
            TaskerRuntime runtime = console.console().runtime();
            new ExportHistory(runtime.store(), runtime.cluster().options().keys())
                    .append(new ExportRecord(
                            Instant.now().minusSeconds(60),
                            "csv",
                            "/srv/x.csv",
                            "cli",
                            ExportRecord.Outcome.SUCCESS,
                            3,
                            100,
                            5,
                            1,
                            null,
                            "cron-7",
                            2,
                            "optimal timing"));
            int total = await().alias("the tick imports the shared history")
                    .atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(200))
                    .until(
                            () -> new ObjectMapper()
                                    .readTree(console.get(Ui.API_EXPORTS).body())
                                    .path("total")
                                    .asInt(),
                            t -> t != 0);
            assertEquals(
                    1, total, "imported by the tick within " + io.tasker.metrics.console.service.HistoryTick.EVERY);
            assertTrue(console.get(Ui.API_EXPORTS).body().contains("cron-7"));
        }
    }
}
