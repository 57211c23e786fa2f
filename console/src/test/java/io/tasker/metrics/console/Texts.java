package io.tasker.metrics.console;

import io.tasker.metrics.console.web.Ui;

/** Small readers of HTML and text responses. */
final class Texts {
    private Texts() {
    }

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
        int at = html.indexOf(id(domId));
        if (at < 0) {
            throw new AssertionError("No element with id " + domId + " in:\n" + html);
        }
        return html.substring(html.lastIndexOf('<', at));
    }

    /** The stale banner element alone. */
    static String staleBanner(String html) {
        String rest = from(html, Ui.ID_STALE_BANNER);
        return rest.substring(0, rest.indexOf("</div>") + 6);
    }
}
