package io.tasker.metrics.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One line a worker JVM prints for its parent: {@code @@ KIND key=value key=value}. Values hold
 * no spaces. Anything else a worker prints (logs, errors) is passed through and not parsed.
 *
 * <pre>{@code
 * System.out.println(ReportLine.format("RUN", "ms", 812, "requests", 10));
 * ReportLine line = ReportLine.parse("@@ RUN ms=812 requests=10").orElseThrow();
 * }</pre>
 */
record ReportLine(String kind, Map<String, String> values) {
    private static final String MARK = "@@ ";

    static String format(String kind, Object... keysAndValues) {
        StringBuilder sb = new StringBuilder(MARK).append(kind);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            sb.append(' ').append(keysAndValues[i]).append('=').append(keysAndValues[i + 1]);
        }
        return sb.toString();
    }

    static Optional<ReportLine> parse(String line) {
        if (!line.startsWith(MARK)) {
            return Optional.empty();
        }
        String[] words = line.substring(MARK.length()).trim().split(" +");
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            if (eq > 0) {
                values.put(words[i].substring(0, eq), words[i].substring(eq + 1));
            }
        }
        return Optional.of(new ReportLine(words[0], values));
    }

    long number(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalStateException("No " + key + " in " + kind + " " + values);
        }
        return Long.parseLong(v);
    }
}
