package io.tasker.metrics.sync;

import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import java.time.Instant;
import java.util.List;

/**
 * Who syncs into a namespace, one instance at a time, for pages that show the cluster's members
 * rather than their sum: the live instances with their last sync and what they synced, the
 * stopped ones already folded into the retired totals, and those totals. Each instance says
 * itself where and when it started, and a graceful stop's final sync says that it stopped.
 *
 * <pre>{@code
 * InstanceDirectory d = reader.instances();
 * d.live().forEach(i -> System.out.println(i.id() + " on " + i.host() + " last synced " + i.lastSync()));
 * }</pre>
 *
 * @param live the instances whose last sync the store still holds
 * @param folded stopped instances already folded into the retired totals
 * @param retired the retired totals' families
 */
public record InstanceDirectory(List<Instance> live, List<Folded> folded, List<MetricFamilySnapshot> retired) {
    /**
     * Copies the lists.
     *
     * @param live the instances whose last sync the store still holds
     * @param folded stopped instances already folded into the retired totals
     * @param retired the retired totals' families
     */
    public InstanceDirectory {
        live = List.copyOf(live);
        folded = List.copyOf(folded);
        retired = List.copyOf(retired);
    }

    /**
     * One live instance as its last sync left it.
     *
     * @param id the instance id
     * @param sequence the sequence of its last sync, as its meta record holds it
     * @param lastSync when it last synced
     * @param stopped when it stopped gracefully (its final sync said so), or null while it runs
     * @param origin where and when it started, or null when its version did not say
     * @param families what it synced last
     */
    public record Instance(
            String id,
            long sequence,
            Instant lastSync,
            Instant stopped,
            Origin origin,
            List<MetricFamilySnapshot> families) {
        /**
         * Copies the families.
         *
         * @param id the instance id
         * @param sequence the sequence of its last sync
         * @param lastSync when it last synced
         * @param stopped when it stopped gracefully, or null
         * @param origin where and when it started, or null
         * @param families what it synced last
         */
        public Instance {
            families = List.copyOf(families);
        }

        /**
         * The series it synced last, over all its families.
         *
         * @return the number of series
         */
        public int seriesCount() {
            return families.stream().mapToInt(f -> f.points().size()).sum();
        }
    }

    /**
     * An instance folded into the retired totals.
     *
     * @param id the instance id
     * @param foldedAt when it was folded
     * @param lastSync its last sync before the fold, or null when the fold was recorded by a version that kept none
     * @param stopped when it stopped gracefully (a final sync seen), or null when it went quiet and was
     *     folded after the instance timeout
     * @param origin where and when it started, or null when not recorded
     */
    public record Folded(String id, Instant foldedAt, Instant lastSync, Instant stopped, Origin origin) {}

    /**
     * Where and when an instance's process started, as the instance recorded it itself.
     *
     * @param host the host name it ran on
     * @param pid its process id
     * @param started when it started
     */
    public record Origin(String host, long pid, Instant started) {}
}
