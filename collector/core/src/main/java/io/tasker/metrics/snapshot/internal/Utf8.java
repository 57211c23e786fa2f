package io.tasker.metrics.snapshot.internal;

/**
 * Lengths and cuts of text in the bytes it is encoded to, never splitting a character: label
 * values and help texts are limited in bytes because that is what the store's encoding and the
 * exposition formats count, and a limit in chars lets a value of multi-byte characters through.
 *
 * <pre>{@code
 * Utf8.cut("€€€€", 10); // "€€€": 9 bytes, a fourth € would make 12
 * }</pre>
 */
public final class Utf8 {
    private Utf8() {}

    /** The length of {@code s} in UTF-8 bytes (a lone surrogate counts as the 3 bytes of its replacement). */
    public static int length(CharSequence s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            }
        }
        return bytes;
    }

    /** The longest prefix of {@code s} of at most {@code maxBytes} UTF-8 bytes that ends at a code point. */
    public static String cut(String s, int maxBytes) {
        if (s.length() * 3L <= maxBytes) {
            return s;
        }
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair =
                    Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            int size = pair ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            if (bytes + size > maxBytes) {
                return s.substring(0, i);
            }
            bytes += size;
            i += pair ? 1 : 0;
        }
        return s;
    }
}
