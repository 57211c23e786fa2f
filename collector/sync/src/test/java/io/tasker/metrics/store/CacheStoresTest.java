package io.tasker.metrics.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.Clock;
import io.tasker.metrics.store.file.FileStore;
import io.tasker.metrics.sync.SyncStrategy;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheStoresTest {
    @TempDir
    Path dir;

    @Test
    void opensEachSchemeAndSelectsTheStrategy() {
        assertInstanceOf(MemoryStore.class, open("memory:"));
        assertInstanceOf(NullStore.class, open("null:"));
        try (CacheStore file = open(dir.toUri().toString())) {
            assertInstanceOf(FileStore.class, file);
            assertEquals(SyncStrategy.LOCAL_ONLY, SyncStrategy.select(file.probe(KeyLayout.defaults())));
            assertTrue(file.probe(KeyLayout.defaults()).persistent());
        }
    }

    @Test
    void unknownSchemesAndMalformedUrlsAreClearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> open("mongodb://x"));
        assertTrue(e.getMessage().contains("'mongodb'") && e.getMessage().contains("redis://"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> open("localhost"));
        assertTrue(e.getMessage().contains("no scheme"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> open(""));
        assertTrue(e.getMessage().contains("TASKER_CACHE_URL"), e.getMessage());
    }

    /** This module's tests have neither store artifact on the class path, as a service that forgot one. */
    @Test
    void aNetworkedStoreWithoutItsArtifactNamesTheArtifactToAdd() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> open("redis://:s3cret@cache:6379/0"));
        assertEquals(
                "redis://:***@cache:6379/0 needs io.tasker.metrics:tasker-metrics-store-redis on the class path"
                        + " (add it beside tasker-metrics-runtime; the BOM gives its version)",
                e.getMessage());
        for (String url : new String[] {"rediss://cache:6380", "redis-cluster://a:1,b:2"}) {
            e = assertThrows(IllegalArgumentException.class, () -> CacheStores.check(url));
            assertTrue(e.getMessage().contains("tasker-metrics-store-redis"), e.getMessage());
        }
        e = assertThrows(IllegalArgumentException.class, () -> open("memcached://cache:11211"));
        assertTrue(
                e.getMessage()
                        .startsWith("memcached://cache:11211 needs io.tasker.metrics:tasker-metrics-store-memcached"),
                e.getMessage());
    }

    @Test
    void passwordsAreMasked() {
        assertEquals("redis://app:***@cache:6379/0", CacheStores.maskPassword("redis://app:s3cret@cache:6379/0"));
        assertEquals("redis://:***@cache:6379", CacheStores.maskPassword("redis://:s3cret@cache:6379"));
        assertEquals("memcached://cache:11211", CacheStores.maskPassword("memcached://cache:11211"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> open("redsi://u:s3cret@h:1"));
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }

    @Test
    void passwordsWithSlashesAtsAndColonsAreMaskedWhole() {
        assertEquals("redis://:***@host:6379/0", CacheStores.maskPassword("redis://:abc/Secr3t@host:6379/0"));
        assertEquals("redis://:***@host:6379/0", CacheStores.maskPassword("redis://:Secr@t@host:6379/0"));
        assertEquals("redis://app:***@host", CacheStores.maskPassword("redis://app:a:b/c@d@host"));
        assertEquals("rediss://reader@host", CacheStores.maskPassword("rediss://reader@host"));
        assertEquals("memcached://u:***@cache:11211", CacheStores.maskPassword("memcached://u:pw@cache:11211"));
        assertEquals("file:///var/lib/a@b", CacheStores.maskPassword("file:///var/lib/a@b"));
    }

    @Test
    void aTypoInTheSchemeStillMasks() {
        assertEquals("redis//:***@host:6379", CacheStores.maskPassword("redis//:pw@host:6379"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> open("redis//:s3cret@h:1"));
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> open("memcached://u:s3cret@h:1"));
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }

    @Test
    void strategyFollowsCapabilities() {
        assertEquals(
                SyncStrategy.DISTRIBUTED_ATOMIC,
                SyncStrategy.select(new StoreCapabilities(true, true, true, true, true, true, false, true)));
        assertEquals(
                SyncStrategy.DISTRIBUTED_BASIC,
                SyncStrategy.select(new StoreCapabilities(true, true, false, false, true, true, false, false)));
        assertEquals(
                SyncStrategy.LOCAL_ONLY,
                SyncStrategy.select(new StoreCapabilities(false, true, true, true, true, true, false, true)));
    }

    private static CacheStore open(String url) {
        return CacheStores.open(url, Duration.ofSeconds(1), Clock.SYSTEM);
    }
}
