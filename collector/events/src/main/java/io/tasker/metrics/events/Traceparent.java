package io.tasker.metrics.events;

import java.util.regex.Pattern;

/**
 * A W3C Trace Context: the {@code traceparent} header (trace id, parent span id, flags) and the
 * {@code tracestate} that travels with it. On a task's event it is the caller's span, which makes
 * the task part of the caller's trace; on a step's event published in another process it is
 * the task's span ({@link TraceIds#task}), which makes the step its child.
 *
 * <pre>{@code
 * Traceparent parent = Traceparent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "vendor=abc");
 * }</pre>
 *
 * <p>Parsing follows the Trace Context specification: version {@code 00} is exactly 55
 * characters; a higher version is read as far as version 00's fields go, and its own additions
 * (after a {@code -}) are ignored, so a newer caller still joins; version {@code ff}, upper-case
 * hex, all-zero ids, a trailing {@code -} on version 00 and any other deviation are refused. A
 * {@code tracestate} that breaks the specification's rules is dropped, as the specification
 * says, without refusing the traceparent.
 *
 * @param traceId 32 lowercase hex digits, not all zero
 * @param spanId 16 lowercase hex digits, not all zero: the parent span
 * @param flags the trace flags; bit 0 is "sampled"
 * @param tracestate the {@code tracestate} header value, or empty
 */
public record Traceparent(String traceId, String spanId, int flags, String tracestate) {
    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern SPAN_ID = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern HEX2 = Pattern.compile("[0-9a-f]{2}");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_SPAN = "0".repeat(16);
    private static final int VERSION_00_LENGTH = 55;

    /**
     * Checks the ids (lowercase hex, not all zero) and the flags; drops a tracestate that breaks the rules.
     *
     * @param traceId 32 lowercase hex digits, not all zero
     * @param spanId 16 lowercase hex digits, not all zero
     * @param flags the trace flags, 0 to 255
     * @param tracestate the tracestate header value, or null or empty
     */
    public Traceparent {
        if (traceId == null || !TRACE_ID.matcher(traceId).matches() || traceId.equals(ZERO_TRACE)) {
            throw new IllegalArgumentException("Invalid trace id '" + traceId
                    + "' in traceparent: expected 32 lowercase hex digits, not all zero");
        }
        if (spanId == null || !SPAN_ID.matcher(spanId).matches() || spanId.equals(ZERO_SPAN)) {
            throw new IllegalArgumentException("Invalid parent span id '" + spanId
                    + "' in traceparent: expected 16 lowercase hex digits, not all zero");
        }
        if (flags < 0 || flags > 0xff) {
            throw new IllegalArgumentException("Invalid trace flags " + flags + ": expected 0 to 255");
        }
        tracestate = Tracestate.valid(tracestate) ? tracestate.strip() : "";
    }

    /**
     * A context without tracestate.
     *
     * @param traceId 32 lowercase hex digits, not all zero
     * @param spanId 16 lowercase hex digits, not all zero
     * @param sampled whether the caller sampled its span
     */
    public Traceparent(String traceId, String spanId, boolean sampled) {
        this(traceId, spanId, sampled ? 1 : 0, "");
    }

    /**
     * Parses a {@code traceparent} header.
     *
     * @param header the header value, such as {@code 00-<trace id>-<span id>-01}
     * @return the context, with no tracestate
     * @throws IllegalArgumentException with the expected form, when the value breaks the specification
     */
    public static Traceparent parse(String header) {
        return parse(header, null);
    }

    /**
     * Parses a {@code traceparent} header and the {@code tracestate} that came with it.
     *
     * @param header the traceparent value
     * @param tracestate the tracestate value, or null; dropped when it breaks the specification
     * @return the context
     * @throws IllegalArgumentException with the expected form, when the traceparent breaks the specification
     */
    public static Traceparent parse(String header, String tracestate) {
        String h = header == null ? "" : header.strip(); // HTTP's optional whitespace around a value
        if (h.length() < VERSION_00_LENGTH
                || !HEX2.matcher(h.substring(0, 2)).matches()
                || h.startsWith("ff")
                || h.charAt(2) != '-'
                || h.charAt(35) != '-'
                || h.charAt(52) != '-'
                || !HEX2.matcher(h.substring(53, 55)).matches()
                || !ending(h)) {
            throw new IllegalArgumentException("Invalid traceparent '" + header
                    + "': expected 00-<32 hex trace id>-<16 hex span id>-<2 hex flags> (lowercase)");
        }
        return new Traceparent(
                h.substring(3, 35), h.substring(36, 52), Integer.parseInt(h.substring(53, 55), 16), tracestate);
    }

    /** Version 00 ends after its flags; a later version may go on, after a dash. */
    private static boolean ending(String h) {
        if (h.startsWith("00")) {
            return h.length() == VERSION_00_LENGTH;
        }
        return h.length() == VERSION_00_LENGTH || h.charAt(VERSION_00_LENGTH) == '-';
    }

    /**
     * Whether the caller sampled its span.
     *
     * @return bit 0 of the flags
     */
    public boolean sampled() {
        return (flags & 1) == 1;
    }

    /**
     * The same trace with another span as the parent (the flags and tracestate carried on).
     *
     * @param childSpanId the new span id
     * @return a context naming that span
     */
    public Traceparent withSpanId(String childSpanId) {
        return new Traceparent(traceId, childSpanId, flags, tracestate);
    }

    /**
     * The {@code traceparent} header value, as it travels to another process (always version 00,
     * the version this code writes).
     *
     * @return {@code 00-<trace id>-<span id>-<flags>}
     */
    @Override
    public String toString() {
        return "00-" + traceId + "-" + spanId + "-" + String.format("%02x", flags);
    }
}
