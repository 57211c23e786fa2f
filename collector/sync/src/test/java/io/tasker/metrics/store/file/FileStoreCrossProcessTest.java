package io.tasker.metrics.store.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.Clock;
import io.tasker.metrics.store.Record;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two JVMs on one directory: the file lock must keep every read-modify-write whole. */
class FileStoreCrossProcessTest {

    private static final int PROCESSES = 2;
    private static final int OPERATIONS = 200;
    private static final String COUNTER = "tasker:fence";
    private static final String REGISTER = "tasker:register";
    private static final Duration TTL = Duration.ofMinutes(10);

    @TempDir
    Path directory;

    @Test
    void twoProcessesIncrementingAndCompareAndSettingNeverLoseAnUpdate() throws Exception {
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            workers.add(Worker.start(directory));
        }
        for (Worker worker : workers) {
            worker.awaitLine("ready");
        }
        for (Worker worker : workers) {
            worker.go();
        }
        for (Worker worker : workers) {
            worker.awaitSuccess(Duration.ofMinutes(2));
        }

        try (FileStore store = FileStore.open(directory, Clock.SYSTEM)) {
            assertEquals(PROCESSES * OPERATIONS + 1, store.increment(COUNTER, 1, TTL));
            Record register = store.get(REGISTER).orElseThrow();
            assertEquals(PROCESSES * OPERATIONS - 1, register.version(), "versions start at 0");
            assertEquals(
                    PROCESSES * OPERATIONS, ByteBuffer.wrap(register.data()).getLong());
        }
        assertEquals(List.of(), leftovers(), "no corrupt or temp files");
    }

    private List<String> leftovers() throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*{.corrupt-*,.tmp-*}")) {
            files.forEach(f -> names.add(f.getFileName().toString()));
        }
        return names;
    }

    /** A worker JVM, run from the test classpath, talked to over its standard streams. */
    private record Worker(Process process, BufferedReader output, List<String> lines) {

        static Worker start(Path directory) throws IOException {
            Process process = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            Main.class.getName(),
                            directory.toString(),
                            String.valueOf(OPERATIONS))
                    .redirectErrorStream(true)
                    .start();
            BufferedReader output =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            return new Worker(process, output, new ArrayList<>());
        }

        void awaitLine(String expected) throws IOException {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                lines.add(line);
                if (line.equals(expected)) {
                    return;
                }
            }
            throw new AssertionError("The worker ended before it said " + expected + ":\n" + String.join("\n", lines));
        }

        void go() throws IOException {
            OutputStream input = process.getOutputStream();
            input.write("go\n".getBytes(StandardCharsets.UTF_8));
            input.flush();
        }

        void awaitSuccess(Duration patience) throws Exception {
            boolean ended = process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                process.destroyForcibly();
            }
            output.lines().forEach(lines::add);
            assertTrue(ended && process.exitValue() == 0, "The worker failed:\n" + String.join("\n", lines));
        }
    }

    /** The worker's program: on "go", each operation once per round, as fast as it can. */
    public static final class Main {
        public static void main(String[] args) throws IOException {
            Path directory = Path.of(args[0]);
            int operations = Integer.parseInt(args[1]);
            try (FileStore store = FileStore.open(directory, Clock.SYSTEM)) {
                System.out.println("ready");
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                int retries = 0;
                for (int i = 0; i < operations; i++) {
                    store.increment(COUNTER, 1, TTL);
                    retries += addOneWithCompareAndSet(store);
                }
                System.out.println(
                        "done: " + retries + " compare-and-set retries, " + store.corruptFiles() + " corrupt files");
                if (store.corruptFiles() > 0) {
                    System.exit(1);
                }
            }
        }

        /** Reads the register and writes it plus one, again until no one wrote in between; returns the retries. */
        private static int addOneWithCompareAndSet(FileStore store) {
            for (int retries = 0; ; retries++) {
                Optional<Record> current = store.get(REGISTER);
                long version = current.map(Record::version).orElse(-1L);
                long value =
                        current.map(r -> ByteBuffer.wrap(r.data()).getLong()).orElse(0L);
                byte[] next = ByteBuffer.allocate(Long.BYTES).putLong(value + 1).array();
                if (store.compareAndSet(REGISTER, version, new Record(version + 1, next), TTL)) {
                    return retries;
                }
            }
        }
    }
}
