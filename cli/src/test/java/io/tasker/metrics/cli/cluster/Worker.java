package io.tasker.metrics.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** An {@link InstanceWorker} process as the tests drive it: commands in, answers out, stop or kill. */
final class Worker implements AutoCloseable {
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

    final String id;
    private final Process process;
    private final PrintWriter in;
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private int answered;
    private long tally;
    private String instanceId;

    private Worker(String id, Process process) {
        this.id = id;
        this.process = process;
        this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(this::read, "worker-" + id);
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts a worker and waits until it has probed the store. */
    static Worker start(String url, String namespace, String id, FileClock clock, Duration retention, Duration timeout)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        InstanceWorker.class.getName(),
                        url,
                        namespace,
                        id,
                        clock.file().toString(),
                        String.valueOf(retention.toSeconds()),
                        String.valueOf(timeout.toSeconds()))
                .redirectErrorStream(true)
                .start();
        Worker w = new Worker(id, p);
        w.instanceId = w.answer("READY ").substring("READY ".length());
        return w;
    }

    /** Records {@code n} jobs. */
    Worker inc(int n) {
        in.println("inc " + n);
        tally = Long.parseLong(answer("OK ").substring(3));
        return this;
    }

    /** Syncs, and fails the test unless it succeeded; returns the id it wrote under. */
    String sync() {
        in.println("sync");
        String a = answer("SYNCED ", "FAILED ");
        assertTrue(a.startsWith("SYNCED "), id + " failed to sync: " + a + "\n" + output());
        String[] parts = a.split(" ");
        assertEquals(tally, Long.parseLong(parts[1]), "the worker's own tally");
        instanceId = parts[2];
        return instanceId;
    }

    /** What it recorded, by its own count. */
    long tally() {
        return tally;
    }

    /** The id it last wrote under. */
    String instanceId() {
        return instanceId;
    }

    /** SIGTERM: the final sync and the fold at once, as a graceful stop does. */
    void stop() throws InterruptedException {
        process.toHandle().destroy(); // SIGTERM, leaving its output open to read (Process.destroy closes it)
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), id + " did not stop: " + output());
    }

    /** SIGKILL: no final sync, no fold. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    /** Waits for the next answer starting with one of these prefixes; other lines are logs. */
    private String answer(String... prefixes) {
        long deadline = System.nanoTime() + ANSWER_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (lines) {
                while (answered < lines.size()) {
                    String line = lines.get(answered++);
                    for (String p : prefixes) {
                        if (line.startsWith(p)) {
                            return line;
                        }
                    }
                }
                try {
                    lines.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
            assertTrue(process.isAlive() || answered < lines.size(), id + " exited: " + output());
        }
        throw new AssertionError(id + " gave no " + List.of(prefixes) + " within " + ANSWER_TIMEOUT + ":\n" + output());
    }

    private void read() {
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            lines.add("(output closed: " + e.getMessage() + ")");
        }
    }
}
