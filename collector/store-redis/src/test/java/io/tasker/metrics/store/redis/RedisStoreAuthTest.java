package io.tasker.metrics.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.store.KeyLayout;
import io.tasker.metrics.store.Record;
import io.tasker.metrics.store.StoreCapabilities;
import io.tasker.metrics.store.StoreException;
import io.tasker.metrics.testing.RedisServerExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Passwords and ACL users against a real {@code redis-server} that requires them. */
class RedisStoreAuthTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration TTL = Duration.ofMinutes(1);

    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension(
            "--requirepass",
            "secret",
            "--user",
            "alice",
            "on",
            ">alice-pw",
            "~*",
            "&*",
            "+@all",
            "--user",
            "bob",
            "on",
            ">p@ss:w/rd",
            "~*",
            "&*",
            "+@all",
            // Everything but INCRBY: the probe must find that one capability missing.
            "--user",
            "carol",
            "on",
            ">carol-pw",
            "~*",
            "&*",
            "+@all",
            "-incrby",
            // No CONFIG: the probe cannot read the persistence settings and keeps what is declared.
            "--user",
            "dave",
            "on",
            ">dave-pw",
            "~*",
            "&*",
            "+@all",
            "-config");

    @Test
    void theDefaultUsersPasswordWorks() {
        assertRoundTrip("redis://:secret@" + address());
    }

    @Test
    void anAclUserWorks() {
        assertRoundTrip("redis://alice:alice-pw@" + address());
    }

    @Test
    void aUrlEncodedPasswordWorks() {
        assertRoundTrip("redis://bob:p%40ss%3Aw%2Frd@" + address());
    }

    @Test
    void aWrongPasswordSaysAuthenticationFailedWithoutShowingIt() {
        try (RedisStore store = RedisStore.open("redis://alice:Wrong-Pw-42@" + address(), TIMEOUT)) {
            for (StoreException e : new StoreException[] {
                assertThrows(StoreException.class, () -> store.probe(KeyLayout.defaults())),
                assertThrows(StoreException.class, () -> store.get("tasker:any"))
            }) {
                assertTrue(
                        e.getMessage().contains("authentication failed for redis://alice:***@" + address()),
                        e.getMessage());
                assertTrue(
                        e.getMessage().contains("TASKER_CACHE_URL as redis://user:password@host:port/db"),
                        e.getMessage());
                assertFalse(stackTrace(e).contains("Wrong-Pw-42"), stackTrace(e));
            }
        }
    }

    @Test
    void aMissingPasswordSaysAuthenticationFailed() {
        try (RedisStore store = RedisStore.open(redis.url(), TIMEOUT)) {
            StoreException e = assertThrows(StoreException.class, store::ping);
            assertTrue(e.getMessage().contains("authentication failed for " + redis.url()), e.getMessage());
        }
    }

    @Test
    void theDescriptionMasksThePassword() {
        try (RedisStore store = RedisStore.open("redis://alice:alice-pw@" + address(), TIMEOUT)) {
            assertEquals("redis://alice:***@" + address(), store.description());
        }
    }

    @Test
    void theProbeReportsWhatTheUserMayNotDo() {
        try (RedisStore store = RedisStore.open("redis://carol:carol-pw@" + address(), TIMEOUT)) {
            StoreCapabilities probed = store.probe(KeyLayout.defaults());
            assertFalse(probed.atomicIncrement());
            assertTrue(probed.distributed() && probed.locking() && probed.ttlInspection() && probed.ttlExtension());
            StoreException e = assertThrows(StoreException.class, () -> store.increment("tasker:fence", 1, TTL));
            assertTrue(e.getMessage().contains("refused increment(tasker:fence)"), e.getMessage());
            assertTrue(e.getMessage().contains("Grant the user these commands with ACL SETUSER"), e.getMessage());
        }
    }

    @Test
    void withoutConfigThePersistenceDeclaredIsKept() {
        try (RedisStore store = RedisStore.open("redis://dave:dave-pw@" + address(), TIMEOUT)) {
            assertEquals(store.declaredCapabilities(), store.probe(KeyLayout.defaults()));
        }
        try (RedisStore store = RedisStore.open("redis://:secret@" + address(), TIMEOUT)) {
            assertFalse(
                    store.probe(KeyLayout.defaults()).persistent(),
                    "the server runs with --save '' and --appendonly no");
        }
    }

    private static void assertRoundTrip(String url) {
        String key = "tasker:auth:" + UUID.randomUUID();
        try (RedisStore store = RedisStore.open(url, TIMEOUT)) {
            assertTrue(store.putIfNewer(key, new Record(3, "three".getBytes(StandardCharsets.UTF_8)), TTL));
            assertEquals(3, store.get(key).orElseThrow().version());
            assertTrue(store.probe(KeyLayout.defaults()).atomicIncrement());
        }
    }

    private static String address() {
        return redis.host() + ":" + redis.port() + "/0";
    }

    private static String stackTrace(Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
