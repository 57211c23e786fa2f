package io.tasker.metrics.sync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.Clock;
import io.tasker.metrics.Counter;
import io.tasker.metrics.Histogram;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.HistogramSnapshot;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.memcached.MemcachedStore;
import io.tasker.metrics.store.redis.RedisStore;
import io.tasker.metrics.testing.FaultProxy;
import io.tasker.metrics.testing.MemcachedServerExtension;
import io.tasker.metrics.testing.RedisServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Exactly once under ambiguous failures: instances sync through a proxy that cuts connections
 * at random points of requests and replies, for many rounds. A reader on a direct connection
 * checks that the cluster view never counts more than was recorded and never goes back; at the
 * end, once the network is healthy again, the view equals the ground truth exactly.
 */
class SyncUnderFaultsTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @RegisterExtension
    static final MemcachedServerExtension MEMCACHED = new MemcachedServerExtension();

    private static final int INSTANCES = 3;
    private static final int ROUNDS = 60;
    private static final Duration TIMEOUT = Duration.ofMillis(1_500);

    @Test
    void redisThroughACuttingProxy() throws Exception {
        run(
                REDIS.port(),
                port -> RedisStore.open("redis://127.0.0.1:" + port + "/0", TIMEOUT),
                SyncStrategy.DISTRIBUTED_ATOMIC);
    }

    @Test
    void memcachedThroughACuttingProxy() throws Exception {
        run(
                MEMCACHED.port(),
                port -> MemcachedStore.open("memcached://127.0.0.1:" + port, TIMEOUT),
                SyncStrategy.DISTRIBUTED_BASIC);
    }

    private void run(int serverPort, Function<Integer, CacheStore> open, SyncStrategy strategy) throws Exception {
        Random random = new Random(20261128);
        SyncOptions options = SyncOptions.defaults("unused")
                .withBatchSize(4)
                .withNamespace("faults" + UUID.randomUUID().toString().substring(0, 8));
        try (FaultProxy proxy = FaultProxy.start("127.0.0.1", serverPort, new Random(7));
                CacheStore direct = open.apply(serverPort)) {
            List<MetricRegistry> registries = new ArrayList<>();
            List<ClusterSync> syncs = new ArrayList<>();
            List<CacheStore> stores = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                MetricRegistry registry = new MetricRegistry();
                CacheStore store = open.apply(proxy.port());
                SyncOptions o = new SyncOptions(
                        options.namespace(),
                        "node" + i,
                        options.batchSize(),
                        options.retentionWindow(),
                        options.instanceTimeout(),
                        false);
                registries.add(registry);
                stores.add(store);
                syncs.add(new ClusterSync(store, o, Clock.SYSTEM, registry::snapshot));
            }
            ClusterReader reader = new ClusterReader(direct, options, Clock.SYSTEM);
            proxy.cutProbability(0.15);
            Map<String, Double> lastSeen = new HashMap<>();
            int failures = 0;
            for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < INSTANCES; i++) {
                    record(registries.get(i), random);
                    if (!syncs.get(i).sync(strategy).success()) {
                        failures++;
                    }
                }
                if (round % 5 == 4) {
                    checkNeverAheadNorBack(reader.readView().snapshot(), truth(registries), lastSeen);
                }
            }
            proxy.cutProbability(0);
            for (ClusterSync sync : syncs) {
                syncUntilSuccess(sync, strategy);
            }
            Map<String, Double> expected = truth(registries);
            Map<String, Double> actual = values(reader.readView().snapshot());
            assertEquals(expected, actual);
            assertTrue(
                    failures > 0 && proxy.cutsInRequest() + proxy.cutsInReply() > 0,
                    "the proxy must have cut connections (failures " + failures + ")");
            assertTrue(proxy.cutsInReply() > 0, "some cuts must fall after the request went through");
            stores.forEach(CacheStore::close);
        }
    }

    private static void record(MetricRegistry registry, Random random) {
        Counter c = registry.counter("task_executions_total", "status", "task_name");
        Histogram h = Histogram.builder("task_duration_seconds")
                .labelNames("task_name")
                .buckets(0.5, 1, 2)
                .register(registry);
        for (int k = 0; k < 5; k++) {
            String task = "task" + random.nextInt(6);
            c.labels(random.nextBoolean() ? "success" : "failure", task).inc(1 + random.nextInt(3));
            h.labels(task).observe(random.nextInt(8) * 0.25);
        }
    }

    private static void syncUntilSuccess(ClusterSync sync, SyncStrategy strategy) {
        await().alias("sync recovers")
                .atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> sync.sync(strategy), SyncResult::success);
    }

    private static void checkNeverAheadNorBack(
            MetricsSnapshot view, Map<String, Double> truth, Map<String, Double> lastSeen) {
        values(view).forEach((series, v) -> {
            double max = truth.getOrDefault(series, 0.0);
            assertTrue(v <= max + 1e-9, series + " is " + v + " in the view but only " + max + " was recorded");
            double before = lastSeen.getOrDefault(series, 0.0);
            assertTrue(v >= before - 1e-9, series + " went back from " + before + " to " + v);
            lastSeen.put(series, v);
        });
    }

    private static Map<String, Double> truth(List<MetricRegistry> registries) {
        Map<String, Double> sum = new HashMap<>();
        for (MetricRegistry r : registries) {
            values(r.snapshot()).forEach((k, v) -> sum.merge(k, v, Double::sum));
        }
        return sum;
    }

    /** Every counter value, histogram count, bucket and sum, by a readable series key. */
    private static Map<String, Double> values(MetricsSnapshot s) {
        Map<String, Double> out = new HashMap<>();
        for (MetricFamilySnapshot f : s.families()) {
            if (f instanceof CounterSnapshot c) {
                c.points().forEach(p -> out.put(f.name() + p.labels(), p.value()));
            } else if (f instanceof HistogramSnapshot h) {
                for (HistogramSnapshot.Point p : h.points()) {
                    for (int b = 0; b < p.bucketCount(); b++) {
                        out.put(f.name() + p.labels() + "le" + b, (double) p.cumulativeCount(b));
                    }
                    out.put(f.name() + p.labels() + "sum", p.sum());
                }
            }
        }
        return out;
    }
}
