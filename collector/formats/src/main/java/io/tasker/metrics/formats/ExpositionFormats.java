package io.tasker.metrics.formats;

import io.tasker.metrics.format.ExpositionFormatWriter;
import io.tasker.metrics.format.OpenMetricsTextWriter;
import io.tasker.metrics.format.PrometheusTextWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Picks a writer by a format name ({@code prometheus}, {@code openmetrics}, {@code json},
 * {@code csv}) for exports; scrapes pick theirs by {@link ExpositionFormatWriter#forAcceptHeader}.
 *
 * <pre>{@code
 * ExpositionFormatWriter w = ExpositionFormats.byName("json");
 * }</pre>
 */
public final class ExpositionFormats {
    /** The format names that {@link #byName} takes: every list of file formats derives from this one. */
    public static final List<String> NAMES = List.of("prometheus", "openmetrics", "json", "csv");
    /** Other names users write for a format. */
    private static final Map<String, String> ALIASES = Map.of("text", "prometheus");

    private ExpositionFormats() {}

    /**
     * A writer by name, case-insensitive; an unknown name lists the known ones.
     *
     * @param name a format name from {@link #NAMES}, or an alias such as {@code text}
     * @return a new writer for that format
     * @throws IllegalArgumentException for an unknown name
     */
    public static ExpositionFormatWriter byName(String name) {
        return switch (canonicalName(name)) {
            case "prometheus" -> new PrometheusTextWriter();
            case "openmetrics" -> new OpenMetricsTextWriter();
            case "json" -> new JsonWriter();
            default -> new CsvWriter();
        };
    }

    /**
     * The name as {@link #NAMES} spells it ({@code "Text"} is {@code prometheus}); empty when unknown.
     *
     * @param name a format name in any case, or null
     * @return the canonical name, or empty
     */
    public static Optional<String> canonical(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        n = ALIASES.getOrDefault(n, n);
        return NAMES.contains(n) ? Optional.of(n) : Optional.empty();
    }

    /**
     * Like {@link #canonical}, but an unknown name is an error that lists the known ones.
     *
     * @param name a format name in any case
     * @return the canonical name
     * @throws IllegalArgumentException for an unknown name
     */
    public static String canonicalName(String name) {
        return canonical(name).orElseThrow(() -> unknown(name, NAMES));
    }

    /**
     * The one message for a format name nobody knows.
     *
     * @param name the name that was given
     * @param known the names that would have been accepted
     * @return the exception to throw
     */
    public static IllegalArgumentException unknown(String name, List<String> known) {
        return new IllegalArgumentException("Unknown format '" + name + "'; use one of " + known);
    }
}
