package io.tasker.metrics.export.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.export.ExportFormat;
import io.tasker.metrics.export.ExportRecord;
import io.tasker.metrics.export.ExportTiming;
import io.tasker.metrics.export.ExportTrigger;
import io.tasker.metrics.export.RemoteWriteDestination;
import io.tasker.metrics.testing.FreePorts;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A secret in the remote-write URL's query string ({@code ?api_key=SECRET}) never reaches an
 * error, a log line, the destination the export history keeps, or anything read back from it.
 */
class RemoteWriteUrlSecretsTest {
    private static final String SECRET = "S3CR3T-KEY";

    @Test
    void errorsAndTheDestinationShowTheEndpointWithItsSecretMasked() {
        try (RecordingReceiver receiver = RecordingReceiver.start().then(RecordingReceiver.Reply.status(400, "bad"))) {
            URI endpoint = URI.create(receiver.endpoint() + "?api_key=" + SECRET + "&tenant=team-a");
            RemoteWriteClient client = new RemoteWriteClient(settings(endpoint));
            RemoteWriteResult refused = client.push(RemoteWriteEncoderTest.fixture(RemoteWriteEncoderTest.AT));
            assertFalse(refused.error().contains(SECRET), refused.error());
            assertTrue(refused.error().contains("?api_key=***&tenant=team-a"), refused.error());
            String destination = new RemoteWriteDestination(client).describe();
            assertEquals(receiver.endpoint() + "?api_key=***&tenant=team-a", destination);
            assertFalse(
                    client.settings().toString().contains(SECRET),
                    client.settings().toString());
        }
    }

    @Test
    void anUnreachableEndpointsErrorMasksItToo() {
        URI endpoint = URI.create("http://127.0.0.1:" + FreePorts.next() + "/write?X-Auth-Token=" + SECRET);
        RemoteWriteResult unreachable = new RemoteWriteClient(settings(endpoint))
                .push(RemoteWriteEncoderTest.fixture(RemoteWriteEncoderTest.AT));
        assertFalse(unreachable.error().contains(SECRET), unreachable.error());
    }

    @Test
    void theHistoryNeverHoldsTheSecretEvenFromAnOlderWriter() {
        // A record written before the mask, read back from the store or the console's database.
        ExportRecord old = new ExportRecord(
                Instant.EPOCH,
                ExportFormat.REMOTE_WRITE,
                "http://vm/write?token=" + SECRET,
                ExportTrigger.CLI,
                ExportRecord.Outcome.FAILED,
                0,
                0,
                0,
                1,
                "HTTP 401 from http://vm/write?token=" + SECRET + ": denied",
                "web-1",
                0,
                ExportTiming.Reason.ON_DEMAND);
        assertEquals("http://vm/write?token=***", old.destination());
        assertFalse(old.error().contains(SECRET), old.error());
    }

    private static RemoteWriteSettings settings(URI endpoint) {
        return new RemoteWriteSettings(endpoint, null, null, Duration.ofSeconds(2), 0, Compression.SNAPPY, 1000, false);
    }
}
