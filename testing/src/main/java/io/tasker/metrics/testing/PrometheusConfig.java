package io.tasker.metrics.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The {@code prometheus.yml} a test's Prometheus runs with: a short scrape interval so tests
 * see samples within seconds, the targets the test asked for, and the rule files it loads.
 *
 * <p>{@code new PrometheusConfig(Duration.ofSeconds(1), List.of(ScrapeTarget.of("console", "127.0.0.1:7070"))).toYaml()}
 *
 * @param scrapeInterval how often every target is scraped and the rules evaluated
 * @param targets the targets, grouped into one scrape config per job
 * @param ruleFiles recording and alerting rule files Prometheus loads
 */
public record PrometheusConfig(Duration scrapeInterval, List<ScrapeTarget> targets, List<Path> ruleFiles) {

    /**
     * One {@code host:port} scraped at {@code metricsPath} under a job, with labels Prometheus adds
     * to every series scraped from it (a static config's {@code labels}, as Kubernetes discovery
     * adds {@code namespace}). Targets of one job go into one scrape config.
     *
     * @param job the job name, the {@code job} label of its series
     * @param address {@code host:port}
     * @param metricsPath the path scraped, such as {@code /metrics}
     * @param labels labels added to every series scraped from this target
     */
    public record ScrapeTarget(String job, String address, String metricsPath, Map<String, String> labels) {

        /**
         * Requires a job, an address and a path; copies the extra labels.
         *
         * @param job the job name
         * @param address {@code host:port}
         * @param metricsPath the path scraped
         * @param labels labels added to every series scraped from it
         */
        public ScrapeTarget {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(metricsPath, "metricsPath");
            labels = Map.copyOf(labels);
        }

        /**
         * A target without extra labels.
         *
         * @param job the job name
         * @param address {@code host:port}
         * @param metricsPath the path scraped
         */
        public ScrapeTarget(String job, String address, String metricsPath) {
            this(job, address, metricsPath, Map.of());
        }

        /**
         * A target scraped at {@code /metrics}, without extra labels.
         *
         * @param job the job name
         * @param address {@code host:port}
         * @return the target
         */
        public static ScrapeTarget of(String job, String address) {
            return new ScrapeTarget(job, address, "/metrics");
        }

        /**
         * The same target, its series labelled with {@code more} instead of its present labels.
         *
         * @param more the labels to add to every series scraped from it
         * @return the new target
         */
        public ScrapeTarget withLabels(Map<String, String> more) {
            return new ScrapeTarget(job, address, metricsPath, more);
        }
    }

    /**
     * Checks the scrape interval is at least a millisecond and copies the targets and rule files.
     *
     * @param scrapeInterval how often every target is scraped and the rules evaluated
     * @param targets the targets
     * @param ruleFiles the rule files
     */
    public PrometheusConfig {
        if (scrapeInterval.toMillis() < 1) {
            throw new IllegalArgumentException("Scrape interval must be at least 1 ms, got " + scrapeInterval);
        }
        targets = List.copyOf(targets);
        ruleFiles = List.copyOf(ruleFiles);
    }

    /**
     * A configuration without rule files.
     *
     * @param scrapeInterval how often every target is scraped
     * @param targets the targets
     */
    public PrometheusConfig(Duration scrapeInterval, List<ScrapeTarget> targets) {
        this(scrapeInterval, targets, List.of());
    }

    /**
     * This configuration scraping {@code newTargets} instead.
     *
     * @param newTargets the targets to scrape
     * @return the new configuration
     */
    public PrometheusConfig withTargets(List<ScrapeTarget> newTargets) {
        return new PrometheusConfig(scrapeInterval, newTargets, ruleFiles);
    }

    /**
     * This configuration loading the recording and alerting rules of {@code files}.
     *
     * @param files the rule files
     * @return the new configuration
     */
    public PrometheusConfig withRuleFiles(List<Path> files) {
        return new PrometheusConfig(scrapeInterval, targets, files);
    }

    /**
     * The configuration as Prometheus reads it.
     *
     * @return the YAML text of {@code prometheus.yml}
     */
    public String toYaml() {
        StringBuilder yaml = new StringBuilder();
        String interval = scrapeInterval.toMillis() + "ms";
        // The timeout may not exceed the interval, and its 10 s default would. Rules are evaluated
        // as often as targets are scraped, so that a recorded series follows within an interval.
        yaml.append("global:\n")
                .append("  scrape_interval: ")
                .append(interval)
                .append('\n')
                .append("  scrape_timeout: ")
                .append(interval)
                .append('\n')
                .append("  evaluation_interval: ")
                .append(interval)
                .append('\n');
        yaml.append("rule_files:");
        if (ruleFiles.isEmpty()) {
            yaml.append(" []");
        }
        yaml.append('\n');
        ruleFiles.forEach(f ->
                yaml.append("  - ").append(quote(f.toAbsolutePath().toString())).append('\n'));
        yaml.append("scrape_configs:");
        if (targets.isEmpty()) {
            yaml.append(" []");
        }
        yaml.append('\n');
        byJob().forEach((job, jobTargets) -> appendJob(yaml, job, jobTargets));
        return yaml.toString();
    }

    // Prometheus refuses two scrape configs with one job name.
    private Map<String, List<ScrapeTarget>> byJob() {
        Map<String, List<ScrapeTarget>> jobs = new LinkedHashMap<>();
        targets.forEach(
                t -> jobs.computeIfAbsent(t.job(), j -> new ArrayList<>()).add(t));
        jobs.forEach((job, list) -> {
            if (list.stream().map(ScrapeTarget::metricsPath).distinct().count() > 1) {
                throw new IllegalArgumentException("Targets of job " + job + " differ in metrics path: " + list);
            }
        });
        return jobs;
    }

    private static void appendJob(StringBuilder yaml, String job, List<ScrapeTarget> targets) {
        yaml.append("  - job_name: ")
                .append(quote(job))
                .append('\n')
                .append("    metrics_path: ")
                .append(quote(targets.get(0).metricsPath()))
                .append('\n')
                .append("    static_configs:\n");
        for (ScrapeTarget target : targets) {
            yaml.append("      - targets: [").append(quote(target.address())).append("]\n");
            if (!target.labels().isEmpty()) {
                yaml.append("        labels:\n");
                new TreeMap<>(target.labels())
                        .forEach((name, value) -> yaml.append("          ")
                                .append(quote(name))
                                .append(": ")
                                .append(quote(value))
                                .append('\n'));
            }
        }
    }

    // A JSON string is a valid YAML double-quoted scalar.
    private static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
