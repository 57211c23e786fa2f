package io.tasker.metrics.sync;

import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Who syncs into a namespace, one instance at a time, for pages that show the cluster's members
 * rather than their sum: the live instances with their last sync and what they synced, the
 * stopped ones already folded into the retired totals, and those totals.
 *
 * <pre>{@code
 * InstanceDirectory d = reader.instances();
 * d.live().forEach(i -> System.out.println(i.id() + " last synced " + i.lastSync()));
 * }</pre>
 *
 * @param live the instances whose last sync the store still holds, by id
 * @param folded stopped instances and when they were folded into the retired totals
 * @param retired the retired totals' families
 */
public record InstanceDirectory(List<Instance> live, Map<String, Instant> folded, List<MetricFamilySnapshot> retired) {
    /**
     * Copies the lists and the map.
     *
     * @param live the instances whose last sync the store still holds
     * @param folded stopped instances and when they were folded into the retired totals
     * @param retired the retired totals' families
     */
    public InstanceDirectory {
        live = List.copyOf(live);
        folded = Map.copyOf(folded);
        retired = List.copyOf(retired);
    }

    /**
     * One live instance as its last sync left it.
     *
     * @param id the instance id
     * @param sequence the sequence of its last sync, as its meta record holds it
     * @param lastSync when it last synced
     * @param families what it synced last
     */
    public record Instance(String id, long sequence, Instant lastSync, List<MetricFamilySnapshot> families) {
        /**
         * Copies the families.
         *
         * @param id the instance id
         * @param sequence the sequence of its last sync
         * @param lastSync when it last synced
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
}
