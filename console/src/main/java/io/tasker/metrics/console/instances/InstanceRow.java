package io.tasker.metrics.console.instances;

import java.time.Instant;
import java.util.List;

/**
 * One instance, or the retired totals (status {@code retired}).
 *
 * @param host the host the instance recorded itself, or null where it recorded none (and for the retired totals)
 * @param started when it started, as it recorded itself, or null
 * @param lastSync its last sync, or null where unknown (the retired totals; a fold recorded by an older version)
 * @param stopped when it stopped gracefully (its final sync said so), or null
 * @param folded when it was folded into the retired totals, or null while it is not
 * @param sequence its sync sequence as its meta record holds it; 0 where none
 * @param series series in its last sync
 * @param status {@code live}, {@code late} (no sync for two sync intervals), {@code stopped} (a final
 *               sync seen, whether or not folded yet), {@code folded} (went quiet, its values added to
 *               the retired totals after the instance timeout) or {@code retired}
 * @param restartOf the instance this one most likely restarted (same host, started after that one's
 *                  last sync), or null
 * @param restartedAs the instance that most likely restarted this one, or null
 * @param shares how much of each key counter it holds
 */
public record InstanceRow(
        String id,
        String host,
        Instant started,
        Instant lastSync,
        Instant stopped,
        Instant folded,
        long sequence,
        int series,
        String status,
        String restartOf,
        String restartedAs,
        List<Share> shares) {

    /**
     * @param counter the counter family, as the metric table names it
     * @param value this instance's total of it
     * @param percent its share of the cluster's total (the live instances and the retired totals), or null when that is 0
     */
    public record Share(String counter, double value, Double percent) {}

    public boolean late() {
        return "late".equals(status);
    }

    /** Whether it still runs: live or late. */
    boolean running() {
        return "live".equals(status) || "late".equals(status);
    }

    InstanceRow linked(String restartOf, String restartedAs) {
        return new InstanceRow(
                id, host, started, lastSync, stopped, folded, sequence, series, status, restartOf, restartedAs, shares);
    }
}
