package io.tasker.metrics.console.history;

import io.tasker.metrics.config.ConfigKey;
import io.tasker.metrics.config.ConfigKey.Kind;
import io.tasker.metrics.config.TaskerConfig;
import java.time.Duration;
import java.util.List;

/**
 * {@code console.history.*}: how often the console samples the cluster view, how many series it
 * keeps, and how long each tier of the history lives.
 *
 * <pre>{@code
 * HistorySettings h = HistorySettings.from(config); // 15 s, 5,000 series, 2 h / 8 h / 7 d / 90 d
 * }</pre>
 *
 * @param sampleInterval time between two samples (and the raw tier's step)
 * @param maxSeries how many series of the view are kept; past it, the busiest families first
 * @param retention how long each tier keeps its rows, indexed by {@link Tier#ordinal()}
 * @param syncInterval how often the instances sync ({@code telemetry.sync_interval}): the view
 *     changes no more often, so a series unchanged for two of them is idle rather than between syncs
 * @param writeInterval sample time the newest raw rows are held in memory before they are written
 *     (what a crash can lose); zero writes every sample at once
 */
public record HistorySettings(
        Duration sampleInterval,
        int maxSeries,
        List<Duration> retention,
        Duration syncInterval,
        Duration writeInterval) {

    private static final Duration DEFAULT_SYNC = Duration.ofSeconds(30);
    /** Raw rows written every 5 minutes: a twentieth of the page writes of writing every sample. */
    static final Duration DEFAULT_WRITE_INTERVAL = Duration.ofMinutes(5);
    /** At most an hour in memory: the buffer grows with it, a row per series and sample. */
    private static final Duration MAX_WRITE_INTERVAL = Duration.ofHours(1);

    /** The keys, with defaults and environment variables. */
    public static final List<ConfigKey> KEYS = List.of(
            ConfigKey.of(
                    "console.history.sample_interval", Kind.DURATION, "15s", "TASKER_CONSOLE_HISTORY_SAMPLE_INTERVAL"),
            ConfigKey.of("console.history.max_series", Kind.INTEGER, "5000", "TASKER_CONSOLE_HISTORY_MAX_SERIES"),
            ConfigKey.of("console.history.raw_retention", Kind.DURATION, "2h", "TASKER_CONSOLE_HISTORY_RAW_RETENTION"),
            ConfigKey.of(
                    "console.history.minute_retention", Kind.DURATION, "8h", "TASKER_CONSOLE_HISTORY_MINUTE_RETENTION"),
            ConfigKey.of(
                    "console.history.hour_retention", Kind.DURATION, "7d", "TASKER_CONSOLE_HISTORY_HOUR_RETENTION"),
            ConfigKey.of("console.history.day_retention", Kind.DURATION, "90d", "TASKER_CONSOLE_HISTORY_DAY_RETENTION"),
            ConfigKey.of(
                    "console.history.write_interval", Kind.DURATION, "5m", "TASKER_CONSOLE_HISTORY_WRITE_INTERVAL"));

    public HistorySettings {
        retention = List.copyOf(retention);
        if (syncInterval == null || syncInterval.isNegative() || syncInterval.isZero()) {
            throw new IllegalArgumentException("the sync interval must be positive: " + syncInterval);
        }
        if (writeInterval.isNegative() || writeInterval.compareTo(MAX_WRITE_INTERVAL) > 0) {
            throw new IllegalArgumentException("console.history.write_interval is " + writeInterval
                    + "; it must be from 0s (write every sample at once) to 1h");
        }
        if (sampleInterval.toSeconds() < 1
                || 60 % sampleInterval.toSeconds() != 0
                || sampleInterval.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("console.history.sample_interval is " + sampleInterval.toMillis()
                    + " ms; it must be whole seconds that divide a minute (1s, 5s, 10s, 15s, 30s or 60s), "
                    + "so that samples roll up into minutes");
        }
        if (maxSeries < 1) {
            throw new IllegalArgumentException(
                    "console.history.max_series is " + maxSeries + "; it must be at least 1");
        }
        if (retention.size() != Tier.values().length) {
            throw new IllegalArgumentException("one retention per tier: " + retention);
        }
        for (Tier tier : Tier.values()) {
            Duration kept = retention.get(tier.ordinal());
            if (kept.getSeconds() < tier.seconds(sampleInterval)) {
                throw new IllegalArgumentException("console.history." + tier.word() + "_retention is " + kept
                        + ", shorter than one step of that tier; make it at least " + tier.seconds(sampleInterval)
                        + "s");
            }
        }
    }

    /** Settings for instances that sync at the default interval, 30 s, written every 5 minutes. */
    public HistorySettings(Duration sampleInterval, int maxSeries, List<Duration> retention) {
        this(sampleInterval, maxSeries, retention, DEFAULT_SYNC);
    }

    /** Settings written every 5 minutes. */
    public HistorySettings(Duration sampleInterval, int maxSeries, List<Duration> retention, Duration syncInterval) {
        this(sampleInterval, maxSeries, retention, syncInterval, DEFAULT_WRITE_INTERVAL);
    }

    public static HistorySettings from(TaskerConfig config) {
        return new HistorySettings(
                config.application().duration(KEYS.get(0).name()),
                config.application().integer(KEYS.get(1).name()),
                List.of(
                        config.application().duration(KEYS.get(2).name()),
                        config.application().duration(KEYS.get(3).name()),
                        config.application().duration(KEYS.get(4).name()),
                        config.application().duration(KEYS.get(5).name())),
                config.telemetry().syncInterval(),
                config.application().duration(KEYS.get(6).name()));
    }

    /** The defaults, as the keys give them. */
    public static HistorySettings defaults() {
        return new HistorySettings(
                Duration.ofSeconds(15),
                5000,
                List.of(Duration.ofHours(2), Duration.ofHours(8), Duration.ofDays(7), Duration.ofDays(90)));
    }

    /**
     * Seconds a series may stay unchanged before the history takes it as idle and records so:
     * two sync intervals (or two samples, when sampling is the slower), so that a sync a little
     * late is still waited for.
     */
    public long quietSeconds() {
        return 2 * Math.max(sampleInterval.getSeconds(), syncInterval.getSeconds());
    }

    public long retentionSeconds(Tier tier) {
        return retention.get(tier.ordinal()).getSeconds();
    }
}
