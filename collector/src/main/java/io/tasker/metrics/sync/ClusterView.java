package io.tasker.metrics.sync;

import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.util.List;

/**
 * The cluster-wide snapshot read back from the store: the retired totals plus every live
 * instance's last sync, added up.
 *
 * @param snapshot the families, as writers take them
 * @param instances the live instances it adds up
 * @param retiredGeneration the generation of the retired totals it includes (0: none yet)
 * @param problems values that could not be read or merged (corrupt chunks, conflicting definitions)
 */
public record ClusterView(MetricsSnapshot snapshot, List<String> instances, long retiredGeneration,
                          List<String> problems) {
    public ClusterView {
        instances = List.copyOf(instances);
        problems = List.copyOf(problems);
    }
}
