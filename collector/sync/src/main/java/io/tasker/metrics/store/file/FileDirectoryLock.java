package io.tasker.metrics.store.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lock around every operation of a {@link FileStore}: an exclusive {@link FileLock} on the
 * directory's {@code .lock} file keeps other processes out, and a lock per directory shared by the
 * whole JVM keeps other threads out, since a file lock is held by the JVM, not by a thread. The
 * lock file's channel is opened only while that JVM lock is held, because closing any channel of
 * a file can release every lock the JVM holds on it.
 *
 * <p>{@code lock.locked(() -> Files.readAllBytes(file))}
 */
final class FileDirectoryLock {

    static final String LOCK_FILE = ".lock";

    private static final ConcurrentMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path lockFile;
    private final ReentrantLock jvmLock;

    /** @param directory the real path, so that two spellings of one directory share one lock */
    FileDirectoryLock(Path directory) {
        this.lockFile = directory.resolve(LOCK_FILE);
        this.jvmLock = JVM_LOCKS.computeIfAbsent(directory, d -> new ReentrantLock());
    }

    /** Work on the directory's files, with the IO errors it may raise. */
    @FunctionalInterface
    interface Action<T> {
        T run() throws IOException;
    }

    <T> T locked(Action<T> action) throws IOException {
        if (jvmLock.isHeldByCurrentThread()) {
            // A second FileLock from this JVM would throw OverlappingFileLockException.
            throw new IllegalStateException("The lock of " + lockFile + " is not reentrant");
        }
        jvmLock.lock();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock fileLock = channel.lock();
            try {
                return action.run();
            } finally {
                // An interrupt closes the channel, which has released the lock already.
                if (fileLock.isValid()) {
                    fileLock.release();
                }
            }
        } finally {
            jvmLock.unlock();
        }
    }
}
