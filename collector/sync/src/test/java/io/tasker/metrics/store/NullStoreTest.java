package io.tasker.metrics.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.Clock;
import io.tasker.metrics.sync.SyncStrategy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The null store accepts everything and keeps nothing: the one store the contract does not fit. */
class NullStoreTest {
    private final CacheStore store = CacheStores.open("null:", Duration.ofSeconds(1), Clock.SYSTEM);

    @Test
    void acceptsWritesAndKeepsNothing() {
        Record r = new Record(1, new byte[] {1});
        assertTrue(store.putIfNewer("k", r, Duration.ofMinutes(1)));
        assertEquals(
                List.of(true, true),
                store.putAllIfNewer(List.of(Map.entry("a", r), Map.entry("b", r)), Duration.ofMinutes(1)));
        assertTrue(store.add("k", r, Duration.ofMinutes(1)));
        assertEquals(Optional.empty(), store.get("k"));
        assertEquals(Map.of(), store.getAll(List.of("k", "a")));
        assertEquals(StoreCapabilities.NONE, store.probe(KeyLayout.defaults()));
        assertEquals(SyncStrategy.LOCAL_ONLY, SyncStrategy.select(store.probe(KeyLayout.defaults())));
        assertEquals("null:", store.description());
    }
}
