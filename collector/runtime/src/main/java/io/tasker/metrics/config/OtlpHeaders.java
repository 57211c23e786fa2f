package io.tasker.metrics.config;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The OTLP header list ({@code key1=value1,key2=value2}, values percent-encoded as W3C Baggage
 * encodes them), for traces and for the OTLP metrics export alike. Parsed here rather than by
 * the SDK alone for two reasons: the SDK decodes with
 * {@code URLDecoder}, which turns a {@code +} into a space and so corrupts base64 tokens, and an
 * error must never show the value, which is usually a credential. The parsed headers are handed
 * to the SDK re-encoded ({@link #encode}) so that its decoder gives back exactly these bytes.
 *
 * <pre>{@code
 * Map<String, String> headers = OtlpHeaders.parse("OTEL_EXPORTER_OTLP_HEADERS", "x-api-key=abc%2Bdef");
 * }</pre>
 */
public final class OtlpHeaders {
    private OtlpHeaders() {}

    /**
     * Parses a header list.
     *
     * @param source the variable, property or key the text came from, for the message
     * @param text the list, or null
     * @return the headers, in order, values decoded
     * @throws IllegalArgumentException naming the source and the entry's position, never its text
     */
    public static Map<String, String> parse(String source, String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        String[] entries = text.split(",");
        for (int i = 0; i < entries.length; i++) {
            if (entries[i].isBlank()) {
                continue;
            }
            int eq = entries[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(source + ": entry " + (i + 1) + " of " + entries.length
                        + " is not key=value (value not shown); write headers as key1=value1,key2=value2");
            }
            String key = entries[i].substring(0, eq).trim();
            out.put(key, percentDecode(source, key, entries[i].substring(eq + 1).trim()));
        }
        return out;
    }

    /**
     * The form the SDK's {@code URLDecoder} turns back into exactly these values.
     *
     * @param headers decoded headers
     * @return the list to hand to the SDK
     */
    public static String encode(Map<String, String> headers) {
        return headers.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining(","));
    }

    /** Percent-decoding only: a {@code +} stays a plus. */
    private static String percentDecode(String source, String key, String value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            int hi = i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
            int lo = hi < 0 ? -1 : Character.digit(value.charAt(i + 2), 16);
            if (lo < 0) {
                throw new IllegalArgumentException(source + ": the value of header '" + key
                        + "' has a '%' that is not followed by two hex digits (value not shown)");
            }
            bytes.write(hi * 16 + lo);
            i += 2;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
