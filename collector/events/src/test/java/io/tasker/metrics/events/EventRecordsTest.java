package io.tasker.metrics.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventRecordsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void traceparentRoundTripsAndBadOnesSayWhatIsExpected() {
        String header = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        Traceparent parent = Traceparent.parse(header);
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", parent.traceId());
        assertEquals(header, parent.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Traceparent.parse("abc"));
        assertEquals(
                "Invalid traceparent 'abc': expected 00-<32 hex trace id>-<16 hex span id>-<2 hex flags> (lowercase)",
                e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> Traceparent.parse("00-00000000000000000000000000000000-00f067aa0ba902b7-01"));
    }

    @Test
    void recordsCopyTheirAttributesAndRejectWhatCannotBe() {
        Map<String, String> attributes = new HashMap<>(Map.of("customer", "42"));
        StepStarted step = new StepStarted("12345", "payment_processing", "charge_card", 1, T0, attributes, null);
        attributes.put("customer", "changed");
        assertEquals(Map.of("customer", "42"), step.attributes());
        assertEquals(Optional.empty(), step.traceparent());
        assertEquals(
                "A step's attempt counts from 1, not 0",
                assertThrows(IllegalArgumentException.class, () -> new StepStarted("1", "t", "s", 0, T0))
                        .getMessage());
        assertEquals(
                "An event's task id must not be empty",
                assertThrows(IllegalArgumentException.class, () -> new TaskStarted(" ", "t", T0))
                        .getMessage());
        assertTrue(assertThrows(
                        IllegalArgumentException.class, () -> new TaskCompleted("1", "t", T0, Duration.ofMillis(-1)))
                .getMessage()
                .contains("zero or more"));
        assertThrows(IllegalArgumentException.class, () -> new StepRetried("1", "t", "s", 1, T0));
    }

    @Test
    void aFailureFromAThrowableKeepsTypeMessageAndStack() {
        Failure f = Failure.of(new IllegalStateException("card declined"));
        assertEquals("java.lang.IllegalStateException", f.type());
        assertEquals("card declined", f.message());
        assertTrue(f.stackTrace().contains("EventRecordsTest"), f.stackTrace());
    }
}
