package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/console}'s flags as a process sees them: {@code --env} selects the file's environment. */
class ConsoleMainTest {
    @TempDir
    Path dir;

    @Test
    void envNamesTheEnvironmentAndAnUnknownOneIsAUsageErrorListingTheKnownOnes() throws Exception {
        Path config = dir.resolve("tasker.yml");
        Files.writeString(
                config,
                "environments:\n  production:\n    telemetry:\n      sync_interval: 20s\n"
                        + "  development:\n    telemetry:\n      sync_interval: 5s\n");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        ConsoleMain.class.getName(),
                        "--config",
                        config.toString(),
                        "--env",
                        "staging"))
                .redirectErrorStream(true);
        builder.environment().remove("TASKER_ENV");
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), output);
        assertEquals(2, p.exitValue(), output);
        assertTrue(
                output.contains("unknown environment 'staging'; the known ones are production, development"), output);
    }

    @Test
    void anIpv6BindAddressIsBracketedInTheAddressToOpen() {
        assertEquals("http://[::1]:7070/", ConsoleMain.url("::1", 7070));
        assertEquals("http://[fe80::1%25eth0]:7070/", ConsoleMain.url("fe80::1%eth0", 7070));
        assertEquals("http://[::1]:7070/", ConsoleMain.url("[::1]", 7070), "already bracketed");
        assertEquals("http://127.0.0.1:7070/", ConsoleMain.url("127.0.0.1", 7070));
        assertEquals("http://localhost:8080/", ConsoleMain.url("localhost", 8080));
    }
}
