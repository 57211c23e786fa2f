package io.tasker.metrics.store.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.Clock;
import io.tasker.metrics.ManualClock;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.KeyLayout;
import io.tasker.metrics.store.StoreCapabilities;
import io.tasker.metrics.store.StoreException;
import io.tasker.metrics.testing.CacheStoreContract;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FileStoreTest extends CacheStoreContract {

    @TempDir
    Path directory;

    @Override
    protected CacheStore newStore() {
        return FileStore.open(directory, Clock.SYSTEM);
    }

    private FileStore fileStore() {
        return (FileStore) store;
    }

    private Path fileOf(String key) {
        return directory.resolve(FileNames.of(key));
    }

    @Test
    void declaresWhatADirectoryCanDo() {
        assertEquals(
                new StoreCapabilities(false, true, true, true, true, true, false, true), store.declaredCapabilities());
        assertEquals(store.declaredCapabilities(), store.probe(KeyLayout.defaults()));
        assertTrue(store.description().startsWith("file:///"), store.description());
    }

    /** Ways a file gets damaged: a stray write, a crash mid-copy, a bad disk block. */
    enum Damage {
        GARBAGE,
        EMPTY,
        TRUNCATED,
        FLIPPED_DATA_BYTE;

        void applyTo(Path file) throws IOException {
            byte[] bytes = Files.readAllBytes(file);
            switch (this) {
                case GARBAGE -> Files.writeString(file, "this is not a record file at all");
                case EMPTY -> Files.write(file, new byte[0]);
                case TRUNCATED -> Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
                case FLIPPED_DATA_BYTE -> {
                    bytes[bytes.length - 1] ^= 0x01;
                    Files.write(file, bytes);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void aDamagedFileIsMovedAsideCountedAndReadsAsAbsent(Damage damage) throws IOException {
        String k = key("damaged");
        store.putIfNewer(k, record(3, "the data"), TTL);
        Path file = fileOf(k);
        damage.applyTo(file);

        String log = stderrOf(() -> assertEquals(Optional.empty(), store.get(k)));

        assertEquals(1, fileStore().corruptFiles());
        assertFalse(Files.exists(file));
        assertEquals(1, filesMatching(file.getFileName() + ".corrupt-*").size());
        assertTrue(log.contains("WARN") && log.contains(file.toString()), log);
        assertTrue(store.putIfNewer(k, record(1, "fresh"), TTL), "the key can be written again");
        assertEquals(record(1, "fresh"), store.get(k).orElseThrow());
    }

    @Test
    void aFileOfANewerFormatIsLeftAloneAndFailsClearly() throws IOException {
        String k = key("future");
        store.putIfNewer(k, record(1, "x"), TTL);
        Path file = fileOf(k);
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).putShort(4, (short) 2);
        Files.write(file, bytes);

        StoreException e = assertThrows(StoreException.class, () -> store.get(k));

        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("format 2"), e.getMessage());
        assertTrue(Files.exists(file));
        assertEquals(0, fileStore().corruptFiles());
    }

    @Test
    void aNewStoreOnTheSameDirectoryReadsWhatTheOldOneWrote() {
        store.putIfNewer(key("kept"), record(4, "kept"), TTL);
        store.increment(key("fence"), 5, TTL);
        store.close();
        try (FileStore reopened = FileStore.open(directory, Clock.SYSTEM)) {
            assertEquals(record(4, "kept"), reopened.get(key("kept")).orElseThrow());
            assertEquals(6, reopened.increment(key("fence"), 1, TTL));
            assertTrue(reopened.ttl(key("kept")).orElseThrow().compareTo(TTL.minusMinutes(1)) > 0);
        }
    }

    @Test
    void expiryFollowsTheClockAndDeletesTheFile() {
        ManualClock clock = new ManualClock(Instant.parse("2025-01-01T00:00:00Z"));
        try (FileStore manual = FileStore.open(directory, clock)) {
            String k = key("expiring");
            manual.putIfNewer(k, record(1, "x"), Duration.ofSeconds(10));
            clock.advance(Duration.ofSeconds(9));
            assertEquals(Optional.of(Duration.ofSeconds(1)), manual.ttl(k));
            clock.advance(Duration.ofSeconds(1));
            assertEquals(Optional.empty(), manual.get(k));
            assertFalse(Files.exists(fileOf(k)));
            assertTrue(manual.add(k, record(0, "new owner"), TTL));
        }
    }

    @Test
    void aCounterHoldsNoRecord() {
        String k = key("counter");
        assertEquals(-2, store.increment(k, -2, TTL));
        assertEquals(Optional.empty(), store.get(k));
        assertFalse(store.add(k, record(0, "x"), TTL), "the counter is there");
    }

    @Test
    void twoStoresOnOneDirectoryInOneProcessShareTheLock() throws Exception {
        String k = key("shared");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (FileStore other = FileStore.open(directory, Clock.SYSTEM)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                CacheStore target = t % 2 == 0 ? store : other;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        target.increment(k, 1, TTL);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(201, store.increment(k, 1, TTL));
    }

    @Test
    void leftoverTempFilesOfADeadWriterAreRemovedOnOpen() throws IOException {
        Path temp = Files.writeString(directory.resolve(FileStore.TEMP_PREFIX + "dead-writer"), "half a file");
        FileStore.open(directory, Clock.SYSTEM).close();
        assertFalse(Files.exists(temp));
    }

    @Test
    void aDirectoryThatCannotBeCreatedFailsNamingThePathAndTheError() throws IOException {
        Path file = Files.writeString(directory.resolve("a-file"), "not a directory");
        Path impossible = file.resolve("store");

        StoreException e = assertThrows(StoreException.class, () -> FileStore.open(impossible, Clock.SYSTEM));

        assertTrue(
                e.getMessage().contains(impossible.toString()) && e.getMessage().contains("Not a directory"),
                e.getMessage());
    }

    private List<Path> filesMatching(String glob) throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, glob)) {
            files.forEach(found::add);
        }
        return found;
    }

    /** What the code wrote to standard error, where slf4j-simple logs, while it ran. */
    private static String stderrOf(Runnable code) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            code.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
