package io.tasker.metrics.console.history;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The latest rows of the raw and minute tiers, held in memory and written to H2 a few minutes'
 * worth at a time. Rows are keyed series first, so one tick of 5,000 series touches 5,000
 * different pages of the table; H2's MVStore copies every page it changes, and writing each
 * tick on its own rewrote about 20 MB every 15 s. Written 20 ticks at a time, a series' new rows
 * sit side by side and land on one page: a twentieth of the writes. Readers see the buffer and
 * the table as one. What a crash can lose is the buffer: at most {@code console.history.write_interval}
 * (5 minutes) of raw samples (minute rows, written a third as often, are rolled up again from the
 * raw ones); a normal stop writes it.
 */
final class WriteBuffer {
    /** Seconds of sample time between two writes of raw rows; minute rows go a third as often. */
    private final long rawEvery;

    private final ConcurrentSkipListMap<Long, Sample> rows = new ConcurrentSkipListMap<>();
    /** The same rows by tier, then time, then series: what rollups and retention look for. */
    private final ConcurrentSkipListMap<Long, Sample> byTime = new ConcurrentSkipListMap<>();

    private final long[] lastFlush = new long[Tier.values().length];

    /** @param rawEvery seconds of sample time between two writes of raw rows; 0 writes them at once */
    WriteBuffer(long rawEvery) {
        this.rawEvery = rawEvery;
    }

    /** Seconds of sample time between two writes of a tier; 0 for tiers written at once. */
    long flushEvery(Tier tier) {
        return switch (tier) {
            case RAW -> rawEvery;
            case MINUTE -> 3 * rawEvery;
            default -> 0;
        };
    }

    boolean buffers(Tier tier) {
        return flushEvery(tier) > 0;
    }

    void put(Sample s) {
        rows.put(HistoryStore.key(s.seriesId(), s.tier(), s.start()), s);
        byTime.put(timeKey(s.tier(), s.start(), s.seriesId()), s);
    }

    private static long timeKey(Tier tier, long t, int seriesId) {
        return ((long) tier.ordinal() << 61) | (Math.max(0, Math.min(t, HistoryStore.MAX_T)) << 27) | seriesId;
    }

    /** The rows of every tier whose write is due at sample time {@code now}, oldest write first; still held. */
    synchronized List<Sample> due(long now) {
        List<Sample> out = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            if (!buffers(tier)) {
                continue;
            }
            if (lastFlush[tier.ordinal()] == 0) {
                lastFlush[tier.ordinal()] = now;
            } else if (now - lastFlush[tier.ordinal()] >= flushEvery(tier)) {
                out.addAll(tier(tier, Long.MIN_VALUE, Long.MAX_VALUE));
                lastFlush[tier.ordinal()] = now;
            }
        }
        return out;
    }

    /** Everything held, for a stop. */
    List<Sample> all() {
        return new ArrayList<>(rows.values());
    }

    /** Forgets rows once the table has them (unless a newer write replaced them meanwhile). */
    void written(List<Sample> samples) {
        for (Sample s : samples) {
            if (rows.remove(HistoryStore.key(s.seriesId(), s.tier(), s.start()), s)) {
                byTime.remove(timeKey(s.tier(), s.start(), s.seriesId()), s);
            }
        }
    }

    /** One series' rows of a tier from {@code from} on, oldest first. */
    List<Sample> series(int seriesId, Tier tier, long from) {
        return new ArrayList<>(rows.subMap(
                        HistoryStore.key(seriesId, tier, Math.max(0, from)),
                        true,
                        HistoryStore.key(seriesId, tier, HistoryStore.MAX_T),
                        true)
                .values());
    }

    /** Every series' rows of a tier in {@code [from, to)}, by time. */
    List<Sample> tier(Tier tier, long from, long to) {
        return new ArrayList<>(range(tier, from, to).values());
    }

    long latest(Tier tier) {
        var last = range(tier, 0, HistoryStore.MAX_T + 1).lastEntry();
        return last == null ? -1 : last.getValue().start();
    }

    long earliest(Tier tier, long from) {
        var first = range(tier, from, HistoryStore.MAX_T + 1).firstEntry();
        return first == null ? -1 : first.getValue().start();
    }

    void expire(Tier tier, long before) {
        List<Sample> old = new ArrayList<>(range(tier, 0, before).values());
        old.forEach(s -> {
            rows.remove(HistoryStore.key(s.seriesId(), s.tier(), s.start()), s);
            byTime.remove(timeKey(s.tier(), s.start(), s.seriesId()), s);
        });
    }

    private NavigableMap<Long, Sample> range(Tier tier, long from, long to) {
        return byTime.subMap(timeKey(tier, Math.max(0, from), 0), true, timeKey(tier, to, 0), false);
    }

    long count(Tier tier) {
        return range(tier, 0, HistoryStore.MAX_T + 1).size();
    }
}
