package io.tasker.metrics.events;

import java.util.regex.Pattern;

/**
 * A W3C trace context {@code traceparent} (version 00): the trace and the parent span that a step
 * run elsewhere belongs to.
 *
 * <pre>{@code
 * Traceparent parent = Traceparent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
 * }</pre>
 *
 * @param traceId the trace id: 32 lowercase hex digits, not all zero
 * @param spanId the parent span id: 16 lowercase hex digits, not all zero
 * @param sampled whether the sampled flag is set
 */
public record Traceparent(String traceId, String spanId, boolean sampled) {
    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern SPAN_ID = Pattern.compile("[0-9a-f]{16}");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_SPAN = "0".repeat(16);

    /**
     * Checks the ids.
     *
     * @param traceId the trace id: 32 lowercase hex digits, not all zero
     * @param spanId the parent span id: 16 lowercase hex digits, not all zero
     * @param sampled whether the sampled flag is set
     * @throws IllegalArgumentException for an id of another form
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
    }

    /**
     * Parses {@code 00-<trace id>-<span id>-<flags>}, failing with a message that shows the expected form.
     *
     * @param header the {@code traceparent} header value
     * @return the trace context
     * @throws IllegalArgumentException for a value that is not a version 00 traceparent
     */
    public static Traceparent parse(String header) {
        String[] parts = header == null ? new String[0] : header.trim().split("-");
        if (parts.length != 4 || !parts[0].equals("00") || parts[3].length() != 2) {
            throw new IllegalArgumentException("Invalid traceparent '" + header
                    + "': expected 00-<32 hex trace id>-<16 hex span id>-<2 hex flags>");
        }
        int flags;
        try {
            flags = Integer.parseInt(parts[3], 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid traceparent flags '" + parts[3] + "' in '" + header + "'", e);
        }
        return new Traceparent(parts[1], parts[2], (flags & 1) == 1);
    }

    /** The header value, as it travels to another process. */
    @Override
    public String toString() {
        return "00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00");
    }
}
