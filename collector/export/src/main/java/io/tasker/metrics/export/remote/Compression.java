package io.tasker.metrics.export.remote;

import io.airlift.compress.snappy.SnappyCompressor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * How a remote write body is compressed ({@code telemetry.prometheus.compression}).
 *
 * <p>Remote write 1.0 requires the snappy <em>block</em> format; gzip and none are for receivers
 * that accept them, and Prometheus itself does not.
 *
 * <pre>{@code
 * Compression c = Compression.parse("snappy");
 * byte[] body = c.compress(protobuf);
 * }</pre>
 */
public enum Compression {
    /** The snappy block format, which remote write 1.0 requires. */
    SNAPPY("snappy"),
    /** gzip, for receivers that accept it. */
    GZIP("gzip"),
    /** The body as it is, for receivers that accept it. */
    NONE(null);

    private final String contentEncoding;

    Compression(String contentEncoding) {
        this.contentEncoding = contentEncoding;
    }

    /**
     * Reads the configuration's word: {@code snappy}, {@code gzip}, or {@code none}, with null
     * or blank meaning none (YAML's {@code null} or an empty value); case does not matter.
     *
     * @param word the configured value, or null
     * @return the compression it names
     * @throws IllegalArgumentException for any other word
     */
    public static Compression parse(String word) {
        if (word == null || word.isBlank()) {
            return NONE;
        }
        return switch (word.strip().toLowerCase(Locale.ROOT)) {
            case "snappy" -> SNAPPY;
            case "gzip" -> GZIP;
            case "none" -> NONE;
            default ->
                throw new IllegalArgumentException(
                        "telemetry.prometheus.compression: '" + word + "' is not one of snappy, gzip, none");
        };
    }

    /**
     * The {@code Content-Encoding} header value, or null when the body is sent as it is.
     *
     * @return {@code snappy}, {@code gzip} or null
     */
    public String contentEncoding() {
        return contentEncoding;
    }

    /**
     * The configuration's word for this compression.
     *
     * @return {@code snappy}, {@code gzip} or {@code none}
     */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The compressed body; {@link #NONE} returns {@code data} itself.
     *
     * @param data the body to compress
     * @return the compressed bytes
     */
    public byte[] compress(byte[] data) {
        return switch (this) {
            case SNAPPY -> snappy(data);
            case GZIP -> gzip(data);
            case NONE -> data;
        };
    }

    private static byte[] snappy(byte[] data) {
        // A compressor keeps a hash table between calls and is not thread-safe: one per body.
        SnappyCompressor compressor = new SnappyCompressor();
        byte[] out = new byte[compressor.maxCompressedLength(data.length)];
        int length = compressor.compress(data, 0, data.length, out, 0, out.length);
        return Arrays.copyOf(out, length);
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into memory failed", e);
        }
        return out.toByteArray();
    }
}
