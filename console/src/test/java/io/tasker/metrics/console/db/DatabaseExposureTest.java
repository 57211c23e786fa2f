package io.tasker.metrics.console.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file database opens no listener: H2's automatic mixed mode served the file on every interface
 * and wrote the port and its key into a world-readable lock file, and a connection with that key
 * ran code in the console. The directory made for the file is readable by its owner alone.
 */
class DatabaseExposureTest {
    @TempDir
    Path dir;

    @Test
    void aFileDatabaseOpensNoPortAndWritesNoKey() throws IOException {
        Set<Integer> before = Listeners.ofThisProcess();
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("data/console"))) {
            assertTrue(db.ping());
            Set<Integer> opened = new HashSet<>(Listeners.ofThisProcess());
            opened.removeAll(before);
            assertEquals(Set.of(), opened, "ports the database opened");
            try (Stream<Path> files = Files.list(dir.resolve("data"))) {
                for (Path f : files.toList()) {
                    assertFalse(
                            f.getFileName().toString().endsWith(".lock.db")
                                    && Files.readString(f).contains("server="),
                            "a lock file naming a server: " + f);
                }
            }
        }
    }

    @Test
    void theDirectoryMadeForTheDatabaseIsPrivate() throws IOException {
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("data/console"))) {
            assertEquals(
                    "rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data"))));
        }
    }

    /** Listening TCP ports of this JVM, from /proc: the sockets among its file descriptors in state LISTEN. */
    static final class Listeners {
        private Listeners() {}

        static Set<Integer> ofThisProcess() throws IOException {
            Set<String> inodes = new HashSet<>();
            try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
                for (Path fd : fds.toList()) {
                    try {
                        String target = Files.readSymbolicLink(fd).toString();
                        if (target.startsWith("socket:[")) {
                            inodes.add(target.substring(8, target.length() - 1));
                        }
                    } catch (IOException closedMeanwhile) {
                        // The descriptor went away while listed.
                    }
                }
            }
            Set<Integer> ports = new HashSet<>();
            for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                List<String> lines = Files.readAllLines(Path.of(table));
                for (String line : lines.subList(1, lines.size())) {
                    String[] f = line.trim().split("\\s+");
                    if ("0A".equals(f[3]) && inodes.contains(f[9])) {
                        ports.add(Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16));
                    }
                }
            }
            return ports;
        }
    }
}
