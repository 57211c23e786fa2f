package io.tasker.metrics.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tasker.metrics.config.ConfigKey.Kind;
import io.tasker.metrics.store.CacheStores;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the YAML configuration file, lets environment variables override it, applies the
 * design document's defaults, and validates everything at once.
 *
 * <pre>{@code
 * TaskerConfig config = ConfigLoader.load(Optional.of(Path.of("tasker.yml")), System.getenv());
 * }</pre>
 *
 * @see ConfigKey#ALL for every key, its default and its environment variable
 */
public final class ConfigLoader {
    /** The environment variable that names the configuration file when no --config is given. */
    public static final String CONFIG_ENV = "TASKER_METRICS_CONFIG";
    /** Sections of the file that the console reads and checks itself. */
    private static final Set<String> FOREIGN_SECTIONS = Set.of("console");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> FORMATS = Set.of("prometheus", "json", "csv");
    private static final Set<String> COMPRESSIONS = Set.of("snappy", "gzip", "none");

    private ConfigLoader() {
    }

    public static TaskerConfig load(Optional<Path> file, Map<String, String> env) {
        return load(file, env, List.of());
    }

    /**
     * @param extraKeys keys of the application embedding the collector (the console's), whose
     *     typed values land in {@link TaskerConfig#extras()}
     * @throws ConfigException listing every problem, each naming its key
     */
    public static TaskerConfig load(Optional<Path> file, Map<String, String> env, List<ConfigKey> extraKeys) {
        Optional<Path> path = file.or(() -> Optional.ofNullable(env.get(CONFIG_ENV)).filter(s -> !s.isBlank()).map(Path::of));
        List<ConfigKey> keys = new ArrayList<>(ConfigKey.ALL);
        keys.addAll(extraKeys);
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> raw = path.map(p -> read(p, problems)).orElseGet(LinkedHashMap::new);
        unknownKeys(raw, keys, problems);
        Map<String, Object> values = new LinkedHashMap<>();
        for (ConfigKey key : keys) {
            values.put(key.name(), value(key, raw.get(key.name()), env, problems));
        }
        TaskerConfig config = build(values, extraKeys);
        validate(config, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(path.map(Path::toString).orElse("defaults and environment"), problems);
        }
        return config;
    }

    /**
     * Whether a key belongs to a section that another program reading the same file checks (the
     * console's {@code console.*}), when the caller is not that program: the CLI and an embedding
     * service share one file with the console and must not refuse its keys.
     */
    private static boolean otherApplications(String name, List<String> known) {
        int dot = name.indexOf('.');
        String section = dot < 0 ? name : name.substring(0, dot);
        return FOREIGN_SECTIONS.contains(section) && known.stream().noneMatch(k -> k.startsWith(section + "."));
    }

