package io.tasker.metrics.micrometer;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.NamingConvention;

/**
 * Micrometer names as Micrometer's own Prometheus registry writes them, so that a service
 * moving from {@code PrometheusMeterRegistry} keeps its series names (apart from the
 * collector's {@code metric_prefix}): dots become underscores, a base unit is appended once
 * ({@code _bytes}), timers end in {@code _seconds}, and the suffixes that Prometheus reserves
 * ({@code _total}, {@code _created}, {@code _bucket}, {@code _info}) are cut, since the
 * collector writes them itself.
 *
 * <pre>{@code
 * new TaskerNamingConvention().name("http.server.requests", Meter.Type.TIMER, null);
 * // "http_server_requests_seconds"
 * }</pre>
 *
 * <p>Written here rather than taken from {@code micrometer-registry-prometheus}, which would
 * pull the Prometheus client into every service; a test holds the two to the same output.
 */
public final class TaskerNamingConvention implements NamingConvention {
    private static final String[] RESERVED_SUFFIXES = {"_total", "_created", "_bucket", "_info"};

    /** The convention; it keeps no state, so one can be shared. */
    public TaskerNamingConvention() {}

    @Override
    public String name(String name, Meter.Type type, String baseUnit) {
        String n = escape(name);
        switch (type) {
            case COUNTER, DISTRIBUTION_SUMMARY, GAUGE -> {
                if (baseUnit != null && !n.endsWith("_" + baseUnit)) {
                    n += "_" + baseUnit;
                }
            }
            case TIMER, LONG_TASK_TIMER -> {
                if (!n.endsWith("_seconds")) {
                    n += "_seconds";
                }
            }
            default -> {
                // Function timers and custom meters keep the name; their statistics add suffixes.
            }
        }
        return withoutReservedSuffixes(escape(n));
    }

    @Override
    public String tagKey(String key) {
        String k = escape(key).replace(':', '_');
        // Prometheus keeps names starting with "__" for itself.
        while (k.startsWith("__")) {
            k = k.substring(1);
        }
        return k;
    }

    /** Every character outside {@code [a-zA-Z0-9_:]}, and a leading digit, becomes '_'. */
    private static String escape(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean valid =
                    c == '_' || c == ':' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            boolean leadingDigit = i == 0 && c >= '0' && c <= '9';
            b.append(valid && !leadingDigit ? c : '_');
        }
        return b.toString();
    }

    private static String withoutReservedSuffixes(String name) {
        String n = name;
        for (boolean cut = true; cut; ) {
            cut = false;
            for (String suffix : RESERVED_SUFFIXES) {
                if (n.endsWith(suffix) && n.length() > suffix.length()) {
                    n = n.substring(0, n.length() - suffix.length());
                    cut = true;
                }
            }
        }
        return n;
    }
}
