package io.tasker.metrics.format;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Picks a writer: by an HTTP {@code Accept} header for scrapes, or by a format name
 * ({@code prometheus}, {@code openmetrics}, {@code json}, {@code csv}) for exports.
 *
 * <pre>{@code
 * ExpositionFormatWriter w = ExpositionFormats.forAcceptHeader("application/openmetrics-text; version=1.0.0");
 * }</pre>
 */
public final class ExpositionFormats {
    /** The format names that {@link #byName} takes: every list of file formats derives from this one. */
    public static final List<String> NAMES = List.of("prometheus", "openmetrics", "json", "csv");
    /** Other names users write for a format. */
    private static final Map<String, String> ALIASES = Map.of("text", "prometheus");

    private ExpositionFormats() {
    }

    /**
     * OpenMetrics when the header asks for it, Prometheus text 0.0.4 otherwise, also for a header
     * that is malformed ({@code ;}, {@code ,,,}): a scraper gets data rather than an error.
     */
    public static ExpositionFormatWriter forAcceptHeader(String accept) {
        if (accept != null) {
            for (String part : accept.split(",")) {
                int semicolon = part.indexOf(';');
                String mediaType = (semicolon < 0 ? part : part.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
                if (mediaType.equals("application/openmetrics-text") && !refused(part)) {
                    return new OpenMetricsTextWriter();
                }
            }
        }
        return new PrometheusTextWriter();
    }

    /** A writer by name, case-insensitive; an unknown name lists the known ones. */
    public static ExpositionFormatWriter byName(String name) {
        return switch (canonicalName(name)) {
            case "prometheus" -> new PrometheusTextWriter();
            case "openmetrics" -> new OpenMetricsTextWriter();
            case "json" -> new JsonWriter();
            default -> new CsvWriter();
        };
    }

    /** The name as {@link #NAMES} spells it ({@code "Text"} is {@code prometheus}); empty when unknown. */
    public static Optional<String> canonical(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        n = ALIASES.getOrDefault(n, n);
        return NAMES.contains(n) ? Optional.of(n) : Optional.empty();
    }

    /** Like {@link #canonical}, but an unknown name is an error that lists the known ones. */
    public static String canonicalName(String name) {
        return canonical(name).orElseThrow(() -> unknown(name, NAMES));
    }

    /** The one message for a format name nobody knows. */
    public static IllegalArgumentException unknown(String name, List<String> known) {
        return new IllegalArgumentException("Unknown format '" + name + "'; use one of " + known);
    }

    /** A weight of zero refuses the type; a weight that is no number is ignored, as if absent. */
    private static boolean refused(String part) {
        for (String param : part.split(";")) {
            String p = param.replace(" ", "").toLowerCase(Locale.ROOT);
            if (p.startsWith("q=") && p.matches("q=0(\\.0*)?")) {
                return true;
            }
        }
        return false;
    }
}
