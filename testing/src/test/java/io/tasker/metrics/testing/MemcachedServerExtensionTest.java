package io.tasker.metrics.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MemcachedServerExtensionTest {

    @RegisterExtension
    static final MemcachedServerExtension memcached = new MemcachedServerExtension();

    @Test
    void answersSetAndGet() throws IOException {
        try (TextSocket socket = connect()) {
            socket.send("set tasker:key 0 0 5\r\nhello\r\n");
            assertEquals("STORED", socket.readLine());

            socket.send("get tasker:key\r\n");
            assertEquals("VALUE tasker:key 0 5", socket.readLine());
            assertEquals("hello", socket.readLine());
            assertEquals("END", socket.readLine());
        }
    }

    @Test
    void urlNamesLoopbackAndPort() {
        assertEquals("memcached://127.0.0.1:" + memcached.port(), memcached.url());
    }

    @Test
    void restartsOnTheSamePortEmpty() throws IOException {
        int port = memcached.port();
        try (TextSocket socket = connect()) {
            socket.send("set tasker:restart 0 0 1\r\nx\r\n");
            assertEquals("STORED", socket.readLine());
        }

        memcached.stop();
        assertThrows(ConnectException.class, MemcachedServerExtensionTest::connect);
        memcached.start();

        assertEquals(port, memcached.port());
        try (TextSocket socket = connect()) {
            socket.send("get tasker:restart\r\n");
            assertEquals("END", socket.readLine());
        }
    }

    @Test
    void tellsItsVersion() {
        assertTrue(memcached.version().startsWith("memcached 1."), memcached.version());
    }

    @Test
    void startsWithExtraArgumentsOutsideJUnitAndStopsWhenClosed() throws IOException {
        int port;
        try (MemcachedServerExtension large = new MemcachedServerExtension("-I", "2m")) {
            large.start();
            port = large.port();
            assertTrue(
                    large.server().commandLine().endsWith(" -I 2m"),
                    large.server().commandLine());
            try (TextSocket socket = TextSocket.connect(large.host(), port, Duration.ofSeconds(2))) {
                assertEquals("STAT item_size_max 2097152", setting(socket, "item_size_max"));
            }
        }

        assertThrows(ConnectException.class, () -> TextSocket.connect("127.0.0.1", port, Duration.ofSeconds(2)));
    }

    /** The line of {@code stats settings} that names {@code setting}, read through to its {@code END}. */
    private static String setting(TextSocket socket, String setting) {
        socket.send("stats settings\r\n");
        String found = null;
        for (String line = socket.readLine(); !"END".equals(line); line = socket.readLine()) {
            if (line.startsWith("STAT " + setting + " ")) {
                found = line;
            }
        }
        return found;
    }

    private static TextSocket connect() throws IOException {
        return TextSocket.connect(memcached.host(), memcached.port(), Duration.ofSeconds(2));
    }
}
