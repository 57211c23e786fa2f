package io.tasker.metrics.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tasker.metrics.store.CacheStores;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Store URLs: a password of any characters is masked whole and parses back exactly, and no
 * message about a bad URL ever shows it (docs/properties.md).
 */
class StoreUrlPropertiesTest {

    @Property(tries = 300)
    void anyPasswordIsMaskedWhole(
            @ForAll("users") String user,
            @ForAll("passwords") String password,
            @ForAll("hosts") String host,
            @ForAll @IntRange(min = 1, max = 65_535) int port,
            @ForAll @IntRange(min = 0, max = 15) int db) {
        String tail = "@" + host + ":" + port + "/" + db;
        for (String scheme : new String[] {"redis://", "rediss://", "redis-cluster://", "memcached://", "redis//"}) {
            assertEquals(
                    scheme + user + ":***" + tail, CacheStores.maskPassword(scheme + user + ":" + password + tail));
        }
    }

    @Property(tries = 300)
    void anEncodedPasswordParsesBackExactly(
            @ForAll("users") String user,
            @ForAll("passwords") String password,
            @ForAll("hosts") String host,
            @ForAll @IntRange(min = 1, max = 65_535) int port,
            @ForAll @IntRange(min = 0, max = 15) int db) {
        String encoded = URLEncoder.encode(password, StandardCharsets.UTF_8).replace("+", "%20");
        RedisUrl url = RedisUrl.parse("redis://" + user + ":" + encoded + "@" + host + ":" + port + "/" + db);
        assertEquals(user, url.user());
        assertEquals(password, url.password());
        assertEquals(host, url.nodes().get(0).host());
        assertEquals(port, url.nodes().get(0).port());
        assertEquals(db, url.database());
        assertEquals("redis://" + user + ":***@" + host + ":" + port + "/" + db, url.toString());
    }

    @Property(tries = 300)
    void aBadUrlIsAnErrorThatNeverShowsThePassword(@ForAll("longPasswords") String password, @ForAll String rest) {
        String url = "redis://:" + password + "@" + rest;
        try {
            RedisUrl.parse(url);
        } catch (IllegalArgumentException e) {
            if (!rest.contains(password)) {
                assertFalse(e.getMessage().contains(password), e.getMessage());
            }
        }
    }

    @Provide
    Arbitrary<String> users() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .numeric()
                .ofMinLength(1)
                .ofMaxLength(12);
    }

    /**
     * Any text a password can be (whole code points: a lone surrogate has no UTF-8 form), the
     * characters that broke the old mask ({@code / @ :}) most of all.
     */
    @Provide
    Arbitrary<String> passwords() {
        return Arbitraries.oneOf(
                        Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40),
                        Arbitraries.strings()
                                .withChars("/@:%#?abc")
                                .ofMinLength(1)
                                .ofMaxLength(20))
                .filter(p -> p.codePoints().noneMatch(c -> Character.getType(c) == Character.SURROGATE));
    }

    @Provide
    Arbitrary<String> longPasswords() {
        return Arbitraries.strings().withChars("/@:%#?abcXYZ123").ofMinLength(8).ofMaxLength(24);
    }

    @Provide
    Arbitrary<String> hosts() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .withChars('-', '.')
                .ofMinLength(1)
                .ofMaxLength(20)
                .filter(h -> Character.isLetter(h.charAt(0)) && !h.contains(":"));
    }
}
