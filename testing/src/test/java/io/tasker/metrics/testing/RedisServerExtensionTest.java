package io.tasker.metrics.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisServerExtensionTest {

    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    @Test
    void answersSetAndGetInRawResp() throws IOException {
        try (TextSocket socket = connect()) {
            assertEquals("+OK", command(socket, "SET", "tasker:key", "42"));
            assertEquals("$2", command(socket, "GET", "tasker:key"));
            assertEquals("42", socket.readLine());
        }
    }

    @Test
    void urlNamesLoopbackPortAndDatabaseZero() {
        assertEquals("redis://127.0.0.1:" + redis.port() + "/0", redis.url());
    }

    @Test
    void tellsItsVersionCommandLineAndPid() {
        assertTrue(redis.version().startsWith("Redis server v="), redis.version());
        assertTrue(
                redis.server().commandLine().contains(" --port " + redis.port() + " --bind 127.0.0.1 --save \"\" "),
                redis.server().commandLine());
        assertEquals(
                Executables.redisServer().toString(), redis.server().command().get(0));
        assertTrue(ProcessHandle.of(redis.server().pid())
                .map(ProcessHandle::isAlive)
                .orElse(false));
    }

    @Test
    void restartsOnTheSamePortWithoutItsData() throws IOException {
        int port = redis.port();
        try (TextSocket socket = connect()) {
            command(socket, "SET", "tasker:restart", "before");
        }

        redis.stop();
        assertFalse(redis.isRunning());
        assertThrows(ConnectException.class, RedisServerExtensionTest::connect);
        redis.start();

        assertEquals(port, redis.port());
        try (TextSocket socket = connect()) {
            assertEquals("$-1", command(socket, "GET", "tasker:restart"), "no persistence: a restart starts empty");
        }
    }

    @Test
    void comesBackOnTheSamePortAfterAKill() throws IOException {
        int port = redis.port();

        redis.kill();
        assertFalse(redis.isRunning());
        redis.start();

        assertEquals(port, redis.port());
        assertTrue(redis.isRunning());
        try (TextSocket socket = connect()) {
            assertEquals("+PONG", command(socket, "PING"));
        }
    }

    private static TextSocket connect() throws IOException {
        return TextSocket.connect(redis.host(), redis.port(), Duration.ofSeconds(2));
    }

    /** Sends one RESP command and returns the first line of the reply. */
    private static String command(TextSocket socket, String... args) {
        StringBuilder resp = new StringBuilder("*").append(args.length).append("\r\n");
        for (String arg : args) {
            resp.append('$').append(arg.length()).append("\r\n").append(arg).append("\r\n");
        }
        socket.send(resp.toString());
        return socket.readLine();
    }
}
