package io.tasker.metrics.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The file's {@code environments:} section: named sets of keys, one of which ({@code TASKER_ENV},
 * or {@code --env} of the CLI and the console) is laid over the keys above it, so that production and development
 * settings live side by side in one file. Environment variables still override both.
 *
 * <pre>{@code
 * telemetry:
 *   prometheus:
 *     retention_window: 5m
 * environments:
 *   production:
 *     telemetry:
 *       prometheus:
 *         retention_window: 10m
 * }</pre>
 */
final class Environments {
    /** The environment variable naming the environment; {@code --env} sets it. */
    static final String ENV = "TASKER_ENV";

    static final String SECTION = "environments";

    /** The selected environment's name (or null) and the keys it sets, flattened. */
    record Selection(String name, Map<String, JsonNode> keys) {}

    private Environments() {}

    /**
     * Takes the {@code environments} section out of {@code root} (so that the base keys do not see
     * it), checks every entry's keys, and returns the one {@code name} selects.
     *
     * @param known the keys of this loader, for "did you mean"
     * @param accepted whether a key may appear (one of ours, or of a section another program checks)
     * @param file the configuration file, or null when there is none
     */
    static Selection select(
            JsonNode root,
            String name,
            List<String> known,
            Predicate<String> accepted,
            String file,
            List<String> problems) {
        JsonNode section = root instanceof ObjectNode o ? o.remove(SECTION) : null;
        Map<String, Map<String, JsonNode>> entries = entries(section, known, accepted, problems);
        String wanted = name == null || name.isBlank() ? null : name.trim();
        if (wanted == null) {
            return new Selection(null, Map.of());
        }
        if (!entries.containsKey(wanted)) {
            problems.add(ENV + " (or --env): unknown environment '" + wanted + "'; "
                    + (entries.isEmpty()
                            ? (file == null
                                            ? "there is no configuration file (--config or " + ConfigLoader.CONFIG_ENV
                                                    + ")"
                                            : file + " has no " + SECTION + ": section")
                                    + ". Define " + SECTION + "." + wanted
                                    + " in the file, or unset " + ENV
                            : "the known ones are " + String.join(", ", entries.keySet())));
            return new Selection(null, Map.of());
        }
        return new Selection(wanted, entries.get(wanted));
    }

    private static Map<String, Map<String, JsonNode>> entries(
            JsonNode section, List<String> known, Predicate<String> accepted, List<String> problems) {
        Map<String, Map<String, JsonNode>> entries = new LinkedHashMap<>();
        if (section == null || section.isNull()) {
            return entries;
        }
        if (!section.isObject()) {
            problems.add(SECTION
                    + ": expected a mapping of environment names to keys, such as production: {telemetry: ...}");
            return entries;
        }
        for (Map.Entry<String, JsonNode> e : section.properties()) {
            String where = SECTION + "." + e.getKey();
            Map<String, JsonNode> keys = new LinkedHashMap<>();
            if (e.getValue().isObject()) {
                ConfigLoader.flatten("", e.getValue(), keys, new ArrayList<>());
            } else if (!e.getValue().isNull()) {
                problems.add(where + ": expected a mapping of keys (telemetry:, cache:)");
            }
            for (String key : keys.keySet()) {
                if (!accepted.test(key)) {
                    problems.add("unknown key " + where + "." + key
                            + ConfigLoader.nearest(key, known)
                                    .map(k -> " (did you mean " + where + "." + k + "?)")
                                    .orElse(""));
                }
            }
            entries.put(e.getKey(), keys);
        }
        return entries;
    }
}
