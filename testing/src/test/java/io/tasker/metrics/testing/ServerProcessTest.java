package io.tasker.metrics.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerProcessTest {

    @TempDir
    Path dir;

    @Test
    void earlyExitFailsWithExitCodeAndLastOutput() {
        ServerProcess server = shell("echo 'Address already in use'; exit 3", Duration.ofSeconds(20));

        ServerStartException error = assertThrows(ServerStartException.class, server::start);

        assertTrue(error.getMessage().contains("exited with code 3"), error.getMessage());
        assertTrue(error.getMessage().contains("Address already in use"), error.getMessage());
        assertTrue(error.portInUse());
        assertFalse(server.isRunning());
    }

    @Test
    void silentServerFailsAfterTheTimeoutAndIsStopped() {
        ServerProcess server = shell("echo 'still loading'; exec sleep 60", Duration.ofSeconds(1));

        ServerStartException error = assertThrows(ServerStartException.class, server::start);

        assertTrue(error.getMessage().contains("did not answer within 1 s"), error.getMessage());
        assertTrue(error.getMessage().contains("still loading"), error.getMessage());
        assertFalse(error.portInUse());
        assertFalse(server.isRunning());
    }

    private ServerProcess shell(String script, Duration timeout) {
        int port = FreePorts.next();
        return new ServerProcess(
                "fake",
                port,
                List.of("/bin/sh", "-c", script),
                ReadinessProbe.redisPing(),
                dir.resolve("fake.log"),
                timeout);
    }
}
