package io.tasker.metrics.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** W3C Trace Context parsing as the specification says, tracestate carried, and the task and step contexts. */
class TraceContextTest {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";
    private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");

    @Example
    void futureVersionsAreReadAsFarAsVersion00Goes() {
        Traceparent v1 = Traceparent.parse("01-" + TRACE + "-" + SPAN + "-01");
        assertEquals(TRACE, v1.traceId());
        Traceparent longer = Traceparent.parse("cc-" + TRACE + "-" + SPAN + "-03-what-the-future-will-add");
        assertEquals(SPAN, longer.spanId());
        assertEquals(3, longer.flags());
        assertTrue(longer.sampled());
        assertEquals("00-" + TRACE + "-" + SPAN + "-03", longer.toString(), "we write the version we know");
    }

    @Example
    void deviationsAreRefused() {
        for (String bad : List.of(
                "00-" + TRACE + "-" + SPAN + "-01-", // version 00 ends after its flags
                "00-" + TRACE + "-" + SPAN + "-01x",
                "01-" + TRACE + "-" + SPAN + "-01x", // a later version's additions follow a dash
                "ff-" + TRACE + "-" + SPAN + "-01", // version ff is invalid
                "0g-" + TRACE + "-" + SPAN + "-01",
                "00-" + TRACE.toUpperCase() + "-" + SPAN + "-01",
                "00-" + TRACE + "-" + SPAN.toUpperCase() + "-01",
                "00-" + TRACE + "-" + SPAN + "-0G",
                "00-" + TRACE + "-" + SPAN + "-1",
                "00-" + "0".repeat(32) + "-" + SPAN + "-01",
                "00-" + TRACE + "-" + "0".repeat(16) + "-01",
                "00_" + TRACE + "-" + SPAN + "-01",
                "00-" + TRACE.substring(1) + "-" + SPAN + "-01",
                "")) {
            assertThrows(IllegalArgumentException.class, () -> Traceparent.parse(bad), bad);
        }
        assertEquals(
                TRACE,
                Traceparent.parse("  00-" + TRACE + "-" + SPAN + "-01\t").traceId(),
                "HTTP's optional whitespace");
    }

    @Example
    void tracestateIsCarriedAndABadOneDroppedWithoutRefusingTheTraceparent() {
        String header = "00-" + TRACE + "-" + SPAN + "-01";
        assertEquals(
                "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7",
                Traceparent.parse(header, "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7")
                        .tracestate());
        assertEquals(
                "tenant@vendor=x", Traceparent.parse(header, "tenant@vendor=x").tracestate());
        String tooMany = IntStream.range(0, 33).mapToObj(i -> "k" + i + "=v").collect(Collectors.joining(","));
        for (String bad : List.of("Upper=1", "a=1,a=2", "a=b=c", "=x", "a=", "a=x\u0001y", "a=\u00e9", tooMany)) {
            assertEquals("", Traceparent.parse(header, bad).tracestate(), bad);
        }
    }

    @Property
    void whatIsWrittenIsReadBack(
            @ForAll("ids") String traceId,
            @ForAll("spanIds") String spanId,
            @ForAll("flags") int flags,
            @ForAll("versions") String version) {
        Traceparent written = new Traceparent(traceId, spanId, flags, "");
        assertEquals(written, Traceparent.parse(written.toString()));
        String future = version + written.toString().substring(2) + (version.equals("00") ? "" : "-extra");
        assertEquals(written, Traceparent.parse(future));
    }

    @Example
    void aTaskHasItsOwnSpanInItsCallersTraceAndEachStepAttemptOneUnderIt() {
        Traceparent caller = Traceparent.parse("00-" + TRACE + "-" + SPAN + "-01", "vendor=abc");
        TaskStarted started =
                new TaskStarted("12345", "payment_processing", T0, java.util.Map.of(), Optional.of(caller));
        Traceparent task = TraceIds.task(started);
        assertEquals(TRACE, task.traceId());
        assertNotEquals(SPAN, task.spanId());
        assertEquals("vendor=abc", task.tracestate());
        assertEquals(task, TraceIds.task("12345", T0, Optional.of(caller)), "any process computes the same");
        Traceparent first = TraceIds.step(task, "charge_card", 1);
        Traceparent second = TraceIds.step(task, "charge_card", 2);
        assertEquals(TRACE, first.traceId());
        assertNotEquals(first.spanId(), second.spanId());
        assertNotEquals(task.spanId(), first.spanId());
    }

    @Example
    void aTaskWithoutACallerStartsATraceOfItsOwnPerRun() {
        Traceparent one = TraceIds.task(new TaskStarted("12345", "t", T0));
        Traceparent again = TraceIds.task(new TaskStarted("12345", "t", T0.plusSeconds(60)));
        assertNotEquals(one.traceId(), again.traceId(), "a rerun is a trace of its own");
        assertTrue(one.sampled());
        assertFalse(one.traceId().equals("0".repeat(32)));
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.bytes()
                .array(byte[].class)
                .ofSize(16)
                .map(b -> HexFormat.of().formatHex(b))
                .filter(s -> !s.equals("0".repeat(32)));
    }

    @Provide
    Arbitrary<String> spanIds() {
        return Arbitraries.bytes()
                .array(byte[].class)
                .ofSize(8)
                .map(b -> HexFormat.of().formatHex(b))
                .filter(s -> !s.equals("0".repeat(16)));
    }

    @Provide
    Arbitrary<Integer> flags() {
        return Arbitraries.integers().between(0, 255);
    }

    @Provide
    Arbitrary<String> versions() {
        return Arbitraries.integers().between(0, 254).map(v -> String.format("%02x", v));
    }
}
