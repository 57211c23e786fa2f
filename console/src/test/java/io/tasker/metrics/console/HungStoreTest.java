package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.console.ConsoleFixture.Response;
import io.tasker.metrics.console.web.Ui;
import io.tasker.metrics.testing.RedisServerExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A store that takes connections but never answers (a hung Redis): a page costs one store
 * timeout (2 s), not one per read it would make.
 */
class HungStoreTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final long ONE_TIMEOUT_AND_SLACK_MS = 3_500;

    @Test
    void pagesCostOneTimeoutNotOnePerRead() throws Exception {
        try (BlackHole hole = new BlackHole();
                ConsoleFixture console =
                        ConsoleFixture.builder().cacheUrl(REDIS.url()).start()) {
            console.sync();
            REDIS.stop();
            hole.listenOn(REDIS.port());
            for (String path : new String[] {Ui.DASHBOARD, Ui.HEALTH_STATUS, Ui.HEALTH_PAGE}) {
                long started = System.nanoTime();
                Response r = console.get(path);
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertEquals(200, r.status(), path + ": " + r.body());
                assertTrue(millis < ONE_TIMEOUT_AND_SLACK_MS, path + " took " + millis + " ms with the store hung");
            }
        }
    }

    /** Accepts connections on a port and never answers on them. */
    private static final class BlackHole implements AutoCloseable {
        private final List<Socket> held = new CopyOnWriteArrayList<>();
        private ServerSocket server;

        void listenOn(int port) throws IOException {
            server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
            Thread t = new Thread(
                    () -> {
                        try {
                            while (true) {
                                held.add(server.accept());
                            }
                        } catch (IOException closed) {
                            // The test is over.
                        }
                    },
                    "black-hole");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void close() {
            try {
                if (server != null) {
                    server.close();
                }
                for (Socket s : held) {
                    s.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
