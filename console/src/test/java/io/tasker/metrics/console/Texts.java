package io.tasker.metrics.console;

import io.tasker.metrics.console.web.Ui;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small readers of HTML and text responses. */
final class Texts {
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s+([^\\s=>]+)(?:=\"([^\"]*)\")?");

    private Texts() {}

    /** How often {@code needle} occurs in {@code text}. */
    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    /** {@code id="..."}: how the templates write a DOM id. */
    static String id(String domId) {
        return "id=\"" + domId + "\"";
    }

    /** The element with that id, from its tag to the end of the text, for checks scoped to one panel. */
    static String from(String html, String domId) {
        return html.substring(tagOf(html, id(domId)));
    }

    /**
     * The value of attribute {@code name} of the tag that holds {@code marker} (an attribute of its
     * own, such as {@code id="..."}), unescaped as a browser reads it: what a link or htmx requests.
     */
    static String attribute(String html, String marker, String name) {
        // Attribute by attribute, since jte leaves '>' unescaped inside a quoted value.
        Matcher m = ATTRIBUTE.matcher(html).region(html.indexOf(' ', tagOf(html, marker)), html.length());
        while (m.lookingAt()) {
            if (m.group(1).equals(name)) {
                return m.group(2)
                        .replace("&#34;", "\"")
                        .replace("&#39;", "'")
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&amp;", "&");
            }
            m.region(m.end(), html.length());
        }
        throw new AssertionError("No " + name + " on the tag of " + marker);
    }

    /** Where the tag that holds {@code marker} begins. */
    private static int tagOf(String html, String marker) {
        int at = html.indexOf(marker);
        if (at < 0) {
            throw new AssertionError("No " + marker + " in:\n" + html);
        }
        return html.lastIndexOf('<', at);
    }

    /** The stale banner element alone. */
    static String staleBanner(String html) {
        String rest = from(html, Ui.ID_STALE_BANNER);
        return rest.substring(0, rest.indexOf("</div>") + 6);
    }
}
