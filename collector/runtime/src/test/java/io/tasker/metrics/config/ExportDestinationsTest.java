package io.tasker.metrics.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.Clock;
import io.tasker.metrics.export.ExportDestination;
import io.tasker.metrics.export.ExportFormat;
import io.tasker.metrics.export.FileDestination;
import io.tasker.metrics.export.RemoteWriteDestination;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which destination a format and a configuration give: remote write, or a file. */
class ExportDestinationsTest {
    private static final TaskerConfig FILES = ConfigLoader.load(Optional.empty(), Map.of());
    private static final TaskerConfig PUSHING =
            ConfigLoader.load(Optional.empty(), Map.of("PROMETHEUS_ENDPOINT", "http://prometheus:9090/api/v1/write"));

    @Test
    void prometheusGoesToTheEndpointWhenOneIsConfiguredAndToAFileOtherwise() {
        assertTrue(ExportDestinations.forConfig(PUSHING, null, Clock.SYSTEM) instanceof RemoteWriteDestination);
        assertEquals(
                "http://prometheus:9090/api/v1/write",
                ExportDestinations.forConfig(PUSHING, "prometheus", Clock.SYSTEM)
                        .describe());
        ExportDestination file = ExportDestinations.forConfig(FILES, null, Clock.SYSTEM);
        assertTrue(file instanceof FileDestination, file.toString());
        assertEquals(ExportFormat.PROMETHEUS, file.format());
    }

    @Test
    void otherFormatsAlwaysGoToFiles() {
        for (String format : new String[] {"json", "csv", "openmetrics", "JSON"}) {
            ExportDestination d = ExportDestinations.forConfig(PUSHING, format, Clock.SYSTEM);
            assertTrue(d instanceof FileDestination, format);
        }
    }

    @Test
    void remoteWriteWithoutAnEndpointAndUnknownFormatsSayWhatToDo() {
        IllegalArgumentException missing = assertThrows(
                IllegalArgumentException.class,
                () -> ExportDestinations.forConfig(FILES, "remote_write", Clock.SYSTEM));
        assertTrue(missing.getMessage().contains("telemetry.prometheus.endpoint"), missing.getMessage());
        IllegalArgumentException unknown = assertThrows(
                IllegalArgumentException.class, () -> ExportDestinations.forConfig(FILES, "xml", Clock.SYSTEM));
        assertTrue(
                unknown.getMessage().startsWith("Unknown format 'xml'; use one of [prometheus,"), unknown.getMessage());
    }
}
