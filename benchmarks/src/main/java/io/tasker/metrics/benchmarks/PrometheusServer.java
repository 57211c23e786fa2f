package io.tasker.metrics.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real {@code prometheus} (Debian package {@code prometheus}) on a free loopback port with the
 * remote-write receiver on, an empty scrape configuration and a throwaway TSDB, for one benchmark.
 *
 * <pre>{@code
 * try (PrometheusServer prometheus = PrometheusServer.start(Loopback.program("prometheus").orElseThrow())) {
 *     client.push(snapshot);
 *     long series = prometheus.count("{__name__=~\"tasker_.+\"}");
 * }
 * }</pre>
 */
final class PrometheusServer implements AutoCloseable {
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path dir;
    private final String url;
    private final Thread killOnExit;

    private PrometheusServer(Process process, Path dir, String url) {
        this.process = process;
        this.dir = dir;
        this.url = url;
        // A benchmark stopped with Ctrl-C must not leave a Prometheus behind.
        this.killOnExit = new Thread(process::destroyForcibly, "prometheus-kill");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    static PrometheusServer start(Path executable) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("tasker-bench-prometheus-");
        Path config = dir.resolve("prometheus.yml");
        // Nothing to scrape: the only samples are the ones we push.
        Files.writeString(config, "global:\n  scrape_interval: 1m\nscrape_configs: []\n");
        int port = Loopback.freePort();
        Process process = new ProcessBuilder(List.of(executable.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--web.enable-remote-write-receiver"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        PrometheusServer server = new PrometheusServer(process, dir, "http://127.0.0.1:" + port);
        try {
            server.awaitReady();
        } catch (RuntimeException | IOException | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    String url() {
        return url;
    }

    String remoteWriteUrl() {
        return url + "/api/v1/write";
    }

    long pid() {
        return process.pid();
    }

    /** The value of a PromQL {@code count(...)}: 0 when it matches nothing. */
    long count(String promql) {
        Loopback.Response r = Loopback.get(url + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        if (r.status() != 200) {
            throw new IllegalStateException("Prometheus answered " + r.status() + " to " + promql + ": " + r.body());
        }
        try {
            JsonNode result = JSON.readTree(r.body()).at("/data/result");
            return result.isEmpty() ? 0 : Long.parseLong(result.get(0).get("value").get(1).asText());
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable answer from Prometheus: " + r.body(), e);
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                if (Loopback.get(url + "/-/ready").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("prometheus not ready within " + READY_WITHIN.toSeconds() + " s:\n" + log());
    }

    private String log() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("prometheus.log"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
