package io.tasker.metrics.console.instances;

import java.time.Instant;
import java.util.List;

/**
 * One instance, or the retired totals (status {@code retired}).
 *
 * @param host the host its id names ({@code host-pid} or {@code local-host}); null for the retired totals
 * @param lastSync its last sync, or when it was folded; null for the retired totals
 * @param sequence its sync sequence as its meta record holds it; 0 where none
 * @param series series in its last sync
 * @param status {@code live}, {@code late} (no sync for two sync intervals), {@code folded}
 *               (stopped, its values added to the retired totals) or {@code retired}
 * @param shares how much of each key counter it holds
 */
public record InstanceRow(
        String id, String host, Instant lastSync, long sequence, int series, String status, List<Share> shares) {

    /**
     * @param counter the counter family, as the metric table names it
     * @param value this instance's total of it
     * @param percent its share of the cluster's total (the live instances and the retired totals), or null when that is 0
     */
    public record Share(String counter, double value, Double percent) {}

    public boolean late() {
        return "late".equals(status);
    }
}
