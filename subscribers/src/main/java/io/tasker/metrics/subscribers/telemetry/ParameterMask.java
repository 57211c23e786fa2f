package io.tasker.metrics.subscribers.telemetry;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Keeps credentials out of spans. An event attribute whose key contains a sensitive word
 * ({@code telemetry.masked_parameters}, matched without regard to case or separators, so
 * {@code db_password}, {@code X-Api-Key}, {@code api.key} and {@code sessionId} are masked too) is
 * {@code [MASKED]} whole. Every other value, and every exception message, stack trace and status
 * description, has the secrets inside it masked: the password of a URL
 * ({@code postgres://app:[MASKED]@db/x}), a sensitive key's value in a query string or in text
 * ({@code ?token=[MASKED]&page=2}, {@code login failed for token=[MASKED]}), a bearer token, a JWT,
 * and whatever {@code telemetry.masked_value_pattern} (a Java regular expression) matches.
 *
 * <pre>{@code
 * ParameterMask mask = ParameterMask.parse("password,token");
 * mask.apply("api_token", "abc");                              // "[MASKED]"
 * mask.text("GET https://u:pw@host/x?token=abc&page=2");       // "GET https://u:[MASKED]@host/x?token=[MASKED]&page=2"
 * }</pre>
 */
public final class ParameterMask {
    /** What a secret is replaced with. */
    public static final String MASKED = "[MASKED]";

    /** A value runs to whitespace or a delimiter of query strings, lists, quotes and brackets. */
    private static final String VALUE = "[^\\s&,;\"'<>}\\])]+";
    /**
     * A URL's password: after {@code scheme://user:}, up to the {@code @}. RFC 3986 wants a {@code /}
     * in a password encoded, but a raw one is still masked (only {@code ?}, {@code #} and
     * whitespace end it), since a leak is worse than a URL shown with less of it.
     */
    private static final Pattern URL_PASSWORD =
            Pattern.compile("([A-Za-z][A-Za-z0-9+.\\-]*://[^/\\s:@?#]*):([^\\s@?#]+)@");
    /** A bearer token: RFC 6750's characters and any other that is not a delimiter, 8 or more of them. */
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer)(\\s+)(?!\\[MASKED\\])[^\\s\"',;<>]{8,}");

    private static final Pattern JWT =
            Pattern.compile("\\beyJ[A-Za-z0-9_\\-]{4,}\\.eyJ[A-Za-z0-9_\\-]{4,}\\.[A-Za-z0-9_\\-]*");

    private final List<String> words;
    private final Pattern extra;
    private final Pattern keyValues;

    /**
     * A mask of these words and an operator's pattern.
     *
     * @param words the sensitive words, in any case, with or without separators
     * @param extra an operator's own pattern of secrets, or null
     */
    public ParameterMask(List<String> words, Pattern extra) {
        this.words = words.stream()
                .map(ParameterMask::squash)
                .filter(w -> !w.isEmpty())
                .distinct()
                .toList();
        this.extra = extra;
        this.keyValues = this.words.isEmpty() ? null : keyValuePattern(this.words);
    }

    /**
     * The sensitive words.
     *
     * @return the words, lower case, letters and digits only
     */
    public List<String> words() {
        return words;
    }

    /**
     * The mask of a comma-separated word list, as {@code telemetry.masked_parameters} holds it.
     *
     * @param commaSeparated the words, such as {@code password,token}
     * @return the mask, with no pattern of its own
     */
    public static ParameterMask parse(String commaSeparated) {
        return parse(commaSeparated, null);
    }

    /**
     * The mask of a word list and an operator's pattern ({@code telemetry.masked_value_pattern}).
     *
     * @param commaSeparated the words
     * @param pattern a Java regular expression whose matches are secrets, or null or blank for none
     * @return the mask
     * @throws IllegalArgumentException naming the key when the pattern does not compile
     */
    public static ParameterMask parse(String commaSeparated, String pattern) {
        List<String> words = Arrays.asList((commaSeparated == null ? "" : commaSeparated).split(","));
        if (pattern == null || pattern.isBlank()) {
            return new ParameterMask(words, null);
        }
        try {
            return new ParameterMask(words, Pattern.compile(pattern));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "telemetry.masked_value_pattern is not a regular expression: " + e.getDescription(), e);
        }
    }

    /**
     * An attribute's value as it may go into a span.
     *
     * @param key the attribute's key
     * @param value its value
     * @return {@link #MASKED} for a sensitive key, else the value with its secrets masked
     */
    public String apply(String key, String value) {
        return sensitiveKey(key) ? MASKED : text(value);
    }

    /**
     * Whether a key names a secret: it contains a sensitive word, in any case, whatever separates its parts.
     *
     * @param key an attribute or parameter name
     * @return true when its value must be masked whole
     */
    public boolean sensitiveKey(String key) {
        String k = squash(key);
        for (String word : words) {
            if (k.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Free text (a value, an exception message or stack trace, a status description) with the
     * secrets in it masked; masking twice gives the same text.
     *
     * @param text the text, or null
     * @return the text with URL passwords, sensitive key values, bearer tokens, JWTs and the
     *     operator's pattern masked; null for null
     */
    public String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = URL_PASSWORD.matcher(text).replaceAll("$1:" + Matcher.quoteReplacement(MASKED) + "@");
        out = keyValues(out);
        out = BEARER.matcher(out).replaceAll("$1$2" + Matcher.quoteReplacement(MASKED));
        out = JWT.matcher(out).replaceAll(Matcher.quoteReplacement(MASKED));
        return extra == null ? out : extra.matcher(out).replaceAll(Matcher.quoteReplacement(MASKED));
    }

    /** {@code key=value}, {@code key: value} and {@code "key": "value"} where the key is sensitive. */
    private String keyValues(String text) {
        if (keyValues == null) {
            return text;
        }
        Matcher m = keyValues.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + m.group(2) + MASKED));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Pattern keyValuePattern(List<String> words) {
        String anyWord = words.stream().map(ParameterMask::separable).collect(Collectors.joining("|"));
        // The key: a run of name characters holding a word; then = or : (quoted keys allowed); then the
        // value, with a scheme word in front taken for good (Authorization: Bearer x), up to a
        // delimiter. A value that is already [MASKED] is left, so masking twice changes nothing.
        return Pattern.compile("(?i)([A-Za-z0-9_.\\-]*(?:" + anyWord + ")[A-Za-z0-9_.\\-]*)"
                + "(\"?\\s*[:=]\\s*\"?)(?>(?:(?:bearer|basic|token|digest)\\s+)?)(?!\\[MASKED\\])" + VALUE);
    }

    /** A squashed word as a pattern that allows a separator between any two of its characters. */
    private static String separable(String word) {
        return word.chars()
                .mapToObj(c -> Pattern.quote(String.valueOf((char) c)))
                .collect(Collectors.joining("[_.\\-\\s]?"));
    }

    /** Lower case, letters and digits only: {@code X-Api-Key}, {@code api.key} and {@code apiKey} all become {@code apikey}. */
    private static String squash(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "ParameterMask" + words + (extra == null ? "" : " and /" + extra.pattern() + "/");
    }
}
