package io.tasker.metrics.testing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.KeyLayout;
import io.tasker.metrics.store.Record;
import io.tasker.metrics.store.StoreCapabilities;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit every {@link CacheStore} passes (as Micrometer's is for registries):
 * extend it, return a fresh store from {@link #newStore()}, and every store behaves the same.
 * Keys are unique per test, so stores can be shared between tests.
 */
public abstract class CacheStoreContract {
    /** The time to live of the tests' writes, long enough never to expire during a test. */
    protected static final Duration TTL = Duration.ofMinutes(5);

    private static final Duration SHORT_TTL = Duration.ofSeconds(1);
    private static final Duration EXPIRY_POLL = Duration.ofMillis(50);

    /** The store under test, made by {@link #newStore()} before each test and closed after it. */
    protected CacheStore store;

    private String prefix;

    /** For subclasses, which supply the store. */
    protected CacheStoreContract() {}

    /**
     * A store connected to a running server (or a fresh directory, or memory).
     *
     * @return a new store for one test
     */
    protected abstract CacheStore newStore();

    /**
     * The longest a key written with a 1-second time to live may take to be gone.
     *
     * @return 2.1 seconds unless the store needs longer
     */
    protected Duration expiryWait() {
        return Duration.ofMillis(2_100);
    }

    /**
     * The shortest a key written with a 1-second time to live may live, counted from before the write.
     *
     * @return 1 second less 5 ms (stores count whole milliseconds of their own clock) unless the store's clock is
     *     coarser
     */
    protected Duration earliestExpiry() {
        return SHORT_TTL.minusMillis(5);
    }

    @BeforeEach
    void open() {
        store = newStore();
        prefix = "contract:" + UUID.randomUUID() + ":";
    }

    @AfterEach
    void close() {
        store.close();
    }

    /**
     * A key unique to this test.
     *
     * @param name the key's name within the test
     * @return the name under this test's random prefix
     */
    protected String key(String name) {
        return prefix + name;
    }

    /**
     * A record of UTF-8 text.
     *
     * @param version the record's version
     * @param text its data, as text
     * @return the record
     */
    protected static Record record(long version, String text) {
        return new Record(version, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aMissingKeyIsEmpty() {
        assertEquals(Optional.empty(), store.get(key("missing")));
        assertEquals(Map.of(), store.getAll(List.of(key("missing"), key("other"))));
    }

    @Test
    void putIfNewerWritesNewerAndEqualVersionsOnly() {
        String k = key("chunk");
        assertTrue(store.putIfNewer(k, record(5, "five"), TTL));
        assertTrue(store.putIfNewer(k, record(5, "five again"), TTL), "a retry of the same version succeeds");
        assertFalse(store.putIfNewer(k, record(4, "four"), TTL), "an older version never undoes a newer one");
        assertEquals(record(5, "five again"), store.get(k).orElseThrow());
        assertTrue(store.putIfNewer(k, record(6, "six"), TTL));
        assertEquals(record(6, "six"), store.get(k).orElseThrow());
    }

    @Test
    void putAllIfNewerReportsEachWrite() {
        store.putIfNewer(key("b"), record(9, "newer"), TTL);
        List<Boolean> applied = store.putAllIfNewer(
                List.of(
                        Map.entry(key("a"), record(3, "a")),
                        Map.entry(key("b"), record(3, "b")),
                        Map.entry(key("c"), record(3, "c"))),
                TTL);
        assertEquals(List.of(true, false, true), applied);
        Map<String, Record> all = store.getAll(List.of(key("a"), key("b"), key("c"), key("d")));
        assertEquals(3, all.size());
        assertEquals(record(3, "a"), all.get(key("a")));
        assertEquals(record(9, "newer"), all.get(key("b")));
    }

    @Test
    void compareAndSetNeedsTheExpectedVersion() {
        String k = key("registry");
        assertTrue(store.compareAndSet(k, -1, record(1, "one"), TTL), "absent is version -1");
        assertFalse(store.compareAndSet(k, -1, record(1, "again"), TTL));
        assertFalse(store.compareAndSet(k, 0, record(2, "two"), TTL));
        assertTrue(store.compareAndSet(k, 1, record(2, "two"), TTL));
        assertEquals(record(2, "two"), store.get(k).orElseThrow());
    }

    @Test
    void compareAndSetLetsExactlyOneOfManyRacersWin() throws Exception {
        String k = key("race");
        store.compareAndSet(k, -1, record(0, "start"), TTL);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String text = "racer " + i;
                results.add(pool.submit(() -> store.compareAndSet(k, 0, record(1, text), TTL)));
            }
            int winners = 0;
            for (Future<Boolean> f : results) {
                winners += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void addOnlyWritesAnAbsentKey() {
        String k = key("lock");
        assertTrue(store.add(k, record(0, "owner-a"), TTL));
        assertFalse(store.add(k, record(0, "owner-b"), TTL));
        assertArrayEquals(bytes("owner-a"), store.get(k).orElseThrow().data());
    }

    @Test
    void onlyTheOwnerDeletesOrRenews() {
        String k = key("lock");
        store.add(k, record(0, "owner-a"), TTL);
        assertFalse(store.deleteIfEquals(k, bytes("owner-b")));
        assertFalse(store.touchIfEquals(k, bytes("owner-b"), TTL));
        assertTrue(store.touchIfEquals(k, bytes("owner-a"), TTL));
        assertTrue(store.deleteIfEquals(k, bytes("owner-a")));
        assertEquals(Optional.empty(), store.get(k));
        assertTrue(store.add(k, record(0, "owner-b"), TTL), "a released lock can be taken");
    }

    @Test
    void deleteRemovesAKey() {
        String k = key("gone");
        store.putIfNewer(k, record(1, "x"), TTL);
        assertTrue(store.delete(k));
        assertFalse(store.delete(k));
        assertEquals(Optional.empty(), store.get(k));
    }

    @Test
    void keysExpireAfterTheirTimeToLive() {
        String k = key("short");
        long written = System.nanoTime();
        store.putIfNewer(k, record(1, "x"), SHORT_TTL);
        store.putIfNewer(key("long"), record(1, "y"), TTL);
        // The store expires by its own wall clock: poll until the key is gone, then check it lived long enough.
        await().alias("the 1-second key expires")
                .atMost(expiryWait())
                .pollInterval(EXPIRY_POLL)
                .until(() -> store.get(k).isEmpty());
        Duration lived = Duration.ofNanos(System.nanoTime() - written);
        assertTrue(lived.compareTo(earliestExpiry()) >= 0, "expired after " + lived + ", before " + earliestExpiry());
        assertTrue(store.get(key("long")).isPresent());
    }

    @Test
    void touchExtendsTheTimeToLive() {
        if (!store.declaredCapabilities().ttlExtension()) {
            assertFalse(store.probe(KeyLayout.defaults()).ttlExtension());
            return;
        }
        String k = key("touched");
        store.putIfNewer(k, record(1, "x"), SHORT_TTL);
        assertTrue(store.touch(k, TTL));
        assertFalse(store.touch(key("missing"), TTL));
        // Nothing must happen, by the store's wall clock: the key stays for as long as an untouched one takes to go.
        await().alias("the touched key stays")
                .during(expiryWait())
                .atMost(expiryWait().plusSeconds(1))
                .pollInterval(EXPIRY_POLL)
                .until(() -> store.get(k).isPresent());
    }

    @Test
    void ttlTellsTimeLeftWhereSupported() {
        String k = key("ttl");
        store.putIfNewer(k, record(1, "x"), Duration.ofSeconds(100));
        if (store.declaredCapabilities().ttlInspection()) {
            Duration left = store.ttl(k).orElseThrow();
            assertTrue(
                    left.compareTo(Duration.ofSeconds(90)) > 0 && left.compareTo(Duration.ofSeconds(100)) <= 0,
                    left.toString());
            assertEquals(Optional.empty(), store.ttl(key("missing")));
        }
    }

    @Test
    void incrementIsAtomic() throws Exception {
        String k = key("fence");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        store.increment(k, 1, TTL);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(201, store.increment(k, 1, TTL));
    }

    @Test
    void largeValuesRoundTrip() {
        byte[] big = new byte[600_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        store.putIfNewer(key("big"), new Record(1, big), TTL);
        assertArrayEquals(big, store.get(key("big")).orElseThrow().data());
    }

    @Test
    void probeConfirmsWhatIsDeclared() {
        StoreCapabilities probed = store.probe(KeyLayout.defaults());
        StoreCapabilities declared = store.declaredCapabilities();
        assertEquals(declared.distributed(), probed.distributed());
        assertEquals(declared.locking(), probed.locking());
        assertEquals(declared.atomicIncrement(), probed.atomicIncrement());
        store.ping();
        assertFalse(store.description().isBlank());
    }

    /**
     * Text as UTF-8 bytes.
     *
     * @param s the text
     * @return its bytes
     */
    protected static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
