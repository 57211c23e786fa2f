package io.tasker.metrics.export.otlp.internal;

import java.nio.charset.StandardCharsets;

/**
 * Reads what matters of an {@code ExportMetricsServiceResponse}: its {@code partial_success}
 * ({@code rejected_data_points = 1}, {@code error_message = 2}), which says the receiver dropped
 * data points although it answered 200. Anything it cannot read counts as full success, since
 * the status already said so.
 */
public final class OtlpResponse {
    private OtlpResponse() {}

    /**
     * A receiver's partial success.
     *
     * @param rejected data points it rejected
     * @param message its reason, or empty
     */
    public record PartialSuccess(long rejected, String message) {}

    /**
     * The partial success in a protobuf response body.
     *
     * @param body the response body
     * @return what it rejected, zero when nothing
     */
    public static PartialSuccess partialSuccess(byte[] body) {
        try {
            Reader top = new Reader(body, 0, body.length);
            while (top.more()) {
                int tag = (int) top.varint();
                if (tag >>> 3 == 1 && (tag & 7) == 2) {
                    int length = (int) top.varint();
                    return inner(new Reader(body, top.pos, top.pos + length));
                }
                top.skip(tag & 7);
            }
        } catch (RuntimeException e) {
            // Not protobuf (an empty or JSON body): the 2xx stands.
        }
        return new PartialSuccess(0, "");
    }

    private static PartialSuccess inner(Reader r) {
        long rejected = 0;
        String message = "";
        while (r.more()) {
            int tag = (int) r.varint();
            if (tag == (1 << 3)) {
                rejected = r.varint();
            } else if (tag == (2 << 3 | 2)) {
                int length = (int) r.varint();
                message = new String(r.bytes, r.pos, length, StandardCharsets.UTF_8);
                r.pos += length;
            } else {
                r.skip(tag & 7);
            }
        }
        return new PartialSuccess(rejected, message);
    }

    /** A cursor over protobuf wire bytes. */
    private static final class Reader {
        final byte[] bytes;
        int pos;
        final int end;

        Reader(byte[] bytes, int pos, int end) {
            if (end > bytes.length || pos > end) {
                throw new IllegalArgumentException("truncated");
            }
            this.bytes = bytes;
            this.pos = pos;
            this.end = end;
        }

        boolean more() {
            return pos < end;
        }

        long varint() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = bytes[pos++];
                v |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            throw new IllegalArgumentException("varint too long");
        }

        void skip(int wireType) {
            switch (wireType) {
                case 0 -> varint();
                case 1 -> pos += 8;
                case 2 -> pos += (int) varint();
                case 5 -> pos += 4;
                default -> throw new IllegalArgumentException("wire type " + wireType);
            }
        }
    }
}
