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
 * @param awaiting after a loss, the instances expected to write their state again that have not
 *     yet (seen live before the loss, or listed now, and neither written under the new epoch nor
 *     folded); empty once the view is whole again, and when there was no loss
 */
public record ClusterView(
        MetricsSnapshot snapshot,
        List<String> instances,
        long retiredGeneration,
        List<String> problems,
        Instant epochStarted,
        boolean afterLoss,
        List<String> awaiting) {
    /**
     * Copies the lists, so that the view stays as it was read.
     *
     * @param snapshot the families
     * @param instances the live instances it adds up
     * @param retiredGeneration the generation of the retired totals it includes
     * @param problems values that could not be read or merged
     * @param epochStarted when the store's epoch began, or null
     * @param afterLoss whether that epoch began after a loss
     * @param awaiting the instances expected to write again that have not yet
     */
    public ClusterView {
        instances = List.copyOf(instances);
        problems = List.copyOf(problems);
        awaiting = List.copyOf(awaiting);
    }

    /**
     * A view of a store whose epoch is not known.
     *
     * @param snapshot the families
     * @param instances the live instances it adds up
     * @param retiredGeneration the generation of the retired totals it includes
     * @param problems values that could not be read or merged
     */
    public ClusterView(
            MetricsSnapshot snapshot, List<String> instances, long retiredGeneration, List<String> problems) {
        this(snapshot, instances, retiredGeneration, problems, null, false, List.of());
    }

    /**
     * Whether the view may still lack what the store lost: the epoch began after a loss less
     * than {@code settle} ago, and some instance expected to write its state again has not yet.
     * Published now, its totals could be lower than an earlier export's. {@code settle} is the
     * instance timeout, within which every live instance has synced: the upper bound of the wait.
     *
     * @param now the time to judge at
     * @param settle the longest wait after a loss
     * @return true while exports should be held back
     */
    public boolean recovering(Instant now, Duration settle) {
        return afterLoss && epochStarted != null && now.isBefore(resumeAt(settle)) && !awaiting.isEmpty();
    }

    /**
     * The latest time exports resume after the loss, whoever has not written again by then.
     *
     * @param settle the longest wait after a loss
     * @return the epoch's start plus {@code settle}, or null when the epoch is not known
     */
    public Instant resumeAt(Duration settle) {
        return epochStarted == null ? null : epochStarted.plus(settle);
    }
}
