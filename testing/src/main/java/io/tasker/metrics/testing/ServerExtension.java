package io.tasker.metrics.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Base of the JUnit 5 extensions that run one real server for a test class: a fresh temp
 * directory and a free loopback port, started before the tests and stopped after them.
 *
 * <p>Register it on a static field so one server serves the whole class; a test that stopped
 * or killed it gets it back, on the same port, before the next test. On an instance field it
 * runs one server per test.
 *
 * <p>{@code @RegisterExtension static final RedisServerExtension redis = new RedisServerExtension();}
 *
 * <p>Outside JUnit (a benchmark), {@link #start()} it and close it, which {@link #shutdown()}s it:
 * {@code try (RedisServerExtension redis = new RedisServerExtension()) { redis.start(); ... }}
 */
public abstract class ServerExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, AutoCloseable {

    private static final int START_ATTEMPTS = 3;

    private final String name;
    private Path workDir;
    private ServerProcess server;
    private int classDepth;
    private boolean startedForOneTest;

    /**
     * An extension for the server called {@code name}; nothing runs until it is started.
     *
     * @param name the server's name, for its directory, log file and messages
     */
    protected ServerExtension(String name) {
        this.name = name;
    }

    /**
     * The command line that starts the server on {@code port}; it may write files it reads into {@code workDir}.
     *
     * @param port the loopback port to listen on
     * @param workDir the server's own temp directory
     * @return the command, program first
     */
    protected abstract List<String> launchCommand(int port, Path workDir);

    /**
     * How to tell that the server answers.
     *
     * @return the probe that start waits on
     */
    protected abstract ReadinessProbe probe();

    /**
     * Where clients connect, in the form the cache and export configuration take.
     *
     * @return the server's URL
     */
    public abstract String url();

    /**
     * The argument that makes the program print its version; {@code --version} unless it says otherwise.
     *
     * @return the version flag
     */
    protected String versionFlag() {
        return "--version";
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        classDepth++;
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!isRunning()) {
            start();
            startedForOneTest = classDepth == 0;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (startedForOneTest) {
            startedForOneTest = false;
            shutdown();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // Nested classes see the outer class's static extension too; the outermost one ends it.
        if (--classDepth == 0) {
            shutdown();
        }
    }

    /**
     * Starts the server: on a free port the first time, on the same port after {@link #stop()} or {@link #kill()}.
     *
     * @throws ServerStartException when it exits early or does not answer in time
     */
    public synchronized void start() {
        if (server == null) {
            server = launchOnFreePort();
        } else {
            server.start();
        }
    }

    /** Stops the server gracefully; {@link #start()} brings it back on the same port. */
    public synchronized void stop() {
        server().stop();
    }

    /** Kills the server as a crash would; {@link #start()} brings it back on the same port. */
    public synchronized void kill() {
        server().kill();
    }

    /** Stops the server gracefully and starts it again on the same port. */
    public synchronized void restart() {
        server().restart();
    }

    /**
     * Whether the server is started and its process alive.
     *
     * @return true while it runs
     */
    public synchronized boolean isRunning() {
        return server != null && server.isRunning();
    }

    /**
     * The address the server listens on.
     *
     * @return the loopback address
     */
    public String host() {
        return server().host();
    }

    /**
     * The port the server listens on.
     *
     * @return the port chosen at the first start
     */
    public int port() {
        return server().port();
    }

    /**
     * What the running program says of its version, e.g. {@code Redis server v=7.0.15 ...}: for a
     * report that says what it measured against.
     *
     * @return the first line the program prints for its version flag
     */
    public String version() {
        return Executables.firstLine(server().command().get(0), versionFlag());
    }

    /**
     * The running process, for its log file, output, command line and pid.
     *
     * @return the server's process
     * @throws IllegalStateException when the server was never started
     */
    public synchronized ServerProcess server() {
        if (server == null) {
            throw new IllegalStateException(name + " is not started: register the extension with"
                    + " @RegisterExtension on a static field, or call start()");
        }
        return server;
    }

    /** Stops the server for good and deletes its directory, data and log included. */
    public synchronized void shutdown() {
        if (server != null) {
            server.stop();
            server = null;
        }
        deleteWorkDir();
    }

    /** The same as {@link #shutdown()}, for try-with-resources. */
    @Override
    public void close() {
        shutdown();
    }

    private ServerProcess launchOnFreePort() {
        workDir = createWorkDir();
        for (int attempt = 1; ; attempt++) {
            int port = FreePorts.next();
            ServerProcess candidate = new ServerProcess(
                    name, port, launchCommand(port, workDir), probe(), workDir.resolve(name + ".log"));
            try {
                candidate.start();
                return candidate;
            } catch (ServerStartException e) {
                // Another process may take the free port before the server binds it: try another one.
                if (!e.portInUse() || attempt == START_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Path createWorkDir() {
        try {
            return Files.createTempDirectory("tasker-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temp directory for " + name, e);
        }
    }

    private void deleteWorkDir() {
        TempDirs.delete(workDir);
        workDir = null;
    }
}
