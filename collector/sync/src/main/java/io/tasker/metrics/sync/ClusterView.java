package io.tasker.metrics.sync;

import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The cluster-wide snapshot read back from the store: the retired totals plus every live
 * instance's last sync, added up.
 *
 * @param snapshot the families, as writers take them
 * @param instances the live instances it adds up
 * @param retiredGeneration the generation of the retired totals it includes (0: none yet)
 * @param problems values that could not be read or merged (corrupt chunks, conflicting definitions)
 * @param epochStarted when the store's current epoch began, or null when unknown
 * @param afterLoss whether that epoch began after the store lost its data
 */
public record ClusterView(MetricsSnapshot snapshot, List<String> instances, long retiredGeneration,
                          List<String> problems, Instant epochStarted, boolean afterLoss) {
    /**
     * Copies the lists.
     *
     * @param snapshot the families, as writers take them
     * @param instances the live instances it adds up
     * @param retiredGeneration the generation of the retired totals it includes (0: none yet)
     * @param problems values that could not be read or merged
     * @param epochStarted when the store's current epoch began, or null when unknown
     * @param afterLoss whether that epoch began after the store lost its data
     */
    public ClusterView {
        instances = List.copyOf(instances);
        problems = List.copyOf(problems);
    }

    /**
     * A view of a store whose epoch is not known.
     *
     * @param snapshot the families, as writers take them
     * @param instances the live instances it adds up
     * @param retiredGeneration the generation of the retired totals it includes (0: none yet)
     * @param problems values that could not be read or merged
     */
    public ClusterView(MetricsSnapshot snapshot, List<String> instances, long retiredGeneration, List<String> problems) {
        this(snapshot, instances, retiredGeneration, problems, null, false);
    }

    /**
     * Whether the store lost its data less than {@code settle} ago: live instances may not have
     * written their state again yet, so the view can be lower than what was exported before.
     * {@code settle} is the instance timeout, within which every live instance has synced.
     *
     * @param now the current time
     * @param settle how long after a loss the view may still be low
     * @return whether the view may still be missing live instances' state
     */
    public boolean recovering(Instant now, Duration settle) {
        return afterLoss && epochStarted != null && now.isBefore(epochStarted.plus(settle));
    }
}
