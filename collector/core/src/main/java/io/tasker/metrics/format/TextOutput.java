package io.tasker.metrics.format;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A small buffered UTF-8 writer for the text formats. It encodes characters straight into a
 * byte buffer and writes numbers without going through {@code String}, which is where
 * exposition spends its time; a {@code Writer} over a charset encoder is several times slower.
 */
final class TextOutput {
    private final OutputStream out;
    private final byte[] buf = new byte[16 * 1024];
    private int pos;

    TextOutput(OutputStream out) {
        this.out = out;
    }

    TextOutput ascii(String s) throws IOException {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            ensure(1);
            buf[pos++] = (byte) s.charAt(i);
        }
        return this;
    }

    TextOutput ch(char c) throws IOException {
        ensure(1);
        buf[pos++] = (byte) c;
        return this;
    }

    /** Writes {@code s} as UTF-8, escaping backslash and newline, and double quotes when asked. */
    TextOutput escaped(String s, boolean quotes) throws IOException {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                ascii("\\\\");
            } else if (c == '\n') {
                ascii("\\n");
            } else if (c == '"' && quotes) {
                ascii("\\\"");
            } else if (c < 0x80) {
                ensure(1);
                buf[pos++] = (byte) c;
            } else {
                i = utf8(s, i, c);
            }
        }
        return this;
    }

    private int utf8(String s, int i, char c) throws IOException {
        ensure(4);
        if (c < 0x800) {
            buf[pos++] = (byte) (0xC0 | (c >> 6));
            buf[pos++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            int cp = Character.toCodePoint(c, s.charAt(i + 1));
            buf[pos++] = (byte) (0xF0 | (cp >> 18));
            buf[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
            buf[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            buf[pos++] = (byte) (0x80 | (cp & 0x3F));
            return i + 1;
        } else {
            // A lone surrogate has no UTF-8 form; '?' is what the JDK's encoders write too.
            char d = Character.isSurrogate(c) ? '?' : c;
            if (d == '?') {
                buf[pos++] = '?';
            } else {
                buf[pos++] = (byte) (0xE0 | (d >> 12));
                buf[pos++] = (byte) (0x80 | ((d >> 6) & 0x3F));
                buf[pos++] = (byte) (0x80 | (d & 0x3F));
            }
        }
        return i;
    }

    TextOutput number(long v) throws IOException {
        ensure(20);
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                return ascii(Long.toString(v));
            }
            buf[pos++] = '-';
            v = -v;
        }
        int start = pos;
        do {
            buf[pos++] = (byte) ('0' + (v % 10));
            v /= 10;
        } while (v != 0);
        for (int i = start, j = pos - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
        return this;
    }

    /**
     * Writes a sample value: whole numbers without a fraction (as Go's Prometheus client does),
     * others in Java's shortest round-trip form, and {@code +Inf}, {@code -Inf}, {@code NaN}.
     */
    TextOutput number(double v) throws IOException {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            if (v == 0 && Double.doubleToRawLongBits(v) != 0) {
                return ascii("-0");
            }
            return number((long) v);
        }
        if (Double.isNaN(v)) {
            return ascii("NaN");
        }
        if (Double.isInfinite(v)) {
            return ascii(v > 0 ? "+Inf" : "-Inf");
        }
        return ascii(Double.toString(v));
    }

    void flush() throws IOException {
        out.write(buf, 0, pos);
        pos = 0;
        out.flush();
    }

    private void ensure(int n) throws IOException {
        if (pos + n > buf.length) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }
}
