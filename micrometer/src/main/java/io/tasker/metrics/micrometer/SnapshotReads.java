package io.tasker.metrics.micrometer;

import io.micrometer.core.instrument.Meter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The values a snapshot must read from Micrometer meters rather than from the collector's
 * series: gauges, function counters and timers, long task timers and the decaying maxima.
 * Registered as a {@code beforeSnapshot} hook of the collector's registry, so a sync or an
 * export sees them as fresh as a scrape of Micrometer's own registry would.
 */
final class SnapshotReads implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotReads.class);

    private final Map<Meter.Id, List<Runnable>> reads = new ConcurrentHashMap<>();
    private final LongAdder failures = new LongAdder();

    void add(Meter meter, Runnable... read) {
        reads.put(meter.getId(), List.of(read));
    }

    /** A removed meter is read no more; its series keep their last values (see docs). */
    void remove(Meter meter) {
        reads.remove(meter.getId());
    }

    long failures() {
        return failures.sum();
    }

    /** Synchronized: feeds keep the last value they read, and two snapshots may run at once. */
    @Override
    public synchronized void run() {
        for (Map.Entry<Meter.Id, List<Runnable>> e : reads.entrySet()) {
            for (Runnable read : e.getValue()) {
                try {
                    read.run();
                } catch (RuntimeException ex) {
                    // One meter's broken function must not cost the others their values.
                    failures.increment();
                    LOG.warn(
                            "Reading Micrometer meter {} for a snapshot failed; it keeps its last value",
                            e.getKey().getName(),
                            ex);
                }
            }
        }
    }
}
