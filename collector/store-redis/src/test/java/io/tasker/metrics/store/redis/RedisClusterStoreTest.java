package io.tasker.metrics.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.KeyLayout;
import io.tasker.metrics.store.Record;
import io.tasker.metrics.store.StoreCapabilities;
import io.tasker.metrics.store.StoreException;
import io.tasker.metrics.testing.CacheStoreContract;
import io.tasker.metrics.testing.FreePorts;
import io.tasker.metrics.testing.RedisClusterExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

/**
 * The compatibility kit against a real Redis Cluster of three masters, and batches whose keys
 * live on different nodes.
 */
class RedisClusterStoreTest extends CacheStoreContract {

    @RegisterExtension
    static final RedisClusterExtension cluster = new RedisClusterExtension();

    @Override
    protected CacheStore newStore() {
        return RedisStore.open(cluster.url(), Duration.ofSeconds(2));
    }

    @Test
    void aBatchSpreadOverEveryNodeIsWrittenAndReadWhole() {
        List<Map.Entry<String, Record>> batch = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            batch.add(Map.entry(key("spread:" + i), new Record(i, ("value " + i).getBytes(StandardCharsets.UTF_8))));
        }
        assertEquals(
                300, store.putAllIfNewer(batch, TTL).stream().filter(b -> b).count());
        Map<String, Record> all =
                store.getAll(batch.stream().map(Map.Entry::getKey).toList());
        assertEquals(300, all.size());
        assertEquals(batch.get(299).getValue(), all.get(key("spread:299")));
        for (int port : cluster.ports()) {
            try (RedisClient node = RedisClient.create(cluster.host(), port)) {
                assertTrue(node.dbSize() > 0, "no key landed on the node at port " + port);
            }
        }
    }

    @Test
    void scriptsANodeForgotAreSentAgain() {
        for (int port : cluster.ports()) {
            try (RedisClient node = RedisClient.create(cluster.host(), port)) {
                node.scriptFlush();
            }
        }
        List<Map.Entry<String, Record>> batch = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            batch.add(Map.entry(key("flushed:" + i), record(1, "one")));
        }
        assertEquals(30, store.putAllIfNewer(batch, TTL).stream().filter(b -> b).count());
        assertTrue(store.putIfNewer(key("flushed:single"), record(1, "one"), TTL));
    }

    @Test
    void aClusterWithoutAnAnsweringSeedFailsAtOpen() {
        int closed = FreePorts.next();
        String url = "redis-cluster://app:pw-123@127.0.0.1:" + closed;
        StoreException e = assertThrows(StoreException.class, () -> RedisStore.open(url, Duration.ofSeconds(1)));
        assertTrue(
                e.getMessage().contains("redis-cluster://app:***@127.0.0.1:" + closed + " cannot be reached"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Connection refused"), e.getMessage());
        assertFalse(e.getMessage().contains("pw-123"), e.getMessage());
    }

    @Test
    void theProbeConfirmsEverythingButPersistence() {
        StoreCapabilities probed = store.probe(KeyLayout.defaults());
        assertEquals(new StoreCapabilities(true, true, true, true, true, true, false, false), probed);
        assertFalse(probed.persistent(), "the nodes run with --save '' and --appendonly no");
    }
}
