package io.tasker.metrics.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Text from the store (error messages, task names, instance ids, a receiver's answer) printed
 * without the control characters a terminal would obey: an error message holding {@code ESC[2J}
 * cleared the operator's screen, and an OSC 8 sequence hid a link. Every control character (C0,
 * DEL, C1) and every bidirectional override shows as a {@code \\uXXXX} escape instead, which
 * in JSON output is the same character, escaped.
 */
final class SafeText {
    private SafeText() {}

    /**
     * A stored text as one line: every control character escaped, line breaks included, so that it
     * cannot start a line that looks like the command's own.
     */
    static String line(Object text) {
        return text == null ? null : escape(text.toString(), false);
    }

    /** Wraps a command's output: what the fields missed is escaped here, line breaks and tabs kept. */
    static PrintWriter guard(PrintWriter out) {
        return new PrintWriter(new Guard(out), true);
    }

    static String escape(String s, boolean keepLayout) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean unsafe = unsafe(c) && !(keepLayout && (c == '\n' || c == '\t'));
            if (unsafe && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (out != null) {
                out.append(unsafe ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out == null ? s : out.toString();
    }

    private static boolean unsafe(char c) {
        return Character.getType(c) == Character.CONTROL
                || c >= '\u202a' && c <= '\u202e'
                || c >= '\u2066' && c <= '\u2069';
    }

    /** Escapes as it writes; a line break or tab written by the command itself passes. */
    private static final class Guard extends FilterWriter {
        Guard(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            out.write(escape(String.valueOf((char) c), true));
        }

        @Override
        public void write(char[] buffer, int off, int len) throws IOException {
            out.write(escape(new String(buffer, off, len), true));
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            out.write(escape(s.substring(off, off + len), true));
        }
    }
}
