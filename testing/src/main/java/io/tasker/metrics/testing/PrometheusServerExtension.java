package io.tasker.metrics.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs a real {@code prometheus} on a free loopback port for a test class, with the remote-write
 * receiver on, and scraping the targets the test names, even once it runs.
 *
 * <p>{@code @RegisterExtension static final PrometheusServerExtension prometheus = new PrometheusServerExtension();}
 * then {@code prometheus.scrape(ScrapeTarget.of("console", "127.0.0.1:" + port))} and
 * {@code prometheus.query("up")}; {@code prometheus.ruleFiles(path)} loads recording rules and alerts.
 */
public final class PrometheusServerExtension extends ServerExtension implements RemoteWriteReceiver {

    private static final String CONFIG_FILE = "prometheus.yml";

    private PrometheusConfig config = new PrometheusConfig(Duration.ofSeconds(1), List.of());
    private Path configFile;

    /** A {@code prometheus} on a free loopback port, its storage in a temporary folder. */
    public PrometheusServerExtension() {
        super("prometheus");
    }

    /**
     * Sets the scrape interval (default 1 s); takes effect at the next start.
     *
     * @param interval how often targets are scraped and rules evaluated
     * @return this extension
     */
    public synchronized PrometheusServerExtension scrapeInterval(Duration interval) {
        config = new PrometheusConfig(interval, config.targets(), config.ruleFiles());
        return this;
    }

    /**
     * Replaces the scrape targets. Before the start they go into the first configuration; on a
     * running server the configuration is rewritten and reloaded through {@code POST /-/reload}.
     *
     * @param targets the targets to scrape
     * @return this extension
     */
    public synchronized PrometheusServerExtension scrape(PrometheusConfig.ScrapeTarget... targets) {
        config = config.withTargets(List.of(targets));
        if (isRunning()) {
            writeConfig();
            reload();
        }
        return this;
    }

    /**
     * Loads these rule files (recording rules and alerts), evaluated every scrape interval. Before
     * the start they go into the first configuration; on a running server it reloads.
     *
     * @param files the rule files
     * @return this extension
     */
    public synchronized PrometheusServerExtension ruleFiles(Path... files) {
        config = config.withRuleFiles(List.of(files));
        if (isRunning()) {
            writeConfig();
            reload();
        }
        return this;
    }

    @Override
    public String url() {
        return "http://" + host() + ":" + port();
    }

    @Override
    protected synchronized List<String> launchCommand(int port, Path workDir) {
        configFile = workDir.resolve(CONFIG_FILE);
        writeConfig();
        return List.of(
                Executables.prometheus().toString(),
                "--config.file=" + configFile,
                "--storage.tsdb.path=" + workDir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--web.enable-remote-write-receiver",
                "--web.enable-lifecycle"); // for POST /-/reload when the targets change
    }

    @Override
    protected ReadinessProbe probe() {
        return ReadinessProbe.httpOk("/-/ready");
    }

    private void writeConfig() {
        try {
            Files.writeString(configFile, config.toYaml(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + configFile, e);
        }
    }

    private void reload() {
        Http.Response response;
        try {
            response = Http.post(url() + "/-/reload");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not reload Prometheus at " + url(), e);
        }
        if (response.status() != 200) {
            throw new IllegalStateException("Prometheus rejected its new configuration (HTTP " + response.status()
                    + "): " + response.body() + "\n" + config.toYaml());
        }
    }
}
