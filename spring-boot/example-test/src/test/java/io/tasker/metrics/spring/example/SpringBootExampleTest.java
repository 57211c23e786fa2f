package io.tasker.metrics.spring.example;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.testing.Http;
import io.tasker.metrics.testing.PrometheusConfig.ScrapeTarget;
import io.tasker.metrics.testing.PrometheusServerExtension;
import io.tasker.metrics.testing.Promtool;
import io.tasker.metrics.testing.RedisServerExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/spring-boot-app, built against the installed artifacts, started twice as two processes
 * against a real redis-server: the store's health turns DOWN while Redis is stopped and UP when it
 * is back; the tasker endpoint passes promtool; after requests to each and a graceful stop, the
 * CLI's export-now shows Boot's HTTP request count and the application's own task counter summed
 * exactly over both. A real Prometheus scrapes both instances' {@code /actuator/tasker}, and every
 * query of a standard JVM dashboard (Grafana Labs' "JVM overview" for client_java, see
 * {@link JvmDashboard}) returns data; the second instance runs the Parallel collector with a bounded
 * metaspace, so that the panels written for those have a JVM to show.
 */
class SpringBootExampleTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @RegisterExtension
    static final PrometheusServerExtension PROMETHEUS = new PrometheusServerExtension();

    private static final Path ROOT =
            Path.of(System.getProperty("tasker.root", "../..")).toAbsolutePath().normalize();
    private static final Path EXAMPLE = ROOT.resolve("examples/spring-boot-app");
    private static final Path CLI = ROOT.resolve("cli/target/tasker-metrics.jar");
    private static final Duration START = Duration.ofSeconds(90);
    private static final List<String> PARALLEL_GC = List.of("-XX:+UseParallelGC", "-XX:MaxMetaspaceSize=256m");

    @TempDir
    static Path dir;

    private static Path jar;

    @BeforeAll
    static void buildTheExample() throws Exception {
        List<String> mvn = new java.util.ArrayList<>(List.of(
                "mvn", "-B", "-q", "-f", EXAMPLE.resolve("pom.xml").toString(), "clean", "package", "-DskipTests"));
        String repo = System.getProperty("tasker.repo.local");
        if (repo != null && !repo.isBlank()) {
            mvn.add("-Dmaven.repo.local=" + repo);
        }
        Process build = new ProcessBuilder(mvn)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("build.log").toFile())
                .start();
        assertTrue(build.waitFor(10, TimeUnit.MINUTES), "the example's build took over 10 minutes");
        assertEquals(0, build.exitValue(), () -> "the example did not build:\n" + read(dir.resolve("build.log")));
        jar = EXAMPLE.resolve("target/spring-boot-app-0.1.0.jar");
        assertTrue(Files.isRegularFile(CLI), "build the CLI first: mvn -pl cli -am package -DskipTests (" + CLI + ")");
    }

    @Test
    void twoProcessesAddUpExactlyInTheClusterView() throws Exception {
        try (AppProcess one = AppProcess.start(jar, dir, env("app-1"));
                AppProcess two = AppProcess.start(jar, dir, env("app-2"), PARALLEL_GC)) {
            one.awaitStarted(START);
            two.awaitStarted(START);
            PROMETHEUS.scrape(scraped(one), scraped(two));
            awaitHealth(one, 200, "\"strategy\":\"distributed_atomic\"");
            promtool(Http.get(one.url("/actuator/tasker")).body());
            assertTrue(Http.get(one.url("/actuator/tasker"), "Accept", "application/openmetrics-text; version=1.0.0")
                    .body()
                    .endsWith("# EOF\n"));
            work(one, 7);
            work(two, 5);
            assertEquals(List.of(), JvmDashboard.awaitAnswers(PROMETHEUS, Duration.ofSeconds(60)));
            stop(two);
            // One is still running: its background sync (1 s) brings its requests to the store.
            String text = awaitExport(t -> sum(t, SpringBootExampleTest::workRequests) == 12.0);
            assertEquals(12.0, sum(text, SpringBootExampleTest::workRequests), text);
            assertEquals(
                    12.0,
                    sum(
                            text,
                            l -> l.startsWith("tasker_task_executions_total{")
                                    && l.contains("status=\"success\"")
                                    && l.contains("task_name=\"payment_processing\"")),
                    text);
            // Last, as a restarted Redis without persistence holds exports back until every instance rewrote its data.
            storeHealthFollowsRedis(one);
            stop(one);
        }
    }

    private static ScrapeTarget scraped(AppProcess app) {
        return new ScrapeTarget("spring-boot-app", app.address(), "/actuator/tasker");
    }

    private static boolean workRequests(String line) {
        return line.startsWith("tasker_http_server_requests_seconds_count{") && line.contains("uri=\"/work\"");
    }

    private static String awaitExport(Predicate<String> done) {
        return await().atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(200))
                .until(SpringBootExampleTest::exportNow, done);
    }

    /**
     * promtool check metrics: no parse error, and no lint finding but the one on Micrometer's own
     * gauge {@code system.cpu.count}, whose name Boot's prometheus endpoint writes the same way.
     */
    private static void promtool(String text) {
        Promtool.Result result = Promtool.checkMetrics(text);
        List<String> findings = result.output()
                .lines()
                .filter(l -> !l.isBlank())
                .filter(l ->
                        !l.startsWith("tasker_system_cpu_count non-histogram and non-summary metrics should not have"))
                .toList();
        assertEquals(List.of(), findings, result.output());
    }

    private static void storeHealthFollowsRedis(AppProcess app) throws Exception {
        awaitHealth(app, 200, "\"tasker\":{");
        REDIS.stop();
        try {
            String down = awaitHealth(app, 503, "\"status\":\"DOWN\"");
            assertTrue(down.contains("\"tasker\":{") && down.contains("\"lastSyncSucceeded\":false"), down);
        } finally {
            REDIS.start();
        }
        awaitHealth(app, 200, "\"strategy\":\"distributed_atomic\"");
    }

    /** Polls {@code /actuator/health} until its status code and body say so: it follows the 1 s sync. */
    private static String awaitHealth(AppProcess app, int status, String contains) {
        return await().alias("/actuator/health answers " + status + " with " + contains)
                .atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> Http.get(app.url("/actuator/health")),
                        r -> r.status() == status && r.body().contains(contains))
                .body();
    }

    /** SIGTERM: the JVM exits with 143 after Spring's shutdown, which ran the final sync. */
    private static void stop(AppProcess app) throws InterruptedException {
        int exit = app.stopGracefully();
        assertTrue(exit == 0 || exit == 143, "exit code " + exit);
        assertTrue(app.log().contains("final sync succeeded"), app::log);
    }

    private static void work(AppProcess app, int requests) throws IOException {
        for (int i = 0; i < requests; i++) {
            assertEquals(200, Http.post(app.url("/work")).status());
        }
    }

    private static String exportNow() throws Exception {
        // The text to standard output, the summary to standard error (the CLI keeps them apart).
        ProcessBuilder cli = new ProcessBuilder(
                        AppProcess.java(),
                        "-jar",
                        CLI.toString(),
                        "export-now",
                        "--format",
                        "prometheus",
                        "--output",
                        "-")
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("export.prom").toFile())
                .redirectError(dir.resolve("cli.log").toFile());
        cli.environment().put("TASKER_CACHE_URL", REDIS.url());
        Process p = cli.start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), () -> read(dir.resolve("cli.log")));
        return read(dir.resolve("export.prom")) + "\n# cli: " + read(dir.resolve("cli.log"));
    }

    private static Map<String, String> env(String instance) {
        return Map.of(
                "TASKER_CACHE_URL",
                REDIS.url(),
                "TASKER_INSTANCE_ID",
                instance,
                "TASKER_SYNC_INTERVAL",
                "1s",
                "TASKER_CACHE_TIMEOUT",
                "500ms");
    }

    private static double sum(String text, Predicate<String> line) {
        return text.lines()
                .filter(line)
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }
}
