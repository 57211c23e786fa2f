package io.tasker.metrics.console.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The series a tick could not store. Each is named once in the log (a series that never fits
 * would otherwise log at every sample), and the first few are kept for the health page, cut to
 * a readable length: a series is skipped for being long.
 */
final class SkippedSeries {
    private static final Logger LOG = LoggerFactory.getLogger(SkippedSeries.class);
    /** Series remembered as logged; past that the oldest may be logged again, which beats unbounded memory. */
    private static final int REMEMBERED = 10_000;

    private static final int SHOWN = 5;
    private static final int NAME_CHARS = 160;

    private final Set<String> logged = Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });
    private final List<String> shown = new ArrayList<>();
    private int count;

    /** Starts a tick: nothing skipped yet (what was logged stays logged). */
    void newTick() {
        count = 0;
        shown.clear();
    }

    /** Notes one skipped series and why; logs it the first time. */
    void skip(SeriesKey key, String reason) {
        count++;
        String name = shortName(key);
        if (shown.size() < SHOWN) {
            shown.add(name);
        }
        if (logged.add(key.id())) {
            LOG.warn(
                    "The history cannot store the series {}: {}. It is skipped at every sample; the others are kept "
                            + "(/health/status counts the skipped ones)",
                    name,
                    reason);
        }
    }

    /** How many series this tick skipped. */
    int count() {
        return count;
    }

    /** The first few skipped, by name and cut labels. */
    List<String> shown() {
        return List.copyOf(shown);
    }

    static String shortName(SeriesKey key) {
        String id = key.name() + '{' + key.labels() + '}';
        return id.length() <= NAME_CHARS ? id : id.substring(0, NAME_CHARS) + "…} (" + id.length() + " characters)";
    }
}
