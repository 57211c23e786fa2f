package io.tasker.metrics.benchmarks;

import com.sun.management.ThreadMXBean;
import io.tasker.metrics.ManualClock;
import io.tasker.metrics.export.ExportCoordinator;
import io.tasker.metrics.export.ExportRecord;
import io.tasker.metrics.export.ExportTiming;
import io.tasker.metrics.export.ExportTrigger;
import io.tasker.metrics.export.StreamDestination;
import io.tasker.metrics.formats.ExpositionFormats;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.CacheStores;
import io.tasker.metrics.store.Record;
import io.tasker.metrics.sync.ClusterReader;
import io.tasker.metrics.sync.ClusterView;
import io.tasker.metrics.sync.SyncOptions;
import io.tasker.metrics.sync.SyncResult;
import io.tasker.metrics.sync.SyncStrategy;
import io.tasker.metrics.testing.DelegatingStore;
import io.tasker.metrics.testing.Executables;
import io.tasker.metrics.testing.MemcachedServerExtension;
import io.tasker.metrics.testing.RedisClusterExtension;
import io.tasker.metrics.testing.ServerExtension;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

/**
 * Hundreds of instances on one store, measured as curves: for each cluster size N, N simulated
 * instances ({@link SimulatedInstance}, 2,000 series each by default) sync twice against a real
 * Redis Cluster of three masters and against a real memcached; then the cluster view is read,
 * 80% of the instances stop and are folded, and the totals are checked to the unit. Beside the
 * view read, the CLI's {@code export-now} of the view (read, merge, Prometheus text) is timed;
 * both are the median of five.
 *
 * <pre>
 * java -Xmx3g -cp benchmarks/target/benchmarks.jar io.tasker.metrics.benchmarks.ClusterSimulation \
 *     [--sizes 10,50,100,250,500] [--series 2000] [--stores redis-cluster,memcached] [--plots DIR]
 * </pre>
 *
 * <p>One JVM holds every instance (each with its own registry and sync); the store sees N
 * writers as it would from N replicas, one at a time. Prints Markdown tables, and draws the
 * curves as PNG files into {@code --plots} (default {@code docs/images}).
 */
public final class ClusterSimulation {
    private static final Duration RETENTION = Duration.ofMinutes(30);
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    /** Reads (and CLI exports) of the view per size, reported as their median: one is too noisy here. */
    private static final int MEASURED_READS = 5;

    private ClusterSimulation() {}

