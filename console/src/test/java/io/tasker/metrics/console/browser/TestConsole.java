package io.tasker.metrics.console.browser;

import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.console.Console;
import io.tasker.metrics.console.EmbeddedConsole;
import io.tasker.metrics.testing.TempDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * A console in this JVM with the demo workload: a free port, its own in-memory H2 database and
 * memory store, a temporary export directory, and a manual clock that a test advances to make
 * exports stale. The environment is built from scratch so that the machine's variables (a
 * TASKER_METRICS_CONFIG, say) cannot change what the tests see.
 */
final class TestConsole implements AutoCloseable {
    private final ManualClock clock;
    private final EmbeddedConsole embedded;
    private final Console console;

    private TestConsole(ManualClock clock, EmbeddedConsole embedded) {
        this.clock = clock;
        this.embedded = embedded;
        this.console = embedded.console();
    }

    /** @param settings changes to the console's settings, applied last */
    static TestConsole start(UnaryOperator<EmbeddedConsole.Builder> settings) throws IOException {
        Path exportDir = Files.createTempDirectory("tasker-console-exports-");
        // Real time to start from, so that the screenshots show plausible dates.
        ManualClock clock = new ManualClock(Instant.now());
        try {
            return new TestConsole(
                    clock,
                    settings.apply(EmbeddedConsole.builder(exportDir)
                                    .clock(clock)
                                    .demo(true)
                                    .without("TASKER_CONSOLE_TOKEN")
                                    .without("TASKER_SYNC_INTERVAL"))
                            .start());
        } catch (RuntimeException e) {
            TempDirs.delete(exportDir);
            throw e;
        }
    }

    /**
     * Lets the demo workload run until the registry holds {@code series} series, then syncs
     * them, so that a page opened next shows a lived-in dashboard rather than the first round.
     * Call it before the first page: the console keeps the cluster view it read until a sync or
     * export from the page (the manual clock never ages it).
     */
    void syncDemo(int series) {
        MetricRegistry registry = console.runtime().registry();
        new FluentWait<>(registry)
                .withTimeout(Duration.ofSeconds(15))
                .pollingEvery(Duration.ofMillis(50))
                .withMessage(() ->
                        "the demo workload recorded only " + registry.snapshot().seriesCount() + " series")
                .until(r -> r.snapshot().seriesCount() >= series);
        console.runtime().collector().orElseThrow().syncNow();
    }

    /**
     * Builds a history of {@code samples} samples, 15 s of the manual clock apart: the demo
     * runs a few rounds in real time, then the console syncs and samples.
     */
    void sampleHistory(int samples) throws InterruptedException {
        for (int i = 0; i < samples; i++) {
            Thread.sleep(120); // The demo's pace: it runs a few rounds in real time before each sample.
            console.runtime().collector().orElseThrow().syncNow();
            clock.advance(Duration.ofSeconds(15));
            console.history().tick();
        }
    }

    Console console() {
        return console;
    }

    ManualClock clock() {
        return clock;
    }

    Path exportDir() {
        return embedded.exportDir();
    }

    String url(String path) {
        return embedded.url(path);
    }

    @Override
    public void close() {
        try {
            embedded.close();
        } finally {
            TempDirs.delete(embedded.exportDir());
        }
    }
}
