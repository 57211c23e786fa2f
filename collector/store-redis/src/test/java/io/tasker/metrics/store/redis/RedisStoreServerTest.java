package io.tasker.metrics.store.redis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.store.KeyLayout;
import io.tasker.metrics.store.Record;
import io.tasker.metrics.store.StoreCapabilities;
import io.tasker.metrics.store.StoreException;
import io.tasker.metrics.testing.FreePorts;
import io.tasker.metrics.testing.RedisServerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

/**
 * What the contract does not cover, against a real {@code redis-server}: the storage layout,
 * databases, scripts the server forgot, restarts, unreachable servers and the probe's reading of
 * the server's configuration. Jedis is used directly only to look at or set up the server.
 */
class RedisStoreServerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final Duration TTL = Duration.ofMinutes(1);

    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    private RedisStore store;
    private RedisClient admin;
    private String key;

    @BeforeEach
    void open() {
        store = RedisStore.open(redis.url(), TIMEOUT);
        admin = RedisClient.create(redis.host(), redis.port());
        key = "tasker:server-test:" + UUID.randomUUID();
    }

    @AfterEach
    void close() {
        store.close();
        admin.close();
    }

    @Test
    void aRecordIsAHashOfVersionAndDataWithAnExpiry() {
        store.putIfNewer(key, new Record(12, bytes("twelve")), TTL);
        Map<String, String> hash = admin.hgetAll(key);
        assertEquals(Map.of("v", "12", "d", "twelve"), hash);
        long ttl = admin.pttl(key);
        assertTrue(ttl > 50_000 && ttl <= 60_000, "PTTL " + ttl);
    }

    @Test
    void versionsCompareExactlyBeyondWhatADoubleHolds() {
        long big = 9_007_199_254_740_993L; // 2^53 + 1: a Lua number would round it to 2^53
        assertTrue(store.putIfNewer(key, new Record(big, bytes("newer")), TTL));
        assertFalse(store.putIfNewer(key, new Record(big - 1, bytes("older")), TTL));
        assertTrue(store.putIfNewer(key, new Record(Long.MAX_VALUE, bytes("max")), TTL));
        assertTrue(store.compareAndSet(key, Long.MAX_VALUE, new Record(1, bytes("reset")), TTL));
    }

    @Test
    void everyByteValueRoundTrips() {
        byte[] all = new byte[512];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        String binaryKey = key + ":ключ\u0000end";
        store.add(binaryKey, new Record(0, all), TTL);
        assertArrayEquals(all, store.get(binaryKey).orElseThrow().data());
        assertFalse(store.deleteIfEquals(binaryKey, Arrays.copyOf(all, 511)));
        assertTrue(store.deleteIfEquals(binaryKey, all.clone()));
    }

    @Test
    void theDatabaseInTheUrlIsHonoured() {
        String base = "redis://" + redis.host() + ":" + redis.port();
        try (RedisStore db2 = RedisStore.open(base + "/2", TIMEOUT);
                RedisStore db3 = RedisStore.open(base + "/3", TIMEOUT)) {
            db2.putIfNewer(key, new Record(1, bytes("in two")), TTL);
            assertEquals(Optional.empty(), db3.get(key));
            assertEquals(Optional.empty(), store.get(key));
            assertTrue(db2.get(key).isPresent());
        }
    }

    @Test
    void scriptsTheServerForgotAreSentAgain() {
        for (RedisScript script : RedisScript.values()) {
            assertEquals(
                    new String(script.sha(), StandardCharsets.US_ASCII),
                    admin.scriptLoad(new String(script.source(), StandardCharsets.UTF_8)));
        }
        admin.scriptFlush();
        assertTrue(store.putIfNewer(key, new Record(1, bytes("one")), TTL));
        admin.scriptFlush();
        List<Boolean> applied = store.putAllIfNewer(
                List.of(
                        Map.entry(key, new Record(2, bytes("two"))),
                        Map.entry(key + ":other", new Record(1, bytes("other")))),
                TTL);
        assertEquals(List.of(true, true), applied);
        assertEquals(2, store.get(key).orElseThrow().version());
    }

    @Test
    void aLargeBatchIsWrittenAndReadWhole() {
        List<Map.Entry<String, Record>> batch = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            batch.add(Map.entry(key + ":" + i, new Record(i, bytes("value " + i))));
        }
        assertEquals(
                500, store.putAllIfNewer(batch, TTL).stream().filter(b -> b).count());
        Map<String, Record> all =
                store.getAll(batch.stream().map(Map.Entry::getKey).toList());
        assertEquals(500, all.size());
        assertEquals(new Record(499, bytes("value 499")), all.get(key + ":499"));
        assertEquals(List.of(), store.putAllIfNewer(List.of(), TTL));
        assertEquals(Map.of(), store.getAll(List.of()));
    }

    @Test
    void aKeyWithoutExpiryHasAVeryLongTimeToLive() {
        admin.hset(key, Map.of("v", "1", "d", "forever"));
        assertEquals(Optional.of(RedisStore.NO_EXPIRY), store.ttl(key));
    }

    @Test
    void whatIsNotARecordIsAnErrorNotAGuess() {
        store.increment(key, 5, TTL);
        StoreException wrongType = assertThrows(StoreException.class, () -> store.get(key));
        assertTrue(wrongType.getMessage().contains("failed get(" + key + ")"), wrongType.getMessage());
        assertTrue(wrongType.getMessage().contains(redis.url()), wrongType.getMessage());

        admin.hset(key + ":bad", Map.of("v", "seven", "d", "x"));
        StoreException notANumber = assertThrows(StoreException.class, () -> store.get(key + ":bad"));
        assertTrue(notANumber.getMessage().contains("not a record"), notANumber.getMessage());
    }

    @Test
    void anUnreachableServerFailsWithinTheTimeoutNamingTheMaskedUrl() {
        int closedPort = FreePorts.next();
        long start = System.nanoTime();
        try (RedisStore unreachable = RedisStore.open("redis://:pw-123@127.0.0.1:" + closedPort + "/0", TIMEOUT)) {
            StoreException e = assertThrows(StoreException.class, () -> unreachable.probe(KeyLayout.defaults()));
            assertTrue(
                    e.getMessage().contains("redis://:***@127.0.0.1:" + closedPort + "/0 cannot be reached"),
                    e.getMessage());
            assertFalse(e.getMessage().contains("pw-123"), e.getMessage());
            assertThrows(StoreException.class, () -> unreachable.putIfNewer(key, new Record(1, bytes("x")), TTL));
        }
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(TIMEOUT) < 0, "took too long");
    }

    @Test
    void redissSpeaksTlsWhichAPlainServerDoesNotUnderstand() {
        String url = "rediss://" + redis.host() + ":" + redis.port() + "/0";
        // Short: the JDK waits out the timeout twice (handshake, then close) on a server that never answers TLS.
        try (RedisStore tls = RedisStore.open(url, Duration.ofMillis(250))) {
            StoreException e = assertThrows(StoreException.class, tls::ping);
            assertTrue(e.getMessage().contains(url), e.getMessage());
        }
    }

    @Test
    void afterARestartTheNextCallWorksAndCallsDuringTheOutageFail() {
        store.putIfNewer(key, new Record(1, bytes("before")), TTL);
        redis.stop();
        assertThrows(StoreException.class, () -> store.get(key));
        assertThrows(StoreException.class, () -> store.increment(key + ":n", 1, TTL));
        assertThrows(
                StoreException.class,
                () -> store.putAllIfNewer(List.of(Map.entry(key, new Record(2, bytes("during")))), TTL));
        redis.start();
        assertEquals(Optional.empty(), store.get(key), "no persistence: the restarted server is empty");
        assertTrue(store.putIfNewer(key, new Record(3, bytes("after")), TTL));
        assertEquals(1, store.increment(key + ":n", 1, TTL));
    }

    @Test
    void aQuickRestartDoesNotFailTheNextRead() {
        store.putIfNewer(key, new Record(1, bytes("before")), TTL);
        redis.kill();
        redis.start();
        // The pooled connection died with the old server: the read is tried again on a fresh one.
        assertEquals(Optional.empty(), store.get(key));
        assertTrue(store.putAllIfNewer(List.of(Map.entry(key, new Record(1, bytes("again")))), TTL)
                .get(0));
    }

    @Test
    void theProbeReadsPersistenceFromTheServersConfiguration() {
        assertFalse(store.probe(KeyLayout.defaults()).persistent(), "started with --save '' and --appendonly no");
        admin.configSet("save", "3600 1");
        try {
            StoreCapabilities probed = store.probe(KeyLayout.defaults());
            assertTrue(probed.persistent());
            assertEquals(new StoreCapabilities(true, true, true, true, true, true, false, true), probed);
        } finally {
            admin.configSet("save", "");
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
