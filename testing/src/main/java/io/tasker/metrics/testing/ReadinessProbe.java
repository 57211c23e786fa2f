package io.tasker.metrics.testing;

import java.io.IOException;
import java.time.Duration;

/**
 * Tells whether a freshly started server answers on its port. A probe that throws an {@link
 * IOException} (connection refused, reset) counts as "not yet".
 *
 * <p>{@code ReadinessProbe probe = ReadinessProbe.redisPing();}
 */
@FunctionalInterface
public interface ReadinessProbe {

    /** Per-probe network timeout: short, because the caller polls until its own deadline. */
    Duration TIMEOUT = Duration.ofSeconds(1);

    /**
     * Asks the server once whether it is ready.
     *
     * @param host the server's address
     * @param port the server's port
     * @return true when it answered as a ready server does
     * @throws IOException when it cannot be reached yet
     */
    boolean ready(String host, int port) throws IOException;

    /**
     * Redis: {@code PING} answered with {@code +PONG}.
     *
     * @return the probe
     */
    static ReadinessProbe redisPing() {
        return (host, port) -> {
            try (TextSocket socket = TextSocket.connect(host, port, TIMEOUT)) {
                socket.send("*1\r\n$4\r\nPING\r\n");
                return "+PONG".equals(socket.readLine());
            }
        };
    }

    /**
     * Memcached: {@code version} answered with {@code VERSION ...}.
     *
     * @return the probe
     */
    static ReadinessProbe memcachedVersion() {
        return (host, port) -> {
            try (TextSocket socket = TextSocket.connect(host, port, TIMEOUT)) {
                socket.send("version\r\n");
                String line = socket.readLine();
                return line != null && line.startsWith("VERSION");
            }
        };
    }

    /**
     * HTTP: {@code GET path} answered with 200 (Prometheus answers 503 while it loads).
     *
     * @param path the path to ask for, such as {@code /-/ready}
     * @return the probe
     */
    static ReadinessProbe httpOk(String path) {
        return (host, port) -> Http.get("http://" + host + ":" + port + path).status() == 200;
    }
}
