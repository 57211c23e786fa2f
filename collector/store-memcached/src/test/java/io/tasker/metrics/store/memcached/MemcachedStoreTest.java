package io.tasker.metrics.store.memcached;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.KeyLayout;
import io.tasker.metrics.store.Record;
import io.tasker.metrics.store.StoreCapabilities;
import io.tasker.metrics.store.StoreException;
import io.tasker.metrics.testing.CacheStoreContract;
import io.tasker.metrics.testing.MemcachedServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MemcachedStoreTest extends CacheStoreContract {

    @RegisterExtension
    static final MemcachedServerExtension memcached = new MemcachedServerExtension();

    private static final int THREADS = 8;
    private static final int ROUNDS = 20;

    @Override
    protected CacheStore newStore() {
        return MemcachedStore.open(memcached.url(), Duration.ofSeconds(5));
    }

    // memcached's clock ticks in whole seconds: a 1-second key lives up to 2 seconds.
    @Override
    protected Duration expiryWait() {
        return Duration.ofMillis(3_100);
    }

    // ... and goes at the first tick after its second, which may come at once after the write.
    @Override
    protected Duration earliestExpiry() {
        return Duration.ZERO;
    }

    private MemcachedStore memcachedStore() {
        return (MemcachedStore) store;
    }

    @Test
    void declaresWhatMemcachedCanDo() {
        assertEquals(
                new StoreCapabilities(true, true, false, false, true, true, false, false),
                store.declaredCapabilities());
        assertEquals(store.declaredCapabilities(), store.probe(KeyLayout.defaults()));
        assertEquals(memcached.url(), store.description());
        assertThrows(UnsupportedOperationException.class, () -> store.ttl(key("any")));
    }

    @Test
    void aValueOverTheItemSizeLimitFailsClearlyAndTheOldValueStays() {
        String k = key("huge");
        store.putIfNewer(k, record(1, "old"), TTL);
        Record huge = new Record(2, new byte[1024 * 1024]);

        StoreException e = assertThrows(StoreException.class, () -> store.putIfNewer(k, huge, TTL));

        String message = e.getMessage();
        assertTrue(
                message.contains("The value of key " + k + " is 1048584 bytes, over memcached's item size limit"),
                message);
        assertTrue(message.contains("batch_size") && message.contains("-I"), message);
        assertEquals(record(1, "old"), store.get(k).orElseThrow());
        assertThrows(StoreException.class, () -> store.compareAndSet(k, 1, huge, TTL));
        assertThrows(StoreException.class, () -> store.add(key("huge-new"), huge, TTL));
        assertEquals(record(1, "old"), store.get(k).orElseThrow());
        assertEquals(Optional.empty(), store.get(key("huge-new")));
    }

    @Test
    void aCounterKeyHoldsNoRecord() {
        String k = key("counter");
        assertEquals(3, store.increment(k, 3, TTL));
        assertEquals(Optional.empty(), store.get(k));
        assertEquals(Map.of(), store.getAll(List.of(k)));
        assertThrows(IllegalArgumentException.class, () -> store.increment(k, -1, TTL));
    }

    @Test
    void aReleasedLockIsGoneForEveryClient() {
        String k = key("lock");
        store.add(k, record(0, "owner-a"), TTL);
        try (CacheStore other = newStore()) {
            assertTrue(store.deleteIfEquals(k, bytes("owner-a")));
            assertEquals(Optional.empty(), other.get(k));
            assertTrue(other.add(k, record(0, "owner-b"), TTL));
        }
    }

    @Test
    void compareAndSetConflictsAreCountedAndEachRoundHasOneWinner() throws Exception {
        String k = key("contended");
        store.compareAndSet(k, -1, record(0, "start"), TTL);
        for (int round = 0; round < ROUNDS; round++) {
            long expected = round;
            List<Boolean> results =
                    race(i -> store.compareAndSet(k, expected, record(expected + 1, "racer " + i), TTL));
            assertEquals(1, results.stream().filter(won -> won).count(), "winners of round " + round);
        }
        assertEquals(ROUNDS, store.get(k).orElseThrow().version());
        assertTrue(memcachedStore().casConflicts() > 0, "8 racers on one key must have collided");
        assertTrue(memcachedStore().casRetries() <= memcachedStore().casConflicts());
    }

    @Test
    void putIfNewerUnderContentionKeepsTheNewestOfEachRound() throws Exception {
        String k = key("contended");
        for (int round = 0; round < ROUNDS; round++) {
            long base = (long) round * THREADS;
            List<Boolean> results = race(i -> store.putIfNewer(k, record(base + i, "racer " + i), TTL));
            assertTrue(results.get(THREADS - 1), "the newest version is never refused");
            assertEquals(base + THREADS - 1, store.get(k).orElseThrow().version(), "round " + round);
        }
        assertTrue(memcachedStore().casConflicts() > 0, "8 racers on one key must have collided");
    }

    @FunctionalInterface
    private interface Racer {
        boolean run(int index) throws Exception;
    }

    /** Runs the racers at once, released together by a barrier, and returns their results in order. */
    private static List<Boolean> race(Racer racer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CyclicBarrier start = new CyclicBarrier(THREADS);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int index = i;
                Callable<Boolean> task = () -> {
                    start.await(10, TimeUnit.SECONDS);
                    return racer.run(index);
                };
                futures.add(pool.submit(task));
            }
            List<Boolean> results = new ArrayList<>();
            for (Future<Boolean> f : futures) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
