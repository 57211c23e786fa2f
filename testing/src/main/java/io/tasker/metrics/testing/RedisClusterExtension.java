package io.tasker.metrics.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a real Redis Cluster of three masters (no replicas) on free loopback ports for a test
 * class: three {@code redis-server --cluster-enabled yes}, joined by {@code redis-cli --cluster
 * create}, and ready once every node reports {@code cluster_state:ok}.
 *
 * <p>{@code @RegisterExtension static final RedisClusterExtension cluster = new RedisClusterExtension();}
 * then {@code cluster.url()} is {@code redis-cluster://127.0.0.1:<p1>,127.0.0.1:<p2>,127.0.0.1:<p3>}.
 */
public final class RedisClusterExtension implements BeforeAllCallback, AfterAllCallback {

    /** The number of master nodes the cluster has. */
    public static final int MASTERS = 3;

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final int START_ATTEMPTS = 3;
    private static final String HOST = "127.0.0.1";

    private final List<ServerProcess> nodes = new ArrayList<>();
    private Path workDir;
    private int classDepth;

    /** An extension whose cluster starts before the test class, or on {@link #start()}. */
    public RedisClusterExtension() {}

    @Override
    public void beforeAll(ExtensionContext context) {
        classDepth++;
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // Nested classes see the outer class's static extension too; the outermost one ends it.
        if (--classDepth == 0) {
            shutdown();
        }
    }

    /** Starts the three nodes, creates the cluster and waits until every node says it is ok. */
    public synchronized void start() {
        if (!nodes.isEmpty()) {
            return;
        }
        workDir = createWorkDir();
        try {
            for (int i = 0; i < MASTERS; i++) {
                nodes.add(launchNode());
            }
            createCluster();
            awaitClusterOk();
        } catch (RuntimeException | Error e) {
            shutdown(); // never leave half a cluster behind
            throw e;
        }
    }

    /** Stops every node and deletes their directory. */
    public synchronized void shutdown() {
        nodes.forEach(ServerProcess::stop);
        nodes.clear();
        deleteWorkDir();
    }

    /**
     * Where clients connect, in the form {@code TASKER_CACHE_URL} takes.
     *
     * @return the {@code redis-cluster://} URL of every node
     */
    public String url() {
        return "redis-cluster://"
                + nodes().stream().map(n -> HOST + ":" + n.port()).collect(Collectors.joining(","));
    }

    /**
     * The address every node listens on.
     *
     * @return {@code 127.0.0.1}
     */
    public String host() {
        return HOST;
    }

    /**
     * The nodes' client ports, in the order they were created.
     *
     * @return the ports
     * @throws IllegalStateException when the cluster is not started
     */
    public List<Integer> ports() {
        return nodes().stream().map(ServerProcess::port).toList();
    }

    /**
     * The running nodes, for their log files.
     *
     * @return the nodes, in the order they were created
     * @throws IllegalStateException when the cluster is not started
     */
    public synchronized List<ServerProcess> nodes() {
        if (nodes.isEmpty()) {
            throw new IllegalStateException("The Redis cluster is not started: register the extension with"
                    + " @RegisterExtension on a static field, or call start()");
        }
        return List.copyOf(nodes);
    }

    /**
     * {@code CLUSTER INFO} of one node as field → value lines, e.g. {@code cluster_state:ok}.
     *
     * @param port the node's port on loopback
     * @return the reply's lines
     * @throws IOException when the node cannot be reached or answers otherwise
     */
    public static List<String> clusterInfo(int port) throws IOException {
        try (TextSocket socket = TextSocket.connect(HOST, port, ReadinessProbe.TIMEOUT)) {
            socket.send("*2\r\n$7\r\nCLUSTER\r\n$4\r\nINFO\r\n");
            String header = socket.readLine();
            if (header == null || !header.startsWith("$")) {
                throw new IOException("CLUSTER INFO on port " + port + " answered " + header);
            }
            int remaining = Integer.parseInt(header.substring(1));
            List<String> lines = new ArrayList<>();
            while (remaining > 0) {
                String line = socket.readLine();
                lines.add(line);
                remaining -= line.getBytes(StandardCharsets.UTF_8).length + 2;
            }
            return lines;
        }
    }

    private ServerProcess launchNode() {
        for (int attempt = 1; ; attempt++) {
            int port = FreePorts.next();
            // The cluster bus defaults to port + 10000, past 65535 for high free ports: pick it too.
            int busPort = otherFreePort(port);
            ServerProcess node = new ServerProcess(
                    "redis-cluster-node",
                    port,
                    nodeCommand(port, busPort),
                    ReadinessProbe.redisPing(),
                    workDir.resolve("node-" + port + ".log"));
            try {
                node.start();
                return node;
            } catch (ServerStartException e) {
                // Another process may take a free port before the server binds it: try others.
                if (!e.portInUse() || attempt == START_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private List<String> nodeCommand(int port, int busPort) {
        return List.of(
                Executables.redisServer().toString(),
                "--port",
                String.valueOf(port),
                "--cluster-enabled",
                "yes",
                "--cluster-port",
                String.valueOf(busPort),
                "--cluster-config-file",
                workDir.resolve("nodes-" + port + ".conf").toString(),
                "--bind",
                HOST,
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
                "--dir",
                workDir.toString());
    }

    private void createCluster() {
        List<String> command = new ArrayList<>(
                List.of(Executables.require("redis-cli", "redis-tools").toString(), "--cluster", "create"));
        nodes.forEach(n -> command.add(HOST + ":" + n.port()));
        command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        Path log = workDir.resolve("cluster-create.log");
        int exit = run(command, log);
        if (exit != 0) {
            throw new IllegalStateException("redis-cli --cluster create failed with exit code " + exit + ".\nCommand: "
                    + String.join(" ", command) + "\nOutput:\n" + read(log));
        }
    }

    private void awaitClusterOk() {
        try {
            await().atMost(READY_TIMEOUT)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(POLL)
                    .until(() -> nodes.stream().allMatch(n -> clusterOk(n.port())));
        } catch (ConditionTimeoutException e) {
            ServerProcess node =
                    nodes.stream().filter(n -> !clusterOk(n.port())).findFirst().orElse(nodes.get(0));
            throw new IllegalStateException(
                    "The Redis cluster node on port " + node.port() + " did not report cluster_state:ok within "
                            + READY_TIMEOUT.toSeconds() + " s.\nLast output (" + node.logFile() + "):\n"
                            + node.lastOutput(30),
                    e);
        }
    }

    private static boolean clusterOk(int port) {
        try {
            return clusterInfo(port).contains("cluster_state:ok");
        } catch (IOException | RuntimeException e) {
            return false; // not answering yet counts as not ok yet
        }
    }

    private static int otherFreePort(int taken) {
        int port = FreePorts.next();
        while (port == taken) {
            port = FreePorts.next();
        }
        return port;
    }

    private static int run(List<String> command, Path log) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("redis-cli --cluster create did not finish within "
                        + READY_TIMEOUT.toSeconds() + " s.\nOutput:\n" + read(log));
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the Redis cluster", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(could not read " + file + ": " + e + ")";
        }
    }

    private static Path createWorkDir() {
        try {
            return Files.createTempDirectory("tasker-redis-cluster-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temp directory for the Redis cluster", e);
        }
    }

    private void deleteWorkDir() {
        TempDirs.delete(workDir);
        workDir = null;
    }
}
