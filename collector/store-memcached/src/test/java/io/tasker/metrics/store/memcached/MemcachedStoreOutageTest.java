package io.tasker.metrics.store.memcached;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.store.KeyLayout;
import io.tasker.metrics.store.Record;
import io.tasker.metrics.store.StoreException;
import io.tasker.metrics.testing.FreePorts;
import io.tasker.metrics.testing.MemcachedServerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MemcachedStoreOutageTest {

    @RegisterExtension
    static final MemcachedServerExtension memcached = new MemcachedServerExtension();

    private static final Duration TTL = Duration.ofMinutes(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    @Test
    void anUnreachableServerFailsWithinTheTimeoutNamingTheUrl() {
        String url = "memcached://127.0.0.1:" + FreePorts.next();
        long start = System.nanoTime();
        try (MemcachedStore store = MemcachedStore.open(url, TIMEOUT)) {
            StoreException e = assertThrows(StoreException.class, () -> store.probe(KeyLayout.defaults()));
            assertTrue(e.getMessage().contains(url), e.getMessage());
            StoreException get = assertThrows(StoreException.class, () -> store.get("tasker:any"));
            assertTrue(get.getMessage().contains(url) && get.getMessage().contains("get"), get.getMessage());
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(elapsed.compareTo(TIMEOUT.multipliedBy(3)) < 0, "took " + elapsed);
    }

    @Test
    void operationsFailWhileMemcachedIsDownAndWorkOnceItIsBack() throws InterruptedException {
        try (MemcachedStore store = MemcachedStore.open(memcached.url(), TIMEOUT)) {
            String k = "outage:" + UUID.randomUUID();
            assertTrue(store.putIfNewer(k, record(1), TTL));

            memcached.stop();
            StoreException e = assertThrows(StoreException.class, () -> store.get(k));
            assertTrue(e.getMessage().contains(memcached.url()), e.getMessage());
            assertThrows(StoreException.class, () -> store.putIfNewer(k, record(2), TTL));
            assertThrows(StoreException.class, () -> store.increment(k + ":fence", 1, TTL));
            assertThrows(StoreException.class, store::ping);

            memcached.start();
            awaitReconnected(store, Duration.ofSeconds(30));
            assertEquals(Optional.empty(), store.get(k), "a restarted memcached starts empty");
            assertTrue(store.putIfNewer(k, record(2), TTL));
            assertEquals(record(2), store.get(k).orElseThrow());
        }
    }

    private static void awaitReconnected(MemcachedStore store, Duration patience) {
        await().alias("the client reconnects")
                .atMost(patience)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptionsInstanceOf(StoreException.class)
                .untilAsserted(store::ping);
    }

    private static Record record(long version) {
        return new Record(version, ("version " + version).getBytes(StandardCharsets.UTF_8));
    }
}
