package io.tasker.metrics.testing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.testing.PrometheusConfig.ScrapeTarget;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PrometheusServerExtensionTest {

    @RegisterExtension
    static final PrometheusServerExtension prometheus = new PrometheusServerExtension();

    @Test
    void isReadyAndTellsItsBuildInfo() throws IOException {
        assertEquals(200, Http.get(prometheus.url() + "/-/ready").status());

        Http.Response buildInfo = Http.get(prometheus.url() + "/api/v1/status/buildinfo");

        assertEquals(200, buildInfo.status());
        assertTrue(buildInfo.body().contains("\"status\":\"success\""), buildInfo.body());
        assertTrue(buildInfo.body().contains("\"version\""), buildInfo.body());
    }

    @Test
    void tellsThePidOfTheRunningPrometheus() {
        ProcessHandle process = ProcessHandle.of(prometheus.server().pid()).orElseThrow();

        assertTrue(process.isAlive());
        String command = process.info().command().orElseThrow();
        assertTrue(command.endsWith("/prometheus"), command);
    }

    @Test
    void urlsNameLoopbackAndPort() {
        assertEquals("http://127.0.0.1:" + prometheus.port(), prometheus.url());
        assertEquals(prometheus.url() + "/api/v1/write", prometheus.remoteWriteUrl());
    }

    @Test
    void scrapesTargetsAddedWhileRunning() {
        prometheus.scrape(ScrapeTarget.of("self", prometheus.host() + ":" + prometheus.port()));

        await().atMost(Duration.ofSeconds(20))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    String body = prometheus.query("up{job=\"self\"}").body();
                    assertTrue(
                            body.contains("\"1\"]"),
                            () -> "Prometheus never scraped itself as job \"self\"; last answer: " + body + "\nLog:\n"
                                    + prometheus.server().lastOutput(20));
                });
    }

    @Test
    void restartsOnTheSamePort() throws IOException {
        int port = prometheus.port();

        prometheus.restart();

        assertEquals(port, prometheus.port());
        assertEquals(200, Http.get(prometheus.url() + "/-/ready").status());
    }
}
