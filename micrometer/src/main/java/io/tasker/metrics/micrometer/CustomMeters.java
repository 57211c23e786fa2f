package io.tasker.metrics.micrometer;

import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Statistic;
import io.micrometer.core.instrument.config.NamingConvention;
import io.tasker.metrics.GaugeSeries;
import io.tasker.metrics.snapshot.GaugePolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A custom meter ({@code Meter.builder(...)}) as collector families: one per measurement,
 * named by its statistic the way Micrometer's Prometheus registry names them. Totals and
 * counts become counters fed by their gains, everything else a gauge read at each snapshot.
 */
final class CustomMeters {
    private CustomMeters() {}

    static Runnable[] reads(
            Meter.Id id, NamingConvention convention, Iterable<Measurement> measurements, MeterFamilies families) {
        List<Runnable> reads = new ArrayList<>();
        Set<String> suffixes = new HashSet<>();
        for (Measurement m : measurements) {
            String suffix = suffix(m.getStatistic());
            if (!suffixes.add(suffix)) {
                throw new IllegalArgumentException("custom meter has two measurements named " + id.getName() + suffix
                        + " (statistic " + m.getStatistic() + "); give each statistic once");
            }
            if (isCumulative(m.getStatistic())) {
                reads.add(new CounterFeed(families.counter(id, convention, suffix), m::getValue));
            } else {
                GaugePolicy policy = m.getStatistic() == Statistic.MAX ? GaugePolicy.MAX : GaugePolicy.LAST;
                GaugeSeries series = families.gauge(id, convention, suffix, policy);
                reads.add(() -> series.set(m.getValue()));
            }
        }
        return reads.toArray(new Runnable[0]);
    }

    private static boolean isCumulative(Statistic s) {
        return s == Statistic.TOTAL || s == Statistic.TOTAL_TIME || s == Statistic.COUNT;
    }

    private static String suffix(Statistic s) {
        return switch (s) {
            case TOTAL, TOTAL_TIME -> "_sum";
            case COUNT -> "_count";
            case MAX -> "_max";
            case ACTIVE_TASKS -> "_active_tasks";
            case DURATION -> "_duration";
            case VALUE, UNKNOWN -> "";
        };
    }
}