    private static Map<String, JsonNode> read(Path path, List<String> problems) {
        Map<String, JsonNode> flat = new LinkedHashMap<>();
        if (!Files.isRegularFile(path)) {
            problems.add("configuration file " + path + " does not exist (given by --config or " + CONFIG_ENV + ")");
            return flat;
        }
        try {
            JsonNode root = YAML.readTree(path.toFile());
            if (root != null && !root.isMissingNode() && !root.isNull()) {
                flatten("", root, flat, problems);
            }
        } catch (IOException e) {
            problems.add(path + " is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out, List<String> problems) {
        if (!node.isObject()) {
            if (prefix.isEmpty()) {
                problems.add("the configuration file must hold a mapping of keys (telemetry:, cache:)");
            } else {
                out.put(prefix, node);
            }
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out, problems);
        }
    }

    private static void unknownKeys(Map<String, JsonNode> raw, List<ConfigKey> keys, List<String> problems) {
        List<String> known = keys.stream().map(ConfigKey::name).toList();
        for (String name : raw.keySet()) {
            if (!known.contains(name) && !otherApplications(name, known)) {
                problems.add("unknown key " + name + nearest(name, known).map(k -> " (did you mean " + k + "?)").orElse(""));
            }
        }
    }

    /** The known key closest in spelling, when it is close enough to be a likely typo. */
    static Optional<String> nearest(String name, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = Math.min(distance(name, k), distance(last(name), last(k)) + (prefix(name).equals(prefix(k)) ? 0 : 3));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return bestDistance <= Math.max(2, last(name).length() / 3) ? Optional.of(best) : Optional.empty();
    }

    private static String last(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    private static String prefix(String key) {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? "" : key.substring(0, dot);
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static Object value(ConfigKey key, JsonNode node, Map<String, String> env, List<String> problems) {
        String fromEnv = key.env() == null ? null : env.get(key.env());
        String source = key.name();
        String text;
        if (fromEnv != null && !fromEnv.isBlank()) {
            text = fromEnv.trim();
            source = key.env() + " (for " + key.name() + ")";
        } else if (node != null && !node.isNull()) {
            if (node.isContainerNode()) {
                problems.add(key.name() + ": expected a single value, got a " + (node.isArray() ? "list" : "mapping"));
                return typed(key, key.defaultValue(), key.name(), new ArrayList<>());
            }
            text = node.asText();
        } else {
            text = key.defaultValue();
        }
        return typed(key, text, source, problems);
    }

    private static Object typed(ConfigKey key, String text, String source, List<String> problems) {
        if (text == null) {
            return null;
        }
        String shown = key.secret() ? "(hidden)" : "'" + text + "'";
        try {
            return switch (key.kind()) {
                case STRING -> text;
                case BOOLEAN -> switch (text.toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "on", "1" -> true;
                    case "false", "no", "off", "0" -> false;
                    default -> throw new IllegalArgumentException("expected true or false, got " + shown);
                };
                case INTEGER -> Integer.parseInt(text);
                case DURATION -> Durations.parse(text);
            };
        } catch (NumberFormatException e) {
            problems.add(source + ": expected a whole number, got " + shown);
        } catch (IllegalArgumentException e) {
            problems.add(source + ": " + e.getMessage());
        }
        return typed(key, key.defaultValue(), source, new ArrayList<>());
    }

    private static TaskerConfig build(Map<String, Object> v, List<ConfigKey> extraKeys) {
        TaskerConfig.Telemetry telemetry = new TaskerConfig.Telemetry(
                (Boolean) v.get("telemetry.metrics_enabled"),
                ((String) v.get("telemetry.metrics_format")).toLowerCase(Locale.ROOT),
                (Duration) v.get("telemetry.sync_interval"),
                (String) v.get("telemetry.instance_id"),
                (Integer) v.get("telemetry.cardinality_limit"),
                (Integer) v.get("telemetry.max_label_value_length"),
                Path.of((String) v.get("telemetry.export_directory")),
                (Duration) v.get("telemetry.stale_export_threshold"),
                (Boolean) v.get("telemetry.scheduled_export"));
        String compression = (String) v.get("telemetry.prometheus.compression");
        TaskerConfig.PrometheusSettings prometheus = new TaskerConfig.PrometheusSettings(
                blankToNull((String) v.get("telemetry.prometheus.endpoint")),
                blankToNull((String) v.get("telemetry.prometheus.username")),
                blankToNull((String) v.get("telemetry.prometheus.password")),
                (Duration) v.get("telemetry.prometheus.job_timeout"),
                (Duration) v.get("telemetry.prometheus.export_timeout"),
                (Integer) v.get("telemetry.prometheus.retry_attempts"),
                (Duration) v.get("telemetry.prometheus.retention_window"),
                (Duration) v.get("telemetry.prometheus.safety_margin"),
                (String) v.get("telemetry.prometheus.metric_prefix"),
                (Boolean) v.get("telemetry.prometheus.include_instance_labels"),
                compression == null || compression.isBlank() ? "none" : compression.toLowerCase(Locale.ROOT),
                (Integer) v.get("telemetry.prometheus.batch_size"),
                (Boolean) v.get("telemetry.prometheus.skip_if_unavailable"));
        TaskerConfig.CacheSettings cache = new TaskerConfig.CacheSettings((String) v.get("cache.url"),
                (String) v.get("cache.namespace"), (Duration) v.get("cache.timeout"));
        Map<String, Object> extras = new LinkedHashMap<>();
        extraKeys.forEach(k -> extras.put(k.name(), v.get(k.name())));
        return new TaskerConfig(telemetry, prometheus, cache, extras);
    }

    private static void validate(TaskerConfig c, List<String> problems) {
        TaskerConfig.PrometheusSettings p = c.prometheus();
        if (!FORMATS.contains(c.telemetry().metricsFormat())) {
            problems.add("telemetry.metrics_format: '" + c.telemetry().metricsFormat() + "' is not one of " + FORMATS);
        }
        if (!COMPRESSIONS.contains(p.compression())) {
            problems.add("telemetry.prometheus.compression: '" + p.compression() + "' is not one of snappy, gzip, none");
        }
        if (p.safetyMargin().plus(p.exportTimeout()).compareTo(p.retentionWindow()) >= 0) {
            problems.add("telemetry.prometheus.safety_margin (" + Durations.format(p.safetyMargin())
                    + ") + export_timeout (" + Durations.format(p.exportTimeout()) + ") must be shorter than retention_window ("
                    + Durations.format(p.retentionWindow()) + "), or data expires before the export can finish");
        }
        if (c.telemetry().syncInterval().multipliedBy(2).compareTo(p.retentionWindow().dividedBy(2)) > 0) {
            problems.add("telemetry.sync_interval (" + Durations.format(c.telemetry().syncInterval())
                    + ") must be at most a quarter of telemetry.prometheus.retention_window ("
                    + Durations.format(p.retentionWindow()) + "), so that a live instance is never taken for stopped");
        }
        range(problems, "telemetry.prometheus.batch_size", p.batchSize(), 1, 100_000);
        range(problems, "telemetry.prometheus.retry_attempts", p.retryAttempts(), 0, 10);
        range(problems, "telemetry.cardinality_limit", c.telemetry().cardinalityLimit(), 1, 10_000_000);
        range(problems, "telemetry.max_label_value_length", c.telemetry().maxLabelValueLength(), 1, 65_535);
        positive(problems, "telemetry.sync_interval", c.telemetry().syncInterval());
        positive(problems, "telemetry.prometheus.export_timeout", p.exportTimeout());
        positive(problems, "telemetry.prometheus.job_timeout", p.jobTimeout());
        positive(problems, "cache.timeout", c.cache().timeout());
        if (!p.metricPrefix().isEmpty() && !p.metricPrefix().matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
            problems.add("telemetry.prometheus.metric_prefix: '" + p.metricPrefix() + "' is not a valid metric name start");
        }
        if (!c.cache().namespace().matches("[A-Za-z0-9_.{}-]+")) {
            problems.add("cache.namespace: '" + c.cache().namespace() + "' must be a word of letters, digits, '_', '-', '.'");
        }
        String instance = c.telemetry().instanceId();
        if (instance != null && !instance.matches("[A-Za-z0-9_.~-]+")) {
            problems.add("telemetry.instance_id: '" + instance + "' must be a word of letters, digits, '_', '-', '.'");
        }
        cacheUrl(problems, c.cache().url());
        endpoint(problems, p.endpoint());
        if (p.username() == null && p.password() != null) {
            problems.add("telemetry.prometheus.password is set but telemetry.prometheus.username is not");
        }
    }

    private static void cacheUrl(List<String> problems, String url) {
        String masked = CacheStores.maskPassword(url);
        int colon = url.indexOf(':');
        String scheme = colon < 0 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "memory", "null" -> { }
            case "file" -> {
                if (!url.startsWith("file:///")) {
                    problems.add("cache.url: '" + masked + "' must be an absolute directory, file:///path/to/dir");
                }
            }
            case "redis", "rediss", "redis-cluster", "memcached" -> {
                String rest = url.substring(scheme.length() + 3 > url.length() ? url.length() : scheme.length() + 3);
                String hosts = rest.contains("@") ? rest.substring(rest.lastIndexOf('@') + 1) : rest;
                hosts = hosts.contains("/") ? hosts.substring(0, hosts.indexOf('/')) : hosts;
                if (!url.startsWith(scheme + "://") || hosts.isBlank()
                        || !hosts.matches("[A-Za-z0-9_.\\-\\[\\]:]+(,[A-Za-z0-9_.\\-\\[\\]:]+)*")) {
                    problems.add("cache.url: '" + masked + "' is malformed; write it like " + scheme + "://host:port");
                }
            }
            default -> problems.add("cache.url: '" + masked + "' has an unknown scheme; use one of " + CacheStores.SCHEMES);
        }
    }

    private static void endpoint(List<String> problems, String endpoint) {
        if (endpoint == null) {
            return;
        }
        // Refused rather than masked: a URL with credentials ends up in logs and proxies' access logs.
        int at = endpoint.lastIndexOf('@');
        if (at >= 0) {
            int start = endpoint.indexOf("://") < 0 ? 0 : endpoint.indexOf("://") + 3;
            String masked = endpoint.substring(0, Math.min(start, at)) + "***" + endpoint.substring(at);
            problems.add("telemetry.prometheus.endpoint: '" + masked + "' must not carry credentials; set "
                    + "telemetry.prometheus.username and telemetry.prometheus.password (PROMETHEUS_USERNAME, "
                    + "PROMETHEUS_PASSWORD) instead");
            return;
        }
        try {
            URI uri = new URI(endpoint);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                problems.add("telemetry.prometheus.endpoint: '" + endpoint
                        + "' must be an http(s) URL such as http://prometheus:9090/api/v1/write");
            }
        } catch (URISyntaxException e) {
            problems.add("telemetry.prometheus.endpoint: '" + endpoint + "' is malformed: " + e.getReason());
        }
    }

    private static void range(List<String> problems, String key, int value, int min, int max) {
        if (value < min || value > max) {
            problems.add(key + ": " + value + " is outside " + min + ".." + max);
        }
    }

    private static void positive(List<String> problems, String key, Duration d) {
        if (d.isZero() || d.isNegative()) {
            problems.add(key + ": must be longer than zero");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
