package io.tasker.metrics.console.instances;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Links an instance to the one it most likely restarted: the same host (as both recorded it),
 * the earlier one no longer running, the later one started at or after the earlier one's last
 * sync. Of several such, the latest to stop is the one restarted. A restart under the same id
 * after a fold goes on as {@code id~N} (docs/sync.md), and on Kubernetes a restarted container
 * keeps its pod's host name: both show as linked.
 */
final class Restarts {
    private Restarts() {}

    static List<InstanceRow> link(List<InstanceRow> rows) {
        Map<String, String> restartOf = new HashMap<>();
        Map<String, String> restartedAs = new HashMap<>();
        List<InstanceRow> byStart = new ArrayList<>(rows);
        byStart.sort(Comparator.comparing(InstanceRow::started, Comparator.nullsLast(Comparator.naturalOrder())));
        for (InstanceRow later : byStart) {
            InstanceRow before = predecessor(later, rows);
            if (before != null && !restartedAs.containsKey(before.id())) {
                restartOf.put(later.id(), before.id());
                restartedAs.put(before.id(), later.id());
            }
        }
        List<InstanceRow> out = new ArrayList<>(rows.size());
        rows.forEach(r -> out.add(r.linked(restartOf.get(r.id()), restartedAs.get(r.id()))));
        return out;
    }

    private static InstanceRow predecessor(InstanceRow later, List<InstanceRow> rows) {
        if (later.host() == null || later.started() == null) {
            return null;
        }
        InstanceRow best = null;
        for (InstanceRow r : rows) {
            if (r.id().equals(later.id())
                    || r.running()
                    || !Objects.equals(r.host(), later.host())
                    || r.lastSync() == null) {
                continue;
            }
            Instant ended = r.lastSync();
            if (!later.started().isBefore(ended) && (best == null || ended.isAfter(best.lastSync()))) {
                best = r;
            }
        }
        return best;
    }
}
