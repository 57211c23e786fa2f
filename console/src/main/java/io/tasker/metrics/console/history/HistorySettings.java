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
 */
public record HistorySettings(Duration sampleInterval, int maxSeries, List<Duration> retention) {

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
            ConfigKey.of(
                    "console.history.day_retention", Kind.DURATION, "90d", "TASKER_CONSOLE_HISTORY_DAY_RETENTION"));

    public HistorySettings {
        retention = List.copyOf(retention);
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

    public static HistorySettings from(TaskerConfig config) {
        return new HistorySettings(
                config.application().duration(KEYS.get(0).name()),
                config.application().integer(KEYS.get(1).name()),
                List.of(
                        config.application().duration(KEYS.get(2).name()),
                        config.application().duration(KEYS.get(3).name()),
                        config.application().duration(KEYS.get(4).name()),
                        config.application().duration(KEYS.get(5).name())));
    }

    /** The defaults, as the keys give them. */
    public static HistorySettings defaults() {
        return new HistorySettings(
                Duration.ofSeconds(15),
                5000,
                List.of(Duration.ofHours(2), Duration.ofHours(8), Duration.ofDays(7), Duration.ofDays(90)));
    }

    public long retentionSeconds(Tier tier) {
        return retention.get(tier.ordinal()).getSeconds();
    }
}
