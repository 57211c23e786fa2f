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
 *
 * @param words the sensitive words, trimmed and in lower case
 */
public record ParameterMask(List<String> words) {
    /** What a masked value reads as. */
    public static final String MASKED = "[MASKED]";

    /**
     * Trims the words, puts them in lower case and drops empty ones.
     *
     * @param words the sensitive words
     */
    public ParameterMask {
        words = words.stream().map(w -> w.trim().toLowerCase(Locale.ROOT)).filter(w -> !w.isEmpty()).toList();
    }

    /**
     * A comma-separated list, as {@code telemetry.masked_parameters} holds it.
     *
     * @param commaSeparated the words separated by commas, or null for none
     * @return the mask
     */
    public static ParameterMask parse(String commaSeparated) {
        return new ParameterMask(Arrays.asList((commaSeparated == null ? "" : commaSeparated).split(",")));
    }

    /**
     * The value to show for an attribute: {@value #MASKED} when its key, in lower case and with
     * {@code -} read as {@code _}, contains a sensitive word; the value itself otherwise.
     *
     * @param key the attribute's key
     * @param value the attribute's value
     * @return the value, or {@value #MASKED}
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
