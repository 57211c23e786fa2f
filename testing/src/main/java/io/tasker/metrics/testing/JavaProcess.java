package io.tasker.metrics.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM for a test of something that spans processes: the same Java and the test's class
 * path, a main class of the test's own, its output kept for the failure message.
 *
 * <pre>{@code
 * JavaProcess.Result r = JavaProcess.run(StepWorker.class, List.of("-javaagent:" + agent), List.of(url), Map.of(), Duration.ofSeconds(60));
 * assertEquals(0, r.exitCode(), r.output());
 * }</pre>
 */
public final class JavaProcess {
    private JavaProcess() {}

    /**
     * What the process did.
     *
     * @param exitCode its exit code
     * @param output its standard output and error, interleaved
     */
    public record Result(int exitCode, String output) {}

    /**
     * Runs a main class in a new JVM and waits for it.
     *
     * @param main the class whose {@code main} runs
     * @param jvmArgs options before the class name, such as {@code -javaagent:...}
     * @param args the program's arguments
     * @param env environment variables added to this process's
     * @param timeout how long it may run before it is killed and the test fails
     * @return its exit code and output
     * @throws IOException when it cannot be started
     * @throws InterruptedException when the wait is interrupted
     */
    public static Result run(
            Class<?> main, List<String> jvmArgs, List<String> args, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        Process p = start(main, jvmArgs, args, env);
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(main.getSimpleName() + " did not end within " + timeout + ": "
                    + new String(p.getInputStream().readNBytes(8192), StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /**
     * Starts a main class in a new JVM, its output merged into one stream.
     *
     * @param main the class whose {@code main} runs
     * @param jvmArgs options before the class name
     * @param args the program's arguments
     * @param env environment variables added to this process's
     * @return the running process
     * @throws IOException when it cannot be started
     */
    public static Process start(Class<?> main, List<String> jvmArgs, List<String> args, Map<String, String> env)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        return builder.start();
    }
}