    /** What one cluster size measured. */
    record Point(
            String store,
            int instances,
            int seriesEach,
            Timing sync,
            double viewMillis,
            long viewBytes,
            double viewAllocatedMb,
            double exportMillis,
            long redisBytesPerSeries,
            double foldMillis,
            int folded,
            boolean exact,
            String problems) {}

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        List<Integer> sizes = Arrays.stream(
                        option(args, "--sizes", "10,50,100,250,500").split(","))
                .map(Integer::parseInt)
                .toList();
        int series = Integer.parseInt(option(args, "--series", "2000"));
        List<String> stores =
                List.of(option(args, "--stores", "redis-cluster,memcached").split(","));
        Path plots = Path.of(option(args, "--plots", "docs/images"));
        List<Point> points = new ArrayList<>();
        try {
            for (String store : stores) {
                try (ServerExtension server = store.equals("memcached")
                                ? new MemcachedServerExtension("-m", "4096", "-I", "8m")
                                : null;
                        RedisClusterCloser cluster = store.equals("redis-cluster") ? new RedisClusterCloser() : null) {
                    if (server != null) {
                        server.start();
                    }
                    String url = server != null ? server.url() : cluster.extension.url();
                    for (int n : sizes) {
                        Point p = run(store, url, n, series, cluster);
                        points.add(p);
                        System.err.printf(
                                Locale.ROOT,
                                "%s N=%d: sync p99 %.1f ms, view %.0f ms, export-now %.0f ms,"
                                        + " fold %.0f ms, exact %s%n",
                                store,
                                n,
                                p.sync().p99(),
                                p.viewMillis(),
                                p.exportMillis(),
                                p.foldMillis(),
                                p.exact());
                        flush(url, cluster);
                    }
                }
            }
        } catch (Executables.MissingExecutableError e) {
            System.err.println("ClusterSimulation: " + e.getMessage());
            System.exit(2);
        }
        print(System.out, series, points);
        Files.createDirectories(plots);
        SimulationPlots.draw(points, plots);
    }

    private static Point run(String storeName, String url, int n, int series, RedisClusterCloser cluster) {
        ManualClock clock = new ManualClock(Instant.now());
        String namespace = "sim" + UUID.randomUUID().toString().substring(0, 8);
        SyncOptions options =
                new SyncOptions(namespace, "reader", SyncOptions.DEFAULT_BATCH_SIZE, RETENTION, TIMEOUT, true);
        long memoryBefore = cluster == null ? 0 : cluster.usedMemory();
        try (CacheStore store = CacheStores.open(url, Duration.ofSeconds(30), clock)) {
            SyncStrategy strategy = SyncStrategy.select(store.probe(options.keys()));
            List<SimulatedInstance> instances = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                instances.add(new SimulatedInstance("replica-" + i, series, store, options, clock));
            }
            for (SimulatedInstance instance : instances) {
                instance.record(200);
                check(instance.sync().sync(strategy));
            }
            // The measured round: every instance has recorded more, as between two sync intervals.
            List<Long> syncNanos = new ArrayList<>();
            for (SimulatedInstance instance : instances) {
                instance.record(200);
                long t = System.nanoTime();
                check(instance.sync().sync(strategy));
                syncNanos.add(System.nanoTime() - t);
            }
            long redisBytes = cluster == null ? 0 : (cluster.usedMemory() - memoryBefore) / ((long) n * series);
            CountingStore counting = new CountingStore(store);
            ClusterReader reader = new ClusterReader(counting, options, clock);
            reader.readView(); // Once to warm up the decoder; then measured.
            List<ReadCost> reads = new ArrayList<>();
            for (int i = 0; i < MEASURED_READS; i++) {
                reads.add(ReadCost.of(reader, counting));
            }
            ClusterView view = reads.get(0).view();
            double viewMillis = median(reads.stream().mapToDouble(ReadCost::millis));
            double allocatedMb = median(reads.stream().mapToDouble(ReadCost::allocatedMb));
            long viewBytes = reads.get(0).bytes(); // Of the view alone: the fold and the read after it count too.
            double expected = instances.stream()
                    .mapToDouble(SimulatedInstance::taskExecutions)
                    .sum();
            boolean exact = SimulatedInstance.total(view.snapshot()) == expected;
            double exportMillis =
                    median(IntStream.range(0, MEASURED_READS).mapToDouble(i -> exportNow(store, options, clock)));

            // A scale-down: 80% stop; the rest sync on past the instance timeout, then one fold.
            int survivors = Math.max(1, n / 5);
            clock.advance(TIMEOUT.plusMinutes(1));
            for (SimulatedInstance instance : instances.subList(0, survivors)) {
                check(instance.sync().sync(SyncStrategy.LOCAL_ONLY)); // Writes without folding anyone.
            }
            long t = System.nanoTime();
            SyncResult fold = reader.maintenance().housekeep(strategy);
            double foldMillis = (System.nanoTime() - t) / 1e6;
            check(fold);
            ClusterView after = reader.readView();
            exact &= SimulatedInstance.total(after.snapshot()) == expected
                    && after.instances().size() == survivors;
            List<String> problems = new ArrayList<>(view.problems());
            problems.addAll(after.problems());
            return new Point(
                    storeName,
                    n,
                    series,
                    Timing.ofNanos(syncNanos),
                    viewMillis,
                    viewBytes,
                    allocatedMb,
                    exportMillis,
                    redisBytes,
                    foldMillis,
                    fold.retiredInstances(),
                    exact,
                    problems.isEmpty() ? "" : problems.get(0));
        }
    }

    /**
     * What {@code tasker-metrics export-now --format prometheus} does, in this process: a new
     * reader (a CLI process has none before), the export coordinator's read, merge and write of
     * the Prometheus text (to a counting sink instead of standard output), and the export's entry
     * in the shared history. Without the JVM's start, which the CLI's CDS archive covers.
     */
    private static double exportNow(CacheStore store, SyncOptions options, ManualClock clock) {
        ClusterReader reader = new ClusterReader(store, options, clock);
        ExportCoordinator coordinator = new ExportCoordinator(
                reader,
                () -> "cli",
                new ExportTiming(RETENTION, Duration.ofMinutes(1), Duration.ofMinutes(2)),
                Duration.ofMinutes(5),
                0,
                clock,
                d -> {});
        NullOutput out = new NullOutput();
        long t = System.nanoTime();
        ExportRecord r = coordinator.exportNow(
                new StreamDestination(ExpositionFormats.byName("prometheus"), out, "stdout"), ExportTrigger.CLI);
        double millis = (System.nanoTime() - t) / 1e6;
        if (!r.success() || out.bytes() == 0) {
            throw new IllegalStateException("export-now failed: " + r.error());
        }
        return millis;
    }

    /** One measured read of the view: its time, what it allocated, the bytes it read. */
    record ReadCost(ClusterView view, double millis, double allocatedMb, long bytes) {
        static ReadCost of(ClusterReader reader, CountingStore counting) {
            counting.bytes.set(0);
            long allocatedBefore = allocated();
            long t = System.nanoTime();
            ClusterView view = reader.readView();
            double millis = (System.nanoTime() - t) / 1e6;
            return new ReadCost(view, millis, (allocated() - allocatedBefore) / 1e6, counting.bytes.get());
        }
    }

    private static double median(DoubleStream values) {
        double[] sorted = values.sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static void check(SyncResult r) {
        if (!r.success()) {
            throw new IllegalStateException("a sync failed: " + r.error());
        }
    }

    private static long allocated() {
        return ((ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /** Empties the store between sizes, so that each size starts from nothing. */
    private static void flush(String url, RedisClusterCloser cluster) throws Exception {
        if (cluster != null) {
            cluster.flushAll();
        } else {
            String hostPort = url.substring("memcached://".length());
            try (var socket = new Socket(hostPort.split(":")[0], Integer.parseInt(hostPort.split(":")[1]))) {
                socket.getOutputStream().write("flush_all\r\n".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                socket.getInputStream().read(new byte[16]);
            }
        }
    }

    private static void print(PrintStream out, int series, List<Point> points) {
        out.printf(
                Locale.ROOT,
                "%d series per instance; sync times of the second round (every instance changed).%n%n",
                series);
        out.println(
                "| store | N | instance-series | sync p50 | sync p99 | view read | bytes read | allocated by the read"
                        + " | CLI export-now | store memory per instance-series | fold 80% | folded | totals exact |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Point p : points) {
            out.printf(
                    Locale.ROOT,
                    "| %s | %d | %,d | %.1f ms | %.1f ms | %.0f ms | %.1f MB | %.0f MB | %.0f ms | %s"
                            + " | %.0f ms | %d | %s |%n",
                    p.store(),
                    p.instances(),
                    (long) p.instances() * p.seriesEach(),
                    p.sync().p50(),
                    p.sync().p99(),
                    p.viewMillis(),
                    p.viewBytes() / 1e6,
                    p.viewAllocatedMb(),
                    p.exportMillis(),
                    p.store().equals("redis-cluster") ? p.redisBytesPerSeries() + " B" : "n/a",
                    p.foldMillis(),
                    p.folded(),
                    p.exact() ? "yes" : "**no** " + p.problems());
        }
        out.println();
        out.println(Machine.describe());
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    /** Sync durations' p50 and p99, in milliseconds. */
    record Timing(double p50, double p99) {
        static Timing ofNanos(List<Long> nanos) {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            return new Timing(
                    sorted[sorted.length / 2] / 1e6,
                    sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6);
        }
    }

    /** Counts the bytes of every value a read brings back. */
    static final class CountingStore extends DelegatingStore {
        final AtomicLong bytes = new AtomicLong();

        CountingStore(CacheStore delegate) {
            super(delegate);
        }

        @Override
        public Map<String, Record> getAll(Collection<String> keys) {
            Map<String, Record> found = super.getAll(keys);
            found.values().forEach(r -> bytes.addAndGet(r.data().length));
            return found;
        }
    }

    /** The Redis Cluster of the run, its memory as {@code INFO memory} tells, and a flush of all masters. */
    static final class RedisClusterCloser implements AutoCloseable {
        final RedisClusterExtension extension = new RedisClusterExtension();

        RedisClusterCloser() {
            extension.start();
        }

        long usedMemory() {
            long total = 0;
            for (int port : extension.ports()) {
                for (String line : redisCli(port, "INFO", "memory").split("\n")) {
                    if (line.startsWith("used_memory:")) {
                        total += Long.parseLong(
                                line.substring("used_memory:".length()).trim());
                    }
                }
            }
            return total;
        }

        void flushAll() {
            extension.ports().forEach(port -> redisCli(port, "FLUSHALL"));
        }

        private static String redisCli(int port, String... command) {
            try {
                List<String> cmd = new ArrayList<>(List.of(
                        Executables.require("redis-cli", "redis-tools").toString(), "-p", String.valueOf(port)));
                cmd.addAll(List.of(command));
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor();
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            extension.shutdown();
        }
    }
}
