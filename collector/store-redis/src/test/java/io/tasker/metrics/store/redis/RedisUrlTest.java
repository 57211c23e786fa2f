package io.tasker.metrics.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedisUrlTest {

    @Test
    void aPlainUrlNamesHostPortAndDatabase() {
        RedisUrl url = RedisUrl.parse("redis://10.0.0.7:6380/2");
        assertEquals(List.of(new RedisUrl.Node("10.0.0.7", 6380)), url.nodes());
        assertEquals(2, url.database());
        assertNull(url.user());
        assertNull(url.password());
        assertFalse(url.tls());
        assertFalse(url.cluster());
        assertEquals("redis://10.0.0.7:6380/2", url.masked());
    }

    @Test
    void portAndDatabaseHaveDefaults() {
        RedisUrl url = RedisUrl.parse("redis://cache");
        assertEquals(List.of(new RedisUrl.Node("cache", 6379)), url.nodes());
        assertEquals(0, url.database());
    }

    @Test
    void userAndPasswordAreUrlDecodedAndMasked() {
        RedisUrl url = RedisUrl.parse("redis://app%2Bsync:p%40ss%3Aw%2Frd+x@cache:6379/1");
        assertEquals("app+sync", url.user());
        assertEquals("p@ss:w/rd+x", url.password());
        assertEquals("redis://app%2Bsync:***@cache:6379/1", url.masked());
        assertEquals(url.masked(), url.toString(), "a record's toString would print the password");
    }

    @Test
    void aPasswordAloneIsTheDefaultUsers() {
        RedisUrl url = RedisUrl.parse("redis://:secret@cache:6379/0");
        assertNull(url.user());
        assertEquals("secret", url.password());
        assertEquals("redis://:***@cache:6379/0", url.masked());
    }

    @Test
    void aUserAloneHasNoPassword() {
        RedisUrl url = RedisUrl.parse("redis://reader@cache:6379/0");
        assertEquals("reader", url.user());
        assertNull(url.password());
        assertEquals("redis://reader@cache:6379/0", url.masked());
    }

    @Test
    void redissMeansTls() {
        assertTrue(RedisUrl.parse("rediss://cache:6380/0").tls());
    }

    @Test
    void aClusterUrlListsItsSeedNodes() {
        RedisUrl url = RedisUrl.parse("redis-cluster://u:pw@a:7000, b:7001,[::1]:7002");
        assertTrue(url.cluster());
        assertEquals(
                List.of(new RedisUrl.Node("a", 7000), new RedisUrl.Node("b", 7001), new RedisUrl.Node("::1", 7002)),
                url.nodes());
        assertEquals("redis-cluster://u:***@a:7000, b:7001,[::1]:7002", url.masked());
    }

    @Test
    void anIpv6HostIsBracketed() {
        RedisUrl url = RedisUrl.parse("redis://[fe80::1]:6390/3");
        assertEquals(List.of(new RedisUrl.Node("fe80::1", 6390)), url.nodes());
        assertEquals("[fe80::1]:6390", url.nodes().get(0).toString());
    }

    @Test
    void malformedUrlsAreRefusedWithWhatIsWrongAndAnExample() {
        assertInvalid("http://cache:6379", "scheme", "redis://user:password@host:6379/0");
        assertInvalid("cache:6379", "scheme", "redis://user:password@host:6379/0");
        assertInvalid("", "empty", "redis://");
        assertInvalid("redis://cache:six/0", "port 'six'", "redis://user:password@host:6379/0");
        assertInvalid("redis://cache:70000/0", "70000", "redis://");
        assertInvalid("redis://cache:6379/zero", "database number 'zero'", "redis://");
        assertInvalid("redis://a:1,b:2", "redis-cluster://", "redis://");
        assertInvalid("redis://cache:6379/0?timeout=5", "query", "redis://");
        assertInvalid("redis://:6379/0", "host name is empty", "redis://");
        assertInvalid(
                "redis-cluster://a:1,b:2/3",
                "a cluster has no database number",
                "redis-cluster://user:password@10.0.0.1:6379,10.0.0.2:6379");
        assertInvalid("redis-cluster://a:1,,b:2", "empty", "redis-cluster://");
        assertInvalid("redis://[::1:6379/0", "closing ]", "redis://");
    }

    @Test
    void aMalformedUrlNeverShowsItsPassword() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> RedisUrl.parse("redis://app:TopSecret@cache:port/0"));
        assertFalse(e.getMessage().contains("TopSecret"), e.getMessage());
        assertTrue(e.getMessage().contains("redis://app:***@cache:port/0"), e.getMessage());
    }

    @Test
    void openRefusesANonPositiveTimeout() {
        assertThrows(IllegalArgumentException.class, () -> RedisStore.open("redis://cache:6379/0", Duration.ZERO));
    }

    private static void assertInvalid(String url, String what, String example) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RedisUrl.parse(url));
        assertTrue(e.getMessage().contains(what), "'" + what + "' missing from: " + e.getMessage());
        assertTrue(e.getMessage().contains("Expected a URL like " + example), e.getMessage());
    }
}
