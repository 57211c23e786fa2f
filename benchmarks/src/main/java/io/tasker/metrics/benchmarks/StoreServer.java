package io.tasker.metrics.benchmarks;

import io.tasker.metrics.store.redis.RedisStore;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A {@code redis-server} or {@code memcached} of this machine, started on a free loopback port for
 * {@link SyncBenchmark} and stopped by {@link #close()} (or at JVM exit, should the run fail).
 *
 * <pre>{@code
 * try (StoreServer redis = StoreServer.redis()) {
 *     CacheStore store = RedisStore.open(redis.url(), Duration.ofSeconds(10));
 * }
 * }</pre>
 */
final class StoreServer implements AutoCloseable {
    private static final long READY_TIMEOUT_MILLIS = 10_000;

    /** A program that is not installed; the message names its Debian package. */
    static final class MissingProgram extends RuntimeException {
        MissingProgram(String program, String debianPackage) {
            super(program + " is not installed (not found on PATH). It comes with the Debian package '"
                    + debianPackage + "': sudo apt-get install -y " + debianPackage);
        }
    }

    private final String name;
    private final String url;
    private final String version;
    private final List<String> command;
    private final Process process;
    private final Thread killAtExit;

    private StoreServer(String name, String url, String version, List<String> command, Process process) {
        this.name = name;
        this.url = url;
        this.version = version;
        this.command = command;
        this.process = process;
        // A run that dies half-way must not leave servers behind on the shared machine.
        this.killAtExit = new Thread(process::destroyForcibly, name + "-killer");
        Runtime.getRuntime().addShutdownHook(killAtExit);
    }

    /** {@code redis-server --port N --bind 127.0.0.1 --save "" --appendonly no}: no disk, nothing to clean up. */
    static StoreServer redis() {
        Path program = require("redis-server", "redis-server");
        String version = firstLine(program.toString(), "--version");
        return start("redis-server", version, port -> List.of(program.toString(), "--port", String.valueOf(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no",
                "--dir", System.getProperty("java.io.tmpdir")),
                port -> "redis://127.0.0.1:" + port + "/0", "*1\r\n$4\r\nPING\r\n", "+PONG");
    }

    /**
     * {@code memcached -l 127.0.0.1 -p N -m 1024 -I itemSize}: 1 GB of memory so that nothing of a
     * run is evicted, and an item size limit (e.g. {@code 1m}) that fits the largest chunk.
     */
    static StoreServer memcached(String itemSize) {
        Path program = require("memcached", "memcached");
        String version = firstLine(program.toString(), "-V");
        return start("memcached", version, port -> {
            List<String> command = new ArrayList<>(List.of(program.toString(), "-l", "127.0.0.1",
                    "-p", String.valueOf(port), "-U", "0", "-m", "1024", "-I", itemSize));
            // memcached refuses to run as root unless told which user to be.
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(List.of("-u", "root"));
            }
            return command;
        }, port -> "memcached://127.0.0.1:" + port, "version\r\n", "VERSION");
    }

    String url() {
        return url;
    }

    /** What the program says of its version, e.g. {@code Redis server v=7.0.15 ...}. */
    String version() {
        return version;
    }

    /** The command line it runs with. */
    String commandLine() {
        return String.join(" ", command.stream().map(a -> a.isEmpty() ? "\"\"" : a).toList());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killAtExit);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook kills it anyway.
        }
    }

    private interface PortCommand<T> {
        T at(int port);
    }

    /**
     * Starts the server on a free port and waits until it answers {@code ping}. The port is free
     * when chosen but could be taken before the server binds it: then another one is tried.
     */
    private static StoreServer start(String name, String version, PortCommand<List<String>> commandAt,
                                     PortCommand<String> urlAt, String ping, String pong) {
        String lastProblem = "";
        for (int attempt = 1; attempt <= 3; attempt++) {
            int port = freePort();
            List<String> command = commandAt.at(port);
            Process process;
            try {
                File log = Files.createTempFile(name + "-", ".log").toFile();
                log.deleteOnExit();
                process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start " + String.join(" ", command), e);
            }
            long deadline = System.currentTimeMillis() + READY_TIMEOUT_MILLIS;
            while (process.isAlive() && System.currentTimeMillis() < deadline) {
                if (answers(port, ping, pong)) {
                    return new StoreServer(name, urlAt.at(port), version, command, process);
                }
                sleep(50);
            }
            lastProblem = process.isAlive() ? "no answer within " + READY_TIMEOUT_MILLIS + " ms"
                    : "exited with status " + process.exitValue();
            process.destroyForcibly();
        }
        throw new IllegalStateException(name + " did not start on a free loopback port: " + lastProblem);
    }

    private static boolean answers(int port, String ping, String pong) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write(ping.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return reply != null && reply.startsWith(pong);
        } catch (IOException e) {
            return false;
        }
    }

    static Path require(String program, String debianPackage) {
        return find(program).orElseThrow(() -> new MissingProgram(program, debianPackage));
    }

    static Optional<Path> find(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).filter(s -> !s.isEmpty())
                .map(dir -> Path.of(dir, program))
                .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
    }

    /** The first line a command prints, or what went wrong; for the report's header. */
    static String firstLine(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line = r.readLine();
                p.waitFor(10, TimeUnit.SECONDS);
                return line == null ? "" : line.trim();
            }
        } catch (IOException e) {
            return "(" + String.join(" ", command) + " failed: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free loopback port", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a server to start", e);
        }
    }
}
