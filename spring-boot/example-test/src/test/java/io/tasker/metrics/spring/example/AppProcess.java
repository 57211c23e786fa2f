package io.tasker.metrics.spring.example;

import static org.awaitility.Awaitility.await;

import io.tasker.metrics.testing.FreePorts;
import io.tasker.metrics.testing.Http;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/** One process of the example application on a free port, its output in a log file. */
final class AppProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static AppProcess start(Path jar, Path dir, Map<String, String> env, String... args) throws IOException {
        return start(jar, dir, env, List.of(), args);
    }

    /** The same, with options for the JVM (a collector, say) before {@code -jar}. */
    static AppProcess start(Path jar, Path dir, Map<String, String> env, List<String> jvmOptions, String... args)
            throws IOException {
        int port = FreePorts.next();
        Path log = dir.resolve("app-" + port + ".log");
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return new AppProcess(builder.start(), port, log);
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    String url(String path) {
        return "http://" + address() + path;
    }

    /** {@code host:port}, as a Prometheus target. */
    String address() {
        return "127.0.0.1:" + port;
    }

    /** Waits until the application answers its health endpoint (any status: UP or DOWN). */
    void awaitStarted(Duration timeout) throws Exception {
        try {
            await().atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(100))
                    .failFast(() -> !process.isAlive())
                    .ignoreExceptionsInstanceOf(IOException.class) // refused: not listening yet
                    .untilAsserted(() -> Http.get(url("/actuator/health")));
        } catch (TerminalFailureException e) {
            throw new AssertionError("The application exited with " + process.exitValue() + ":\n" + log(), e);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("The application did not start within " + timeout + ":\n" + log(), e);
        }
    }

    /** SIGTERM, as a container stop: Spring closes the context, and the collector syncs a last time. */
    int stopGracefully() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The application did not stop within 60 s:\n" + log());
        }
        return process.exitValue();
    }

    String log() {
        try {
            return java.nio.file.Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
