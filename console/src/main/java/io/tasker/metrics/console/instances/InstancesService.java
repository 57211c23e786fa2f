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
            rows.add(new InstanceRow(
                    i.id(),
                    host(i.id()),
                    i.lastSync(),
                    i.sequence(),
                    i.seriesCount(),
                    i.lastSync().isBefore(lateBefore) ? "late" : "live",
                    shares(i.families(), totals)));
        }
        d.folded().forEach((id, at) -> rows.add(new InstanceRow(id, host(id), at, 0, 0, "folded", List.of())));
        int retiredSeries =
                d.retired().stream().mapToInt(f -> f.points().size()).sum();
        rows.add(new InstanceRow(
                "retired totals", null, null, 0, retiredSeries, "retired", shares(d.retired(), totals)));
        return rows;
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

    /** The host an id names: {@code web-1-4242} is host {@code web-1}, {@code local-web-1} too. */
    static String host(String id) {
        if (id.startsWith("local-")) {
            return id.substring("local-".length());
        }
        return id.matches(".+-\\d+") ? id.substring(0, id.lastIndexOf('-')) : id;
    }
}
