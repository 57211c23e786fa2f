package io.tasker.metrics.subscribers.telemetry;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Hides the values of event attributes whose keys contain a sensitive word (password, token, ...),
 * matched without regard to case, so {@code db_password} and {@code X-Api-Key} are masked too.
 *
 * <pre>{@code
 * ParameterMask.parse("password,token").apply("api_token", "abc")  // "[MASKED]"
 * }</pre>
 */
public record ParameterMask(List<String> words) {
    /** What a masked value is replaced with. */
    public static final String MASKED = "[MASKED]";

    /** Trims and lower-cases the words and drops empty ones. */
    public ParameterMask {
        words = words.stream().map(w -> w.trim().toLowerCase(Locale.ROOT)).filter(w -> !w.isEmpty()).toList();
    }

    /** A comma-separated list, as {@code telemetry.masked_parameters} holds it. */
    public static ParameterMask parse(String commaSeparated) {
        return new ParameterMask(Arrays.asList((commaSeparated == null ? "" : commaSeparated).split(",")));
    }

    /**
     * {@link #MASKED} when the key (any case, {@code -} read as {@code _}) contains one of the words;
     * otherwise the value.
     */
    public String apply(String key, String value) {
        String k = key.toLowerCase(Locale.ROOT).replace('-', '_');
        for (String word : words) {
            if (k.contains(word)) {
                return MASKED;
            }
        }
        return value;
    }
}
