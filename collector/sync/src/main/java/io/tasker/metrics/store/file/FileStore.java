package io.tasker.metrics.store.file;

import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import io.tasker.metrics.Clock;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.Record;
import io.tasker.metrics.store.StoreCapabilities;
import io.tasker.metrics.store.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A store in a directory of this host ({@code file:///var/lib/tasker}): one file per key, for the
 * processes of one host, kept across restarts. Each file is a small header with a CRC32, the key
 * and the data (see {@link FileFormat}), written to a temp file, synced and renamed over the old
 * one, so a reader sees the old file or the new one, never half of one. Every operation holds an
 * exclusive lock on the directory's {@code .lock} file, so that processes and threads never
 * interleave their read-modify-writes. Expiry follows the injected clock and is checked on read;
 * a damaged file is moved aside to {@code <name>.corrupt-<time>}, logged, counted and read as
 * absent.
 *
 * <pre>{@code
 * try (FileStore store = FileStore.open(Path.of("/var/lib/tasker"), Clock.SYSTEM)) {
 *     store.putIfNewer("tasker:instance:a:0", new Record(7, bytes), Duration.ofMinutes(5));
 * }
 * }</pre>
 */
public final class FileStore implements CacheStore {

    static final String TEMP_PREFIX = ".tmp-";

    private static final Logger LOG = LoggerFactory.getLogger(FileStore.class);
    private static final StoreCapabilities CAPABILITIES =
            new StoreCapabilities(false, true, true, true, true, true, false, true);
    private static final DateTimeFormatter ASIDE_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Path directory;
    private final Clock clock;
    private final FileDirectoryLock lock;
    private final AtomicLong corruptFiles = new AtomicLong();

    private FileStore(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
        this.lock = new FileDirectoryLock(directory);
    }

    /**
     * Opens the directory, creating it when missing, and removes the temp files of writers that
     * died mid-write.
     *
     * @param directory the store's directory
     * @param clock the time source for expiry
     * @return the open store
     * @throws StoreException naming the path and the system's error when the directory cannot be
     *     created or written
     */
    public static FileStore open(Path directory, Clock clock) {
        try {
            Files.createDirectories(directory);
            FileStore store = new FileStore(directory.toRealPath(), clock);
            store.lock.locked(store::removeLeftoverTempFiles);
            return store;
        } catch (IOException e) {
            throw new StoreException(
                    "Cannot use " + directory.toAbsolutePath() + " as a file store: " + describe(e), e);
        }
    }

    /**
     * Files found damaged and moved aside by this store since it was opened.
     *
     * @return how many files were moved aside
     */
    public long corruptFiles() {
        return corruptFiles.get();
    }

    @Override
    public String description() {
        return directory.toUri().toString();
    }

    @Override
    public StoreCapabilities declaredCapabilities() {
        return CAPABILITIES;
    }

    @Override
    public void ping() {
        locked("ping", "the directory", () -> null);
    }

    @Override
    public Optional<Record> get(String key) {
        return locked("get", "key " + key, () -> Optional.ofNullable(recordOf(read(key))));
    }

    @Override
    public Map<String, Record> getAll(Collection<String> keys) {
        return locked("getAll", keys.size() + " keys", () -> {
            Map<String, Record> found = new LinkedHashMap<>();
            for (String key : keys) {
                Record record = recordOf(read(key));
                if (record != null) {
                    found.put(key, record);
                }
            }
            return found;
        });
    }

    @Override
    public boolean putIfNewer(String key, Record record, Duration ttl) {
        long expiresAt = expiry(ttl);
        return locked("putIfNewer", "key " + key, () -> putIfNewerLocked(key, record, expiresAt));
    }

    /** All entries under one hold of the lock. */
    @Override
    public List<Boolean> putAllIfNewer(List<Map.Entry<String, Record>> entries, Duration ttl) {
        long expiresAt = expiry(ttl);
        return locked("putAllIfNewer", entries.size() + " keys", () -> {
            List<Boolean> written = new ArrayList<>(entries.size());
            for (Map.Entry<String, Record> entry : entries) {
                written.add(putIfNewerLocked(entry.getKey(), entry.getValue(), expiresAt));
            }
            return written;
        });
    }

    private boolean putIfNewerLocked(String key, Record record, long expiresAt) throws IOException {
        Record current = recordOf(read(key));
        if (current != null && current.version() > record.version()) {
            return false;
        }
        write(FileEntry.record(key, record, expiresAt));
        return true;
    }

    @Override
    public boolean compareAndSet(String key, long expectedVersion, Record record, Duration ttl) {
        long expiresAt = expiry(ttl);
        return locked("compareAndSet", "key " + key, () -> {
            Record current = recordOf(read(key));
            if ((current == null ? -1 : current.version()) != expectedVersion) {
                return false;
            }
            write(FileEntry.record(key, record, expiresAt));
            return true;
        });
    }

    @Override
    public boolean add(String key, Record record, Duration ttl) {
        long expiresAt = expiry(ttl);
        return locked("add", "key " + key, () -> {
            if (read(key) != null) {
                return false;
            }
            write(FileEntry.record(key, record, expiresAt));
            return true;
        });
    }

    @Override
    public boolean deleteIfEquals(String key, byte[] expected) {
        return locked("deleteIfEquals", "key " + key, () -> {
            if (!holds(read(key), expected)) {
                return false;
            }
            remove(key);
            return true;
        });
    }

    @Override
    public boolean touchIfEquals(String key, byte[] expected, Duration ttl) {
        long expiresAt = expiry(ttl);
        return locked("touchIfEquals", "key " + key, () -> {
            FileEntry current = read(key);
            if (!holds(current, expected)) {
                return false;
            }
            write(current.withExpiry(expiresAt));
            return true;
        });
    }

    @Override
    public boolean delete(String key) {
        return locked("delete", "key " + key, () -> {
            if (read(key) == null) {
                return false;
            }
            remove(key);
            return true;
        });
    }

    @Override
    public boolean touch(String key, Duration ttl) {
        long expiresAt = expiry(ttl);
        return locked("touch", "key " + key, () -> {
            FileEntry current = read(key);
            if (current == null) {
                return false;
            }
            write(current.withExpiry(expiresAt));
            return true;
        });
    }

    @Override
    public Optional<Duration> ttl(String key) {
        return locked("ttl", "key " + key, () -> {
            FileEntry current = read(key);
            return current == null
                    ? Optional.empty()
                    : Optional.of(Duration.ofMillis(current.expiresAtMillis() - clock.wallTimeMillis()));
        });
    }

    @Override
    public long increment(String key, long delta, Duration ttl) {
        long expiresAt = expiry(ttl);
        return locked("increment", "key " + key, () -> {
            FileEntry current = read(key);
            long value = (current == null ? 0 : current.counterValue()) + delta;
            write(FileEntry.counter(key, value, expiresAt));
            return value;
        });
    }

    /** Nothing to release: the lock file is opened per operation, and the files stay for the next process. */
    @Override
    public void close() {}

    private static Record recordOf(FileEntry entry) {
        return entry == null ? null : entry.toRecord();
    }

    private static boolean holds(FileEntry entry, byte[] expected) {
        return entry != null && entry.kind() == FileEntry.Kind.RECORD && Arrays.equals(entry.data(), expected);
    }

    /** The live entry of the key, or null; an expired file is deleted, a damaged one moved aside. */
    private FileEntry read(String key) throws IOException {
        Path file = fileOf(key);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
        FileEntry entry;
        try {
            entry = FileFormat.decode(bytes, key);
        } catch (FileFormat.CorruptException e) {
            moveAside(file, e.getMessage());
            return null;
        } catch (FileFormat.NewerFormatException e) {
            throw new FileSystemException(file.toString(), null, e.getMessage());
        }
        if (entry.expiresAtMillis() <= clock.wallTimeMillis()) {
            Files.deleteIfExists(file);
            return null;
        }
        return entry;
    }

    private void write(FileEntry entry) throws IOException {
        Path temp = directory.resolve(TEMP_PREFIX + UUID.randomUUID());
        try {
            try (FileChannel channel = FileChannel.open(temp, CREATE_NEW, WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(FileFormat.encode(entry));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                // On disk before the rename makes it visible: after a crash the name holds old or new, whole.
                channel.force(true);
            }
            Files.move(temp, fileOf(entry.key()), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp); // only left when the write or the rename failed
        }
        syncDirectory();
    }

    private void remove(String key) throws IOException {
        Files.deleteIfExists(fileOf(key));
        syncDirectory();
    }

    /** Makes the renames and deletes in the directory durable. */
    private void syncDirectory() {
        try (FileChannel channel = FileChannel.open(directory, READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some systems (Windows) cannot open a directory to sync it; the rename itself is done.
            LOG.debug("Could not sync directory {}: {}", directory, e.toString());
        }
    }

    private void moveAside(Path file, String reason) throws IOException {
        String base = file.getFileName() + ".corrupt-" + ASIDE_TIME.format(clock.instant());
        Path aside = file.resolveSibling(base);
        for (int n = 1; Files.exists(aside); n++) {
            aside = file.resolveSibling(base + "-" + n);
        }
        Files.move(file, aside);
        corruptFiles.incrementAndGet();
        LOG.warn(
                "Moved the corrupt file {} aside to {}: {}. Its key reads as absent.",
                file,
                aside.getFileName(),
                reason);
    }

    private Void removeLeftoverTempFiles() throws IOException {
        // Writers make temp files only while they hold the lock, which the caller holds now.
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(directory, TEMP_PREFIX + "*")) {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
            }
        }
        return null;
    }

    private Path fileOf(String key) {
        return directory.resolve(FileNames.of(key));
    }

    private long expiry(Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("A time to live must be positive, got " + ttl);
        }
        long millis =
                ttl.compareTo(Duration.ofMillis(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : Math.max(1, ttl.toMillis());
        long now = clock.wallTimeMillis();
        return millis > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + millis;
    }

    private <T> T locked(String op, String subject, FileDirectoryLock.Action<T> action) {
        try {
            return lock.locked(action);
        } catch (IOException e) {
            throw new StoreException(
                    "File store " + directory + " failed " + op + " of " + subject + ": " + describe(e), e);
        }
    }

    /** The system's error with the path it names, e.g. "AccessDeniedException: /var/lib/tasker". */
    private static String describe(IOException e) {
        return e instanceof FileSystemException ? e.getClass().getSimpleName() + ": " + e.getMessage() : e.toString();
    }
}
