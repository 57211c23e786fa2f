package io.tasker.metrics.subscribers.statsd;

import io.tasker.metrics.testing.Executables;
import io.tasker.metrics.testing.FreePorts;
import io.tasker.metrics.testing.ServerProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The reference StatsD daemon ({@code npm statsd}, which bin/test installs into build/npm) on free
 * loopback ports, without backends, read back through its admin port's {@code counters},
 * {@code timers} and {@code gauges} commands.
 */
final class StatsdDaemon implements AutoCloseable {
    static final Path STATS_JS = Path.of("..", "build", "npm", "node_modules", "statsd", "stats.js")
            .toAbsolutePath()
            .normalize();

    private final ServerProcess process;
    private final int udpPort;

    private StatsdDaemon(ServerProcess process, int udpPort) {
        this.process = process;
        this.udpPort = udpPort;
    }

    /** @throws AssertionError naming what to install when Node.js or the statsd package is missing */
    static StatsdDaemon start(Path dir) throws IOException {
        Path node = Executables.require("node", "nodejs");
        if (!Files.isRegularFile(STATS_JS)) {
            throw new AssertionError(
                    "The npm package statsd is not installed at " + STATS_JS + ". Run bin/test, which "
                            + "installs it, or: npm install --prefix build/npm --no-audit --no-fund statsd@0.9.0 (from the repository root)");
        }
        int udp = FreePorts.next();
        int admin = FreePorts.next();
        Path config = dir.resolve("statsd-config.js");
        // No backend and no flush within the test: the admin port shows what arrived.
        Files.writeString(
                config,
                "{ port: " + udp + ", address: \"127.0.0.1\", mgmt_port: " + admin
                        + ", mgmt_address: \"127.0.0.1\", backends: [], flushInterval: 3600000 }\n");
        ServerProcess process = new ServerProcess(
                "statsd",
                admin,
                List.of(node.toString(), STATS_JS.toString(), config.toString()),
                (host, port) -> admin(host, port, "health").contains("up"),
                dir.resolve("statsd.log"));
        process.start();
        return new StatsdDaemon(process, udp);
    }

    int udpPort() {
        return udpPort;
    }

    /** What the admin command answers, up to its END line. */
    String admin(String command) throws IOException {
        return admin(process.host(), process.port(), command);
    }

    private static String admin(String host, int port, String command) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder answer = new StringBuilder();
            for (String line = in.readLine(); line != null && !line.equals("END"); line = in.readLine()) {
                answer.append(line).append('\n');
                if (command.equals("health")) {
                    break; // "health: up" has no END line.
                }
            }
            return answer.toString();
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
