package io.tasker.metrics.jvm;

import io.tasker.metrics.Histogram;
import io.tasker.metrics.HistogramSeries;
import io.tasker.metrics.MetricRegistry;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code jvm_gc_collection_seconds{gc}}: the count and time of each collector's collections. The
 * collector has no summary type, so it is a histogram with the {@code +Inf} bucket alone: its
 * {@code _count} and {@code _sum} are the samples client_java's summary writes, and add up
 * across instances. The JDK gives totals only, so the collections since the last read are
 * observed as that many of their mean duration: count and sum exact.
 */
final class GcReader implements Runnable {
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final Histogram histogram;
    private final Map<String, long[]> last = new HashMap<>();

    GcReader(MetricRegistry registry) {
        histogram = Histogram.builder("jvm_gc_collection_seconds")
                .withoutPrefix()
                .buckets()
                .help("Time spent in a given JVM garbage collector in seconds")
                .labelNames("gc")
                .register(registry);
    }

    @Override
    public synchronized void run() {
        for (GarbageCollectorMXBean gc : collectors) {
            long count = gc.getCollectionCount();
            long millis = gc.getCollectionTime();
            if (count < 0 || millis < 0) {
                continue; // This collector does not say.
            }
            long[] before = last.getOrDefault(gc.getName(), new long[2]);
            last.put(gc.getName(), new long[] {count, millis});
            long collections = count - before[0];
            double seconds = Math.max(0, millis - before[1]) / 1000.0;
            HistogramSeries series = histogram.labels(gc.getName());
            for (long i = 0; i < collections; i++) {
                series.observe(seconds / collections);
            }
        }
    }
}
