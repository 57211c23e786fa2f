package io.tasker.metrics.cli.cluster;

import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.RegistryOptions;
import io.tasker.metrics.runtime.MetricsCollector;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.CacheStores;
import io.tasker.metrics.sync.SyncOptions;
import io.tasker.metrics.sync.SyncResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One instance in its own JVM, driven line by line on standard input, for the restart and
 * store-loss tests: {@code inc N} records N jobs (a counter and as many histogram observations,
 * whose quantile sketch a delta against a wrong base cannot subtract), {@code sync} syncs and
 * answers {@code SYNCED <tally> <instance id>} or {@code FAILED <streak> <error>}. It keeps its
 * own tally, the ground truth the tests hold the view to. SIGTERM stops it gracefully (final sync,
 * folded at once); SIGKILL as a crash would.
 *
 * <p>Arguments: cache URL, namespace, instance id, clock file ({@link FileClock}), retention
 * window and instance timeout in seconds.
 */
public final class InstanceWorker {
    private InstanceWorker() {}

    public static void main(String[] args) throws Exception {
        FileClock clock = new FileClock(Path.of(args[3]));
        SyncOptions options = new SyncOptions(
                args[1],
                args[2],
                50,
                Duration.ofSeconds(Long.parseLong(args[4])),
                Duration.ofSeconds(Long.parseLong(args[5])),
                false);
        MetricRegistry registry = new MetricRegistry(RegistryOptions.defaults().withClock(clock));
        CacheStore store = CacheStores.open(args[0], Duration.ofSeconds(2), clock);
        MetricsCollector collector = MetricsCollector.start(registry, store, options, Duration.ZERO, clock);
        long tally = 0;
        System.out.println("READY " + collector.instanceId());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] cmd = line.trim().split(" ");
            switch (cmd[0]) {
                case "inc" -> {
                    int n = Integer.parseInt(cmd[1]);
                    for (int i = 0; i < n; i++) {
                        registry.counter("jobs_total", "worker")
                                .labels("w" + (i % 3))
                                .inc();
                        registry.observeHistogram("job_seconds", 0.001 * (1 + (tally + i) % 500));
                    }
                    tally += n;
                    System.out.println("OK " + tally);
                }
                case "sync" -> {
                    SyncResult r = collector.syncNow();
                    System.out.println(
                            r.success()
                                    ? "SYNCED " + tally + " " + collector.instanceId()
                                    : "FAILED " + r.failureStreak() + " " + r.error());
                }
                default -> System.out.println("UNKNOWN " + line);
            }
            System.out.flush();
        }
        collector.close();
    }
}
