package io.tasker.metrics.console.instances;

import io.tasker.metrics.Clock;
import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.sync.ClusterReader;
import io.tasker.metrics.sync.InstanceDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The cluster's members from the store, one row each: status from the last sync against the
 * sync interval, shares of the key counters from what each synced.
 *
 * <pre>{@code
 * List<InstanceRow> rows = instances.rows(); // live and late instances, folded ones, the retired totals
 * }</pre>
 */
public final class InstancesService {
    private final ClusterReader reader;
    private final Clock clock;
    private final Duration syncInterval;
    private final List<String> counters;

    /** @param counters the key counters' family names (without {@code _total}), as the snapshot has them */
    public InstancesService(ClusterReader reader, Clock clock, Duration syncInterval, List<String> counters) {
        this.reader = reader;
        this.clock = clock;
        this.syncInterval = syncInterval;
        this.counters = List.copyOf(counters);
    }

    /** @throws io.tasker.metrics.store.StoreException when the store cannot be read */
    public List<InstanceRow> rows() {
        InstanceDirectory d = reader.instances();
        double[] totals = new double[counters.size()];
        for (InstanceDirectory.Instance i : d.live()) {
            add(totals, i.families());
        }
        add(totals, d.retired());
        Instant lateBefore = clock.instant().minus(syncInterval.multipliedBy(2));
        List<InstanceRow> rows = new ArrayList<>();
        for (InstanceDirectory.Instance i : d.live()) {
            String status = i.stopped() != null ? "stopped" : i.lastSync().isBefore(lateBefore) ? "late" : "live";
            rows.add(new InstanceRow(
                    i.id(),
                    host(i.origin()),
                    started(i.origin()),
                    i.lastSync(),
                    i.stopped(),
                    null,
                    i.sequence(),
                    i.seriesCount(),
                    status,
                    null,
                    null,
                    shares(i.families(), totals)));
        }
        for (InstanceDirectory.Folded f : d.folded()) {
            rows.add(new InstanceRow(
                    f.id(),
                    host(f.origin()),
                    started(f.origin()),
                    f.lastSync(),
                    f.stopped(),
                    f.foldedAt(),
                    0,
                    0,
                    f.stopped() != null ? "stopped" : "folded",
                    null,
                    null,
                    List.of()));
        }
        List<InstanceRow> linked = Restarts.link(rows);
        int retiredSeries =
                d.retired().stream().mapToInt(f -> f.points().size()).sum();
        List<InstanceRow> out = new ArrayList<>(linked);
        out.add(new InstanceRow(
                "retired totals",
                null,
                null,
                null,
                null,
                null,
                0,
                retiredSeries,
                "retired",
                null,
                null,
                shares(d.retired(), totals)));
        return out;
    }

    private static String host(InstanceDirectory.Origin origin) {
        return origin == null ? null : origin.host();
    }

    private static Instant started(InstanceDirectory.Origin origin) {
        return origin == null ? null : origin.started();
    }

    /** The console's time, from which the page shows ages. */
    public Instant now() {
        return clock.instant();
    }

    /** The live instances that have not synced for two sync intervals. */
    public List<InstanceRow> late() {
        return rows().stream().filter(InstanceRow::late).toList();
    }

    private List<InstanceRow.Share> shares(List<MetricFamilySnapshot> families, double[] totals) {
        double[] own = new double[counters.size()];
        add(own, families);
        List<InstanceRow.Share> out = new ArrayList<>();
        for (int k = 0; k < counters.size(); k++) {
            out.add(new InstanceRow.Share(
                    counters.get(k) + "_total", own[k], totals[k] == 0 ? null : 100 * own[k] / totals[k]));
        }
        return out;
    }

    private void add(double[] into, List<MetricFamilySnapshot> families) {
        for (MetricFamilySnapshot f : families) {
            int k = counters.indexOf(f.name());
            if (k >= 0 && f instanceof CounterSnapshot c) {
                for (CounterSnapshot.Point p : c.points()) {
                    into[k] += p.value();
                }
            }
        }
    }
}
