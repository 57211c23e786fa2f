package io.tasker.metrics.testing;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
  * The {@code prometheus.yml} a test's Prometheus runs with: a short scrape interval so tests
  * see samples within seconds, and the targets the test asked for.
  *
  * <p>{@code new PrometheusConfig(Duration.ofSeconds(1), List.of(ScrapeTarget.of("console", "127.0.0.1:7070"))).toYaml()}
  *
  * @param scrapeInterval how often every target is scraped (also the scrape timeout and evaluation interval)
  * @param targets the jobs to scrape
  */
public record PrometheusConfig(Duration scrapeInterval, List<ScrapeTarget> targets) {

    /**
     * One job scraping one {@code host:port} at {@code metricsPath}.
     *
     * @param job the job's name
     * @param address the target's {@code host:port}
     * @param metricsPath the path scraped
     */
    public record ScrapeTarget(String job, String address, String metricsPath) {

        /**
         * Checks that nothing is null.
         *
         * @param job the job's name
         * @param address the target's {@code host:port}
         * @param metricsPath the path scraped
         */
        public ScrapeTarget {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(metricsPath, "metricsPath");
        }

        /**
         * A target scraped at {@code /metrics}.
         *
         * @param job the job's name
         * @param address the target's {@code host:port}
         * @return the target
         */
        public static ScrapeTarget of(String job, String address) {
            return new ScrapeTarget(job, address, "/metrics");
        }
    }

    /**
     * Checks the interval and copies the targets.
     *
     * @param scrapeInterval how often every target is scraped; at least 1 ms
     * @param targets the jobs to scrape
     * @throws IllegalArgumentException for an interval under 1 ms
     */
    public PrometheusConfig {
        if (scrapeInterval.toMillis() < 1) {
            throw new IllegalArgumentException("Scrape interval must be at least 1 ms, got " + scrapeInterval);
        }
        targets = List.copyOf(targets);
    }

    /**
     * This configuration with other targets.
     *
     * @param newTargets the jobs to scrape instead
     * @return a copy with those targets
     */
    public PrometheusConfig withTargets(List<ScrapeTarget> newTargets) {
        return new PrometheusConfig(scrapeInterval, newTargets);
    }

    /**
     * The configuration as a {@code prometheus.yml} file holds it.
     *
     * @return the YAML text
     */
    public String toYaml() {
        StringBuilder yaml = new StringBuilder();
        String interval = scrapeInterval.toMillis() + "ms";
        // The timeout may not exceed the interval, and its 10 s default would.
        yaml.append("global:\n")
                .append("  scrape_interval: ").append(interval).append('\n')
                .append("  scrape_timeout: ").append(interval).append('\n')
                .append("  evaluation_interval: ").append(interval).append('\n')
                .append("scrape_configs:");
        if (targets.isEmpty()) {
            yaml.append(" []");
        }
        yaml.append('\n');
        targets.forEach(target -> appendJob(yaml, target));
        return yaml.toString();
    }

    private static void appendJob(StringBuilder yaml, ScrapeTarget target) {
        yaml.append("  - job_name: ").append(quote(target.job())).append('\n')
                .append("    metrics_path: ").append(quote(target.metricsPath())).append('\n')
                .append("    static_configs:\n")
                .append("      - targets: [").append(quote(target.address())).append("]\n");
    }

    // A JSON string is a valid YAML double-quoted scalar.
    private static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
