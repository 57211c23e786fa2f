package io.tasker.metrics.export.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A million series export within a 256 MB heap: the snapshot itself takes most of it, so the
 * export must hold no more than a batch at a time.
 */
class RemoteWriteMillionSeriesTest {
    @Test
    void aMillionSeriesExportWithin256MegabytesOfHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        MillionSeriesWorker.class.getName(),
                        "1000000")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
        assertEquals(0, process.exitValue(), output);
        String result = output.lines()
                .filter(l -> l.startsWith("RESULT "))
                .findFirst()
                .orElseThrow(() -> new AssertionError(output));
        System.out.println("remote write, 1,000,000 series in -Xmx256m: " + result);
        assertTrue(result.startsWith("RESULT success=true requests=1000 series=1000000 received=1000000 "), result);
    }
}
