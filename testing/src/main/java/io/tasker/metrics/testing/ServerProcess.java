package io.tasker.metrics.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * One real server process on a fixed loopback port: started, awaited until its probe answers,
 * stopped, killed and started again on the same port. Output goes to a log file; a JVM shutdown
 * hook kills whatever is still running so no server outlives the test run.
 *
 * <p>{@code new ServerProcess("redis", port, List.of("redis-server", "--port", "" + port), ReadinessProbe.redisPing(), log).start();}
 */
public final class ServerProcess implements AutoCloseable {

    /** How long a start waits for the probe to answer, unless the constructor says otherwise. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final int TAIL_LINES = 30;
    private static final String HOST = "127.0.0.1";

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ServerProcess::killAll, "server-process-reaper"));
    }

    private final String name;
    private final int port;
    private final List<String> command;
    private final ReadinessProbe probe;
    private final Path logFile;
    private final Duration startTimeout;
    private Process process;

    /**
     * A process that starts within {@link #START_TIMEOUT}; nothing runs until {@link #start()}.
     *
     * @param name the server's name, for messages
     * @param port the loopback port it listens on
     * @param command the command that starts it, program first
     * @param probe how to tell that it answers
     * @param logFile where its output is appended
     */
    public ServerProcess(String name, int port, List<String> command, ReadinessProbe probe, Path logFile) {
        this(name, port, command, probe, logFile, START_TIMEOUT);
    }

    /**
     * A process with its own start timeout; nothing runs until {@link #start()}.
     *
     * @param name the server's name, for messages
     * @param port the loopback port it listens on
     * @param command the command that starts it, program first
     * @param probe how to tell that it answers
     * @param logFile where its output is appended
     * @param startTimeout how long a start waits for the probe to answer
     */
    public ServerProcess(
            String name, int port, List<String> command, ReadinessProbe probe, Path logFile, Duration startTimeout) {
        this.name = name;
        this.port = port;
        this.command = List.copyOf(command);
        this.probe = probe;
        this.logFile = logFile;
        this.startTimeout = startTimeout;
    }

    /**
     * Starts the process unless it runs, and returns once its probe answers.
     *
     * @throws ServerStartException when it exits early or does not answer within the start timeout
     */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        Process started = launch();
        LIVE.add(started);
        try {
            awaitReady(started);
        } catch (RuntimeException e) {
            terminate(started); // never leave a half-started server behind
            throw e;
        }
        process = started;
    }

    /** Asks the process to exit (SIGTERM), and kills it when it has not after a grace period. */
    public synchronized void stop() {
        if (process != null) {
            terminate(process);
            process = null;
        }
    }

    /** Kills the process at once (SIGKILL), as a crash would. */
    public synchronized void kill() {
        if (process != null) {
            destroyForcibly(process);
            process = null;
        }
    }

    /** Stops and starts again on the same port. */
    public void restart() {
        stop();
        start();
    }

    /**
     * Whether the process is started and alive.
     *
     * @return true while it runs
     */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * The server's name.
     *
     * @return the name given to the constructor
     */
    public String name() {
        return name;
    }

    /**
     * The address it listens on.
     *
     * @return {@code 127.0.0.1}
     */
    public String host() {
        return HOST;
    }

    /**
     * The port it listens on.
     *
     * @return the port given to the constructor
     */
    public int port() {
        return port;
    }

    /**
     * Where its output goes; restarts append to it.
     *
     * @return the log file
     */
    public Path logFile() {
        return logFile;
    }

    /**
     * The command it runs, program first.
     *
     * @return the command
     */
    public List<String> command() {
        return command;
    }

    /**
     * The command as a shell would take it, an empty argument as {@code ""}: for a report that says
     * how its server ran, e.g. {@code redis-server --port 6379 --save ""}.
     *
     * @return the command line
     */
    public String commandLine() {
        return String.join(
                " ", command.stream().map(arg -> arg.isEmpty() ? "\"\"" : arg).toList());
    }

    /**
     * The operating system's id of the running process, e.g. for a benchmark that watches its memory.
     *
     * @return the pid
     * @throws IllegalStateException when it is not running
     */
    public synchronized long pid() {
        if (!isRunning()) {
            throw new IllegalStateException(name + " is not running");
        }
        return process.pid();
    }

    /**
     * The last {@code count} lines the process wrote, for failure messages.
     *
     * @param count how many lines
     * @return the lines, or a note when the log cannot be read
     */
    public String lastOutput(int count) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (NoSuchFileException e) {
            return "(no output)";
        } catch (IOException e) {
            return "(could not read " + logFile + ": " + e + ")";
        }
    }

    /** The same as {@link #stop()}, for try-with-resources. */
    @Override
    public void close() {
        stop();
    }

    private Process launch() {
        try {
            // A marker line keeps the runs apart in the log, which restarts append to.
            Files.writeString(
                    logFile,
                    "=== starting " + String.join(" ", command) + " at " + Instant.now() + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + ": " + String.join(" ", command), e);
        }
    }

    private void awaitReady(Process started) {
        try {
            await().atMost(startTimeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(POLL)
                    .failFast(() -> !started.isAlive())
                    .until(this::answers);
        } catch (TerminalFailureException e) {
            throw failure("exited with code " + started.exitValue() + " before it answered", true);
        } catch (ConditionTimeoutException e) {
            throw failure("did not answer within " + startTimeout.toSeconds() + " s", false);
        }
    }

    private boolean answers() {
        try {
            return probe.ready(HOST, port);
        } catch (IOException | RuntimeException e) {
            return false; // refused or reset: not listening yet
        }
    }

    private ServerStartException failure(String what, boolean exited) {
        return new ServerStartException(
                name + " on " + HOST + ":" + port + " " + what + ".\nCommand: " + String.join(" ", command)
                        + "\nLast output (" + logFile + "):\n" + lastOutput(TAIL_LINES),
                exited);
    }

    private static void terminate(Process process) {
        process.destroy();
        if (!waitFor(process, STOP_GRACE)) {
            destroyForcibly(process);
        }
        LIVE.remove(process);
    }

    private static void destroyForcibly(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        waitFor(process, STOP_GRACE);
        LIVE.remove(process);
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static void killAll() {
        LIVE.forEach(process -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        });
    }
}
