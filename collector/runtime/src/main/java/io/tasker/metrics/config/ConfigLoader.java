package io.tasker.metrics.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tasker.metrics.RegistryOptions;
import io.tasker.metrics.formats.ExpositionFormats;
import io.tasker.metrics.store.CacheStores;
import io.tasker.metrics.store.KeyLayout;
import io.tasker.metrics.sync.SyncOptions;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the YAML configuration file, lets environment variables override it, applies the
 * defaults of {@link ConfigKey}, and validates everything at once, so that one start lists every problem.
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

    private static final Set<String> COMPRESSIONS = Set.of("snappy", "gzip", "none");

    private ConfigLoader() {}

    /**
     * Loads the collector's keys.
     *
     * @param file the YAML file, or empty for the one {@value #CONFIG_ENV} names, if any
     * @param env the environment variables, which override the file
     * @return the validated configuration
     * @throws ConfigException listing every problem, each naming its key
     */
    public static TaskerConfig load(Optional<Path> file, Map<String, String> env) {
        return load(file, env, List.of());
    }

    /**
     * Loads the collector's keys and an application's own.
     *
     * @param file the YAML file, or empty for the one {@value #CONFIG_ENV} names, if any
     * @param env the environment variables, which override the file
     * @param extraKeys keys of the application embedding the collector (the console's), whose
     *     typed values {@link TaskerConfig#application()} gives; their sections are its own
     * @return the validated configuration
     * @throws ConfigException listing every problem, each naming its key
     */
    public static TaskerConfig load(Optional<Path> file, Map<String, String> env, List<ConfigKey> extraKeys) {
        return load(file, env, extraKeys, Set.of());
    }

    /**
     * Loads the collector's keys and an application's own, leaving other programs' sections alone.
     *
     * @param file the YAML file, or empty for the one {@value #CONFIG_ENV} names, if any
     * @param env the environment variables, which override the file
     * @param extraKeys keys of the application embedding the collector, whose typed values
     *     {@link TaskerConfig#application()} gives
     * @param sharedSections top-level sections of the same file that another program reads and
     *     checks itself (the CLI shares the console's file and leaves its {@code console:} alone);
     *     any other section nobody owns is an error
     * @return the validated configuration
     * @throws ConfigException listing every problem, each naming its key
     */
    public static TaskerConfig load(
            Optional<Path> file, Map<String, String> env, List<ConfigKey> extraKeys, Set<String> sharedSections) {
        return load(file, Map.of(), env, extraKeys, sharedSections);
    }

    /**
     * Loads with values from a framework's own configuration (Spring Boot's {@code tasker.*}
     * properties) laid over the file and its environment entry, and under the environment
     * variables, as the file's own values are: a {@code TASKER_*} variable still wins.
     *
     * @param file the YAML file, if any ({@code TASKER_METRICS_CONFIG} names one otherwise)
     * @param properties values by key name ({@code telemetry.sync_interval}) as text, as the file would hold them
     * @param env the environment variables
     * @param extraKeys keys of the application embedding the collector
     * @param sharedSections sections of the file that another program checks
     * @return the validated configuration
     * @throws ConfigException listing every problem, each naming its key
     */
    public static TaskerConfig load(
            Optional<Path> file,
            Map<String, String> properties,
            Map<String, String> env,
            List<ConfigKey> extraKeys,
            Set<String> sharedSections) {
        Optional<Path> path = file.or(() -> Optional.ofNullable(env.get(CONFIG_ENV))
                .filter(s -> !s.isBlank())
                .map(Path::of));
        List<ConfigKey> keys = new ArrayList<>(ConfigKey.ALL);
        keys.addAll(extraKeys);
        List<String> problems = new ArrayList<>();
        JsonNode root = path.map(p -> read(p, problems)).orElse(null);
        List<String> known = keys.stream().map(ConfigKey::name).toList();
        Environments.Selection environment = Environments.select(
                root,
                env.get(Environments.ENV),
                known,
                name -> known.contains(name) || sharedSections.contains(section(name)),
                path.map(Path::toString).orElse(null),
                problems);
        Map<String, JsonNode> raw = new LinkedHashMap<>();
        if (root != null) {
            flatten("", root, raw, problems);
        }
        unknownKeys(raw, keys, sharedSections, problems);
        raw.putAll(environment.keys());
        Map<String, JsonNode> given = new LinkedHashMap<>();
        properties.forEach((name, text) -> given.put(name, TextNode.valueOf(text)));
        unknownKeys(given, keys, Set.of(), problems);
        raw.putAll(given);
        Map<ConfigKey, Object> values = new LinkedHashMap<>();
        for (ConfigKey key : keys) {
            values.put(key, value(key, raw.get(key.name()), env, problems));
        }
        TaskerConfig config = build(values, extraKeys, environment.name(), otel(env));
        validate(config, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(path.map(Path::toString).orElse("defaults and environment"), problems);
        }
        return config;
    }

    /** The file's YAML tree, or null when it is empty or cannot be read (the problem is listed). */
    private static JsonNode read(Path path, List<String> problems) {
        if (!Files.isRegularFile(path)) {
            problems.add("configuration file " + path + " does not exist (given by --config or " + CONFIG_ENV + ")");
            return null;
        }
        try {
            JsonNode root = Yaml.MAPPER.readTree(path.toFile());
            return root == null || root.isMissingNode() || root.isNull() ? null : root;
        } catch (IOException e) {
            problems.add(path + " is not valid YAML: "
                    + e.getMessage().lines().findFirst().orElse(""));
            return null;
        }
    }

    private static String section(String name) {
        return name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
    }

    static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out, List<String> problems) {
        if (!node.isObject()) {
            if (prefix.isEmpty()) {
                problems.add("the configuration file must hold a mapping of keys (telemetry:, cache:)");
            } else {
                out.put(prefix, node);
            }
            return;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out, problems);
        }
    }

    private static void unknownKeys(
            Map<String, JsonNode> raw, List<ConfigKey> keys, Set<String> shared, List<String> problems) {
        List<String> known = keys.stream().map(ConfigKey::name).toList();
        for (String name : raw.keySet()) {
            if (!known.contains(name) && !shared.contains(section(name))) {
                problems.add("unknown key " + name
                        + nearest(name, known)
                                .map(k -> " (did you mean " + k + "?)")
                                .orElse(""));
            }
        }
    }

    /** The known key closest in spelling, when it is close enough to be a likely typo. */
    static Optional<String> nearest(String name, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = Math.min(
                    distance(name, k),
                    distance(last(name), last(k)) + (prefix(name).equals(prefix(k)) ? 0 : 3));
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
                case STRING, URL -> text;
                case BOOLEAN ->
                    switch (text.toLowerCase(Locale.ROOT)) {
                        case "true", "yes", "on", "1" -> true;
                        case "false", "no", "off", "0" -> false;
                        default -> throw new IllegalArgumentException("expected true or false, got " + shown);
                    };
                case INTEGER -> Integer.parseInt(text);
                case DURATION -> Durations.parse(text);
            };
        } catch (NumberFormatException e) {
            problems.add(source
                    + (text.trim().matches("-?\\d+")
                            ? ": " + shown + " is too large; the largest is " + Integer.MAX_VALUE
                            : ": expected a whole number, got " + shown));
        } catch (IllegalArgumentException e) {
            problems.add(source + ": " + e.getMessage());
        }
        return typed(key, key.defaultValue(), source, new ArrayList<>());
    }

    private static TaskerConfig build(
            Map<ConfigKey, Object> v, List<ConfigKey> extraKeys, String environment, Map<String, String> otel) {
        Typed t = new Typed(v);
        Map<ConfigKey, Object> own = new LinkedHashMap<>();
        extraKeys.forEach(key -> own.put(key, v.get(key)));
        Map<String, String> shown = new LinkedHashMap<>();
        v.forEach((key, value) -> shown.put(key.name(), key.show(value)));
        return new TaskerConfig(
                t.telemetry(),
                t.registry(),
                t.sync(),
                t.cache(),
                t.export(),
                t.delivery(),
                t.remoteWrite(),
                t.events(),
                t.runs(),
                t.openTelemetry(),
                t.statsd(),
                new ApplicationValues(own),
                shown,
                environment,
                otel);
    }

    /** Reads the values just typed by each key's kind into the record of each part that reads them. */
    private record Typed(Map<ConfigKey, Object> values) {
        TaskerConfig.Telemetry telemetry() {
            return new TaskerConfig.Telemetry(
                    flag(ConfigKey.METRICS_ENABLED),
                    text(ConfigKey.METRICS_FORMAT).toLowerCase(Locale.ROOT),
                    duration(ConfigKey.SYNC_INTERVAL),
                    text(ConfigKey.INSTANCE_ID),
                    Path.of(text(ConfigKey.EXPORT_DIRECTORY)),
                    duration(ConfigKey.STALE_EXPORT_THRESHOLD),
                    flag(ConfigKey.SCHEDULED_EXPORT));
        }

        RegistryConfig registry() {
            return new RegistryConfig(
                    text(ConfigKey.METRIC_PREFIX),
                    integer(ConfigKey.CARDINALITY_LIMIT),
                    integer(ConfigKey.MAX_LABEL_VALUE_LENGTH));
        }

        SyncConfig sync() {
            return new SyncConfig(
                    duration(ConfigKey.RETENTION_WINDOW),
                    integer(ConfigKey.BATCH_SIZE),
                    flag(ConfigKey.INCLUDE_INSTANCE_LABELS),
                    integer(ConfigKey.SYNC_FAILURE_THRESHOLD));
        }

        TaskerConfig.CacheSettings cache() {
            return new TaskerConfig.CacheSettings(
                    text(ConfigKey.CACHE_URL), text(ConfigKey.CACHE_NAMESPACE), duration(ConfigKey.CACHE_TIMEOUT));
        }

        ExportConfig export() {
            return new ExportConfig(
                    duration(ConfigKey.EXPORT_INTERVAL),
                    duration(ConfigKey.JOB_TIMEOUT),
                    duration(ConfigKey.EXPORT_TIMEOUT),
                    integer(ConfigKey.RETRY_ATTEMPTS),
                    duration(ConfigKey.RETENTION_WINDOW),
                    duration(ConfigKey.SAFETY_MARGIN),
                    duration(ConfigKey.EXPORT_RETENTION),
                    integer(ConfigKey.EXPORT_MAX_FILES));
        }

        DeliveryConfig delivery() {
            return new DeliveryConfig(
                    duration(ConfigKey.EXPORT_TIMEOUT),
                    integer(ConfigKey.RETRY_ATTEMPTS),
                    integer(ConfigKey.BATCH_SIZE),
                    flag(ConfigKey.SKIP_IF_UNAVAILABLE));
        }

        RemoteWriteConfig remoteWrite() {
            String compression = text(ConfigKey.COMPRESSION);
            return new RemoteWriteConfig(
                    blankToNull(text(ConfigKey.ENDPOINT)),
                    blankToNull(text(ConfigKey.USERNAME)),
                    blankToNull(text(ConfigKey.PASSWORD)),
                    compression == null || compression.isBlank() ? "none" : compression.toLowerCase(Locale.ROOT),
                    flag(ConfigKey.REQUIRE_ENDPOINT));
        }

        EventsConfig events() {
            return new EventsConfig(integer(ConfigKey.EVENTS_QUEUE_CAPACITY), duration(ConfigKey.EVENTS_DRAIN_TIMEOUT));
        }

        RunsConfig runs() {
            return new RunsConfig(
                    integer(ConfigKey.RUNS_KEEP_SUCCESSFUL),
                    integer(ConfigKey.RUNS_KEEP_FAILED),
                    duration(ConfigKey.RUNS_KEEP_FAILED_FOR));
        }

        OpenTelemetryConfig openTelemetry() {
            return new OpenTelemetryConfig(
                    flag(ConfigKey.TELEMETRY_ENABLED),
                    text(ConfigKey.SERVICE_NAME),
                    text(ConfigKey.OTLP_ENDPOINT),
                    text(ConfigKey.OTLP_HEADERS),
                    text(ConfigKey.MASKED_PARAMETERS),
                    text(ConfigKey.MASKED_VALUE_PATTERN),
                    duration(ConfigKey.OPEN_SPAN_TIMEOUT));
        }

        StatsdConfig statsd() {
            return new StatsdConfig(
                    flag(ConfigKey.STATSD_ENABLED),
                    text(ConfigKey.STATSD_HOST),
                    integer(ConfigKey.STATSD_PORT),
                    text(ConfigKey.STATSD_ENV),
                    text(ConfigKey.STATSD_SERVICE));
        }

        private String text(ConfigKey key) {
            return (String) values.get(key);
        }

        private Integer integer(ConfigKey key) {
            return (Integer) values.get(key);
        }

        private Boolean flag(ConfigKey key) {
            return (Boolean) values.get(key);
        }

        private Duration duration(ConfigKey key) {
            return (Duration) values.get(key);
        }
    }

    /** The standard OpenTelemetry variables, kept for the parts that read them as OpenTelemetry does. */
    private static Map<String, String> otel(Map<String, String> env) {
        Map<String, String> out = new LinkedHashMap<>();
        env.forEach((k, v) -> {
            if (k.startsWith("OTEL_") && v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static void validate(TaskerConfig c, List<String> problems) {
        String format = c.telemetry().metricsFormat();
        if (ExpositionFormats.canonical(format).isEmpty() && !ExportDestinations.OTLP.equalsIgnoreCase(format.trim())) {
            problems.add("telemetry.metrics_format: '" + format + "' is not one of " + ExpositionFormats.NAMES + " or "
                    + ExportDestinations.OTLP);
        }
        if (!COMPRESSIONS.contains(c.remoteWrite().compression())) {
            problems.add("telemetry.prometheus.compression: '" + c.remoteWrite().compression()
                    + "' is not one of snappy, gzip, none");
        }
        validateExport(c.export(), c.telemetry().syncInterval(), problems);
        range(problems, "telemetry.prometheus.batch_size", c.sync().batchSize(), 1, 100_000);
        range(problems, ConfigKey.SYNC_FAILURE_THRESHOLD.name(), c.sync().failureThreshold(), 1, 1_000);
        range(problems, "telemetry.cardinality_limit", c.registry().cardinalityLimit(), 1, 10_000_000);
        range(problems, "telemetry.max_label_value_length", c.registry().maxLabelValueLength(), 1, 65_535);
        positive(problems, "telemetry.sync_interval", c.telemetry().syncInterval());
        positive(problems, "cache.timeout", c.cache().timeout());
        // The domain classes judge their own values, so the configuration never accepts what they refuse.
        check(
                problems,
                ConfigKey.METRIC_PREFIX,
                () -> RegistryOptions.defaults().withMetricPrefix(c.registry().metricPrefix()));
        check(problems, ConfigKey.CACHE_NAMESPACE, () -> new KeyLayout(c.cache().namespace()));
        String instance = c.telemetry().instanceId();
        if (instance != null) {
            check(problems, ConfigKey.INSTANCE_ID, () -> SyncOptions.defaults(instance));
        }
        check(problems, ConfigKey.CACHE_URL, () -> CacheStores.check(c.cache().url()));
        validateRemoteWrite(c.remoteWrite(), c.environment(), problems);
    }

    private static void validateExport(ExportConfig e, Duration syncInterval, List<String> problems) {
        if (e.safetyMargin().plus(e.exportTimeout()).compareTo(e.retentionWindow()) >= 0) {
            problems.add("telemetry.prometheus.safety_margin (" + Durations.format(e.safetyMargin())
                    + ") + export_timeout (" + Durations.format(e.exportTimeout())
                    + ") must be shorter than retention_window ("
                    + Durations.format(e.retentionWindow()) + "), or data expires before the export can finish");
        }
        if (syncInterval.multipliedBy(2).compareTo(e.retentionWindow().dividedBy(2)) > 0) {
            problems.add("telemetry.sync_interval ("
                    + Durations.format(syncInterval)
                    + ") must be at most a quarter of telemetry.prometheus.retention_window ("
                    + Durations.format(e.retentionWindow()) + "), so that a live instance is never taken for stopped");
        }
        range(problems, "telemetry.prometheus.retry_attempts", e.retryAttempts(), 0, 10);
        positive(problems, "telemetry.prometheus.export_timeout", e.exportTimeout());
        positive(problems, "telemetry.prometheus.job_timeout", e.jobTimeout());
        positive(problems, ConfigKey.EXPORT_RETENTION.name(), e.fileRetention());
        range(problems, ConfigKey.EXPORT_MAX_FILES.name(), e.maxFiles(), 1, 10_000_000);
        positive(problems, "telemetry.export_interval", e.interval());
    }

    private static void validateRemoteWrite(RemoteWriteConfig r, String environment, List<String> problems) {
        endpoint(problems, r.endpoint());
        if (r.required() && r.endpoint() == null) {
            problems.add("telemetry.prometheus.endpoint is required here (telemetry.prometheus.require_endpoint is true"
                    + (environment == null ? "" : " in environment " + environment)
                    + "); set PROMETHEUS_ENDPOINT or telemetry.prometheus.endpoint to the remote write URL");
        }
        if (r.username() == null && r.password() != null) {
            problems.add("telemetry.prometheus.password is set but telemetry.prometheus.username is not");
        }
    }

    private static void check(List<String> problems, ConfigKey key, Runnable domainCheck) {
        try {
            domainCheck.run();
        } catch (IllegalArgumentException e) {
            problems.add(key.name() + ": " + e.getMessage());
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

    /**
     * The YAML parser, in a holder so that its classes load only when a file is read: a service
     * configured by environment variables alone runs without jackson-dataformat-yaml.
     */
    private static final class Yaml {
        /** A key given twice is an error, not a silent choice of the last one. */
        static final ObjectMapper MAPPER =
                new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
