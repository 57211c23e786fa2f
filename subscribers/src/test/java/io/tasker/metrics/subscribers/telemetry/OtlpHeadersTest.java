package io.tasker.metrics.subscribers.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.config.OtlpHeaders;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code OTEL_EXPORTER_OTLP_HEADERS}: a malformed entry is named by its place, never printed (it is
 * most likely a credential: {@code 'Authorization: Bearer X'} was printed whole), and values are
 * percent-decoded without turning {@code +} into a space, which corrupted base64 tokens.
 */
class OtlpHeadersTest {
    private static final String SOURCE = "OTEL_EXPORTER_OTLP_HEADERS";

    @Test
    void aMalformedHeaderIsNamedByItsPlaceAndNeverPrinted() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> OtlpHeaders.parse(SOURCE, "x-tenant=a,Authorization: Bearer S3CR3T"));
        assertFalse(e.getMessage().contains("S3CR3T") || e.getMessage().contains("Authorization:"), e.getMessage());
        assertTrue(
                e.getMessage().contains(SOURCE)
                        && e.getMessage().contains("entry 2 of 2")
                        && e.getMessage().contains("key=value"),
                e.getMessage());
    }

    @Test
    void aBadEscapeIsNamedWithoutItsValue() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> OtlpHeaders.parse(SOURCE, "Authorization=Bearer%zzS3CR3T"));
        assertFalse(e.getMessage().contains("S3CR3T"), e.getMessage());
        assertTrue(e.getMessage().contains(SOURCE) && e.getMessage().contains("Authorization"), e.getMessage());
    }

    @Test
    void aBase64TokenKeepsItsPlusSigns() {
        assertEquals(
                Map.of("Authorization", "Basic dX+/w==", "x-tenant", "team a"),
                OtlpHeaders.parse(SOURCE, "Authorization=Basic%20dX+/w==, x-tenant=team%20a"));
    }
}
