package io.tasker.metrics.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.metrics.testing.Executables;
import io.tasker.metrics.testing.Http;
import io.tasker.metrics.testing.PrometheusServerExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Exports 10,000 and 1,000,000 series of the design document's metrics by remote write (encode,
 * snappy, POST) to a real local Prometheus, and checks the goals: 10,000 in under 1 s, 1,000,000
 * in under 30 s, within 256 MB of heap, and the design document's "70% less bandwidth".
 *
 * <p>Each size runs in a child JVM with {@code -Xmx256m} ({@link RemoteWriteWorker}), so that the
 * heap limit is real: an export that held more than a batch at a time would fail there, not
 * merely look large. The child reports each push's wall time, the heap peak over the pushes and,
 * from a second pass that encodes without sending, the raw, snappy and gzip sizes. Afterwards
 * Prometheus is asked how many series it holds: a push into an endpoint that dropped them would
 * measure nothing.
 *
 * <p>Needs {@code prometheus} (Debian package {@code prometheus}). Results go to standard output
 * as Markdown, progress to standard error. The final run, one benchmark at a time on the machine:
 *
 * <pre>{@code
 * flock /tmp/bench.lock java -cp benchmarks/target/benchmarks.jar \
 *     io.tasker.metrics.benchmarks.RemoteWriteBenchmark > /tmp/rw-bench-result.txt
 * }</pre>
 *
 * A smoke run at small sizes: {@code ... RemoteWriteBenchmark --sizes 10000:3,100000:1}.
 */
public final class RemoteWriteBenchmark {
    static final String HEAP = "-Xmx256m";
    private static final long MB = 1 << 20;
    private static final Duration WORKER_LIMIT = Duration.ofMinutes(4);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A snapshot size and how many times to push it. */
    record Size(int series, int pushes) {}

    /** What one worker reported, and what Prometheus held afterwards. */
    record Outcome(
            Size size,
            ReportLine snapshot,
            List<ReportLine> runs,
            ReportLine heap,
            ReportLine payload,
            long storedFresh,
            long storedTotal,
            long expectedTotal) {
        boolean stored() {
            return storedFresh == size.series() && storedTotal == expectedTotal;
        }
    }

    private RemoteWriteBenchmark() {}

    public static void main(String[] args) throws Exception {
        List<Size> sizes = sizes(args);
        try {
            Executables.prometheus();
        } catch (Executables.MissingExecutableError e) {
            System.err.println("RemoteWriteBenchmark needs a real Prometheus. " + e.getMessage());
            System.exit(2);
        }
        String machine = Machine.describe();
        List<Outcome> outcomes = new ArrayList<>();
        // Nothing to scrape: the only samples are the ones we push.
        try (PrometheusServerExtension prometheus = new PrometheusServerExtension()) {
            prometheus.start();
            System.err.println("prometheus " + prometheus.url() + " (pid "
                    + prometheus.server().pid() + ")");
            long expectedTotal = 0;
            for (Size size : sizes) {
                expectedTotal = Math.max(expectedTotal, size.series());
                outcomes.add(run(size, prometheus, expectedTotal));
            }
        }
        RemoteWriteReport.print(System.out, machine, Machine.load(), outcomes);
        if (!outcomes.stream().allMatch(Outcome::stored)) {
            System.err.println("Prometheus does not hold the series we pushed: see the table above.");
            System.exit(1);
        }
    }

