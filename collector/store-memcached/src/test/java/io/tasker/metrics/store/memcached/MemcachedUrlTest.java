package io.tasker.metrics.store.memcached;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MemcachedUrlTest {

    @Test
    void parsesOneOrManyServers() {
        assertEquals(
                List.of(new InetSocketAddress("127.0.0.1", 11311)),
                MemcachedUrl.parse("memcached://127.0.0.1:11311").servers());
        assertEquals(
                List.of(new InetSocketAddress("10.0.0.1", 11211), new InetSocketAddress("::1", 11212)),
                MemcachedUrl.parse("memcached://10.0.0.1,[::1]:11212").servers());
        assertEquals(
                "memcached://10.0.0.1",
                MemcachedUrl.parse("memcached://10.0.0.1").toString());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "redis://127.0.0.1:6379",
                "memcached://",
                "memcached://host:0",
                "memcached://host:port",
                "memcached://a:1,,b:2",
                "memcached://user@host:1",
                "memcached://host:1/0",
                "memcached://[::1:11211",
                "memcached://:11211"
            })
    void rejectsAMalformedUrlWithAnExample(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MemcachedUrl.parse(url));
        assertTrue(e.getMessage().contains("Expected a URL like memcached://127.0.0.1:11211"), e.getMessage());
    }

    @Test
    void openRejectsAMalformedUrlBeforeConnecting() {
        assertThrows(
                IllegalArgumentException.class, () -> MemcachedStore.open("memcached:/nohost", Duration.ofSeconds(1)));
    }

    @Test
    void timesToLiveAreWholeSecondsRoundedUp() {
        long now = 1_700_000_000_123L;
        assertEquals(1, MemcachedExpiry.exptime(Duration.ofMillis(1), now));
        assertEquals(2, MemcachedExpiry.exptime(Duration.ofMillis(1_500), now));
        assertEquals(300, MemcachedExpiry.exptime(Duration.ofMinutes(5), now));
        assertEquals(2_592_000, MemcachedExpiry.exptime(Duration.ofDays(30), now));
        assertThrows(IllegalArgumentException.class, () -> MemcachedExpiry.exptime(Duration.ZERO, now));
    }

    @Test
    void timesToLiveBeyondThirtyDaysAreSentAsUnixTimes() {
        long now = 1_700_000_000_123L;
        assertEquals(1_700_000_000 + 31 * 86_400, MemcachedExpiry.exptime(Duration.ofDays(31), now));
        assertEquals(Integer.MAX_VALUE, MemcachedExpiry.exptime(Duration.ofDays(365 * 100), now));
        assertEquals(Integer.MAX_VALUE, MemcachedExpiry.exptime(Duration.ofSeconds(Long.MAX_VALUE), now));
    }
}
