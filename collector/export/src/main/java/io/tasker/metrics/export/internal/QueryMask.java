package io.tasker.metrics.export.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides the values of URL query parameters whose names hold a sensitive word
 * ({@code ?api_key=SECRET} shows as {@code ?api_key=***}), in a URL or in any text that quotes
 * one (an error message), wherever a URL is shown or stored: logs, {@code status}, the export
 * history. The words are those of {@code telemetry.masked_parameters}' default, matched as the
 * telemetry subscriber matches event parameters: without regard to case, {@code -} as {@code _}.
 *
 * <pre>{@code
 * QueryMask.apply("http://vm/api/v1/write?api_key=abc&tenant=a"); // http://vm/api/v1/write?api_key=***&tenant=a
 * }</pre>
 */
public final class QueryMask {
    /** The sensitive words, as {@code telemetry.masked_parameters} lists them by default. */
    public static final String WORDS = "password,passwd,token,secret,api_key,apikey,authorization,credential";

    private static final List<String> WORD_LIST = List.of(WORDS.split(","));
    private static final String MASK = "***";
    private static final Pattern PARAMETER = Pattern.compile("([?&])([^=&#\\s\"'<>]+)=([^&#\\s\"'<>]*)");

    private QueryMask() {}

    /**
     * The text with every sensitive query parameter's value replaced by {@code ***}.
     *
     * @param text a URL, or a text quoting URLs; may be null
     * @return the masked text, or null for null
     */
    public static String apply(String text) {
        if (text == null || text.indexOf('=') < 0) {
            return text;
        }
        Matcher m = PARAMETER.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String value = sensitive(m.group(2)) && !m.group(3).isEmpty() ? MASK : m.group(3);
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + m.group(2) + "=" + value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean sensitive(String name) {
        String n = decode(name).toLowerCase(Locale.ROOT).replace('-', '_');
        return WORD_LIST.stream().anyMatch(n::contains);
    }

    private static String decode(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            return name;
        }
    }
}
