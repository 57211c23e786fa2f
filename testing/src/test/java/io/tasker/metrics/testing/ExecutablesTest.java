package io.tasker.metrics.testing;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutablesTest {

    @Test
    void findsEveryToolTheTestsNeed() {
        assertAll(
                () -> assertTrue(Files.isExecutable(Executables.redisServer())),
                () -> assertTrue(Files.isExecutable(Executables.memcached())),
                () -> assertTrue(Files.isExecutable(Executables.prometheus())),
                () -> assertTrue(Files.isExecutable(Executables.promtool())),
                () -> assertEquals(Path.of("/usr/bin/chromium"), Executables.chromium()),
                () -> assertEquals(Path.of("/usr/bin/chromedriver"), Executables.chromedriver()));
    }

    @Test
    void missingCommandFailsNamingThePackageAndBinTest() {
        Executables.MissingExecutableError error = assertThrows(
                Executables.MissingExecutableError.class,
                () -> Executables.require("tasker-no-such-tool", "tasker-no-such-package"));

        assertAll(
                () -> assertEquals("tasker-no-such-package", error.debianPackage()),
                () -> assertTrue(error.getMessage().contains("'tasker-no-such-tool'"), error.getMessage()),
                () -> assertTrue(error.getMessage().contains("on PATH"), error.getMessage()),
                () -> assertTrue(
                        error.getMessage().contains("Debian package 'tasker-no-such-package'"), error.getMessage()),
                () -> assertTrue(error.getMessage().contains("bin/test"), error.getMessage()),
                () -> assertTrue(
                        error.getMessage().contains("sudo apt-get install -y tasker-no-such-package"),
                        error.getMessage()));
    }

    @Test
    void missingAbsolutePathFailsNamingThatPath() {
        AssertionError error =
                assertThrows(AssertionError.class, () -> Executables.require("/nonexistent/chromium", "chromium"));

        assertTrue(error.getMessage().contains("at /nonexistent/chromium"), error.getMessage());
    }

    @Test
    void aFileThatIsNotExecutableDoesNotCount(@TempDir Path dir) throws IOException {
        Path plain = Files.writeString(dir.resolve("plain"), "not a program");
        Files.setPosixFilePermissions(plain, PosixFilePermissions.fromString("rw-r--r--"));

        assertTrue(Executables.find(plain.toString()).isEmpty());
    }

    @Test
    void firstLineIsWhatACommandPrintsFirstTrimmed() {
        assertEquals("one", Executables.firstLine("/bin/sh", "-c", "echo '  one  '; echo two"));
        assertEquals("to stderr", Executables.firstLine("/bin/sh", "-c", "echo 'to stderr' >&2"));
        assertEquals("", Executables.firstLine("/bin/sh", "-c", "exit 0"));
    }

    @Test
    void firstLineOfACommandThatCannotRunSaysWhy() {
        String line = Executables.firstLine("/nonexistent/tasker-tool", "--version");

        assertTrue(line.startsWith("(/nonexistent/tasker-tool --version failed: "), line);
    }
}
