package io.tasker.metrics.micrometer;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.NamingConvention;
import io.tasker.metrics.Counter;
import io.tasker.metrics.CounterSeries;
import io.tasker.metrics.Gauge;
import io.tasker.metrics.GaugeSeries;
import io.tasker.metrics.Histogram;
import io.tasker.metrics.HistogramSeries;
import io.tasker.metrics.MetricFamily;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.Series;
import io.tasker.metrics.snapshot.GaugePolicy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Finds, or defines, the collector family and series behind a Micrometer meter. The
 * collector's own validation, shape checks and cardinality guard do the work; this adds the
 * one check the collector cannot make: two Micrometer names that the convention turns into
 * one (such as {@code my.counter} and {@code my_counter}) would add into one series unseen.
 */
final class MeterFamilies {
    private final MetricRegistry metrics;
    /** Family name, as the convention gives it, to the Micrometer meter and suffix that own it. */
    private final Map<String, Owner> owners = new ConcurrentHashMap<>();

    MeterFamilies(MetricRegistry metrics) {
        this.metrics = metrics;
    }

    MetricRegistry metrics() {
        return metrics;
    }

    CounterSeries counter(Meter.Id id, NamingConvention convention, String suffix) {
        return series(
                id,
                convention,
                suffix,
                (name, labels) ->
                        Counter.builder(name).help(help(id)).labelNames(labels).register(metrics));
    }

    GaugeSeries gauge(Meter.Id id, NamingConvention convention, String suffix, GaugePolicy policy) {
        return series(
                id,
                convention,
                suffix,
                (name, labels) -> Gauge.builder(name)
                        .help(help(id))
                        .labelNames(labels)
                        .policy(policy)
                        .register(metrics));
    }

    HistogramSeries histogram(Meter.Id id, NamingConvention convention, HistogramShape shape) {
        return series(
                id,
                convention,
                "",
                (name, labels) -> shape.define(
                                Histogram.builder(name).help(help(id)).labelNames(labels))
                        .register(metrics));
    }

    private <S extends Series> S series(
            Meter.Id id,
            NamingConvention convention,
            String suffix,
            BiFunction<String, String[], ? extends MetricFamily<S>> define) {
        String name = id.getConventionName(convention) + suffix;
        Owner owner = new Owner(id.getName(), suffix);
        Owner previous = owners.putIfAbsent(name, owner);
        if (previous != null && !previous.equals(owner)) {
            throw new IllegalArgumentException("Micrometer meter '" + id.getName() + "' maps to the metric name "
                    + name + ", which meter '" + previous.meter() + "' already uses"
                    + (previous.suffix().isEmpty() ? "" : " (for its " + previous.suffix() + ")")
                    + "; the collector would add both into one series, so rename one of them");
        }
        MeterLabels labels = MeterLabels.of(id, convention);
        return define.apply(name, labels.names()).labels(labels.values());
    }

    /** The Micrometer meter name and the suffix of its family ("" for its main one). */
    private record Owner(String meter, String suffix) {}

    private static String help(Meter.Id id) {
        String d = id.getDescription();
        return d == null ? "" : d;
    }
}