    private static Outcome run(Size size, PrometheusServerExtension prometheus, long expectedTotal) throws Exception {
        List<ReportLine> lines = worker(size, prometheus);
        ReportLine snapshot = only(lines, "SNAPSHOT");
        List<ReportLine> runs =
                lines.stream().filter(l -> l.kind().equals("RUN")).toList();
        if (runs.size() != size.pushes()) {
            throw new IllegalStateException(
                    size.series() + " series: " + runs.size() + " of " + size.pushes() + " pushes succeeded");
        }
        // Series whose newest sample is the last push's, so that an earlier push cannot stand in for it.
        // timestamp() drops __name__, and a histogram's _sum and _count would then collide: keep it as "name".
        long lastMillis = runs.get(runs.size() - 1).number("timestampMs");
        String since = BigDecimal.valueOf(lastMillis - 1, 3).toPlainString();
        String selector = "{__name__=~\"" + DesignSeries.NAME_REGEX + "\"}";
        long fresh = count(
                prometheus,
                "count(timestamp(label_replace(" + selector + ", \"name\", \"$1\", \"__name__\", \"(.+)\")) > " + since
                        + ")");
        long total = count(prometheus, "count(" + selector + ")");
        System.err.printf(
                Locale.ROOT,
                "%,d series: Prometheus holds %,d from the last push, %,d in all%n",
                size.series(),
                fresh,
                total);
        return new Outcome(
                size, snapshot, runs, only(lines, "HEAP"), only(lines, "PAYLOAD"), fresh, total, expectedTotal);
    }

    /** The value of a PromQL {@code count(...)}: 0 when it matches nothing. */
    private static long count(PrometheusServerExtension prometheus, String promql) {
        Http.Response r = prometheus.query(promql);
        if (r.status() != 200) {
            throw new IllegalStateException("Prometheus answered " + r.status() + " to " + promql + ": " + r.body());
        }
        try {
            JsonNode result = JSON.readTree(r.body()).at("/data/result");
            return result.isEmpty()
                    ? 0
                    : Long.parseLong(result.get(0).get("value").get(1).asText());
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable answer from Prometheus: " + r.body(), e);
        }
    }

    /** Runs {@link RemoteWriteWorker} in a JVM of {@value #HEAP} and returns its report lines. */
    private static List<ReportLine> worker(Size size, PrometheusServerExtension prometheus) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(
                        java,
                        HEAP,
                        "-cp",
                        System.getProperty("java.class.path"),
                        RemoteWriteWorker.class.getName(),
                        String.valueOf(size.series()),
                        String.valueOf(size.pushes()),
                        prometheus.remoteWriteUrl(),
                        String.valueOf(prometheus.server().pid()))
                .redirectErrorStream(true)
                .start();
        Thread watchdog = new Thread(
                () -> {
                    try {
                        if (!process.waitFor(WORKER_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                            System.err.println(
                                    "worker still running after " + WORKER_LIMIT.toMinutes() + " min: killed");
                            process.destroyForcibly();
                        }
                    } catch (InterruptedException e) {
                        process.destroyForcibly();
                    }
                },
                "worker-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        List<ReportLine> lines = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                System.err.println("  [" + size.series() + "] " + line);
                ReportLine.parse(line).ifPresent(lines::add);
            }
        }
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(
                    "The worker for " + size.series() + " series exited with " + exit + " (see its output above)");
        }
        return lines;
    }

    private static ReportLine only(List<ReportLine> lines, String kind) {
        return lines.stream()
                .filter(l -> l.kind().equals(kind))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The worker printed no " + kind + " line"));
    }

    /** {@code --sizes 10000:6,1000000:2}: series and pushes of each size; these are the defaults. */
    static List<Size> sizes(String[] args) {
        String spec = "10000:6,1000000:2";
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--sizes") && i + 1 < args.length) {
                spec = args[++i];
            } else {
                throw new IllegalArgumentException("Usage: RemoteWriteBenchmark [--sizes SERIES:PUSHES,...]");
            }
        }
        List<Size> sizes = new ArrayList<>();
        for (String part : spec.split(",")) {
            String[] sp = part.split(":");
            sizes.add(new Size(Integer.parseInt(sp[0].trim()), sp.length > 1 ? Integer.parseInt(sp[1].trim()) : 1));
        }
        return sizes;
    }

    static double mb(long bytes) {
        return (double) bytes / MB;
    }
}
