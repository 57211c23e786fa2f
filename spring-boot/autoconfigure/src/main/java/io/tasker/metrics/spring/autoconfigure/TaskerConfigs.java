package io.tasker.metrics.spring.autoconfigure;

import io.tasker.metrics.config.ConfigKey;
import io.tasker.metrics.config.ConfigLoader;
import io.tasker.metrics.config.Durations;
import io.tasker.metrics.config.TaskerConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;

/**
 * Turns the bound {@link TaskerProperties} into the collector's {@link TaskerConfig} through
 * {@link ConfigLoader}, so that a property is checked, defaulted and overridden by its
 * environment variable exactly as the same key in the YAML file is.
 *
 * <pre>{@code
 * TaskerConfig config = TaskerConfigs.load(properties, System.getenv());
 * }</pre>
 */
public final class TaskerConfigs {
    /** The console's section may share the file; the console checks it, not a service. */
    private static final Set<String> SHARED_SECTIONS = Set.of("console");

    private TaskerConfigs() {}

    /**
     * Loads the configuration the properties, the file they name and the environment describe.
     *
     * @param properties the bound {@code tasker.*} properties
     * @param env the environment variables ({@code System.getenv()})
     * @return the validated configuration
     * @throws io.tasker.metrics.config.ConfigException listing every problem, each naming its key
     */
    public static TaskerConfig load(TaskerProperties properties, Map<String, String> env) {
        return ConfigLoader.load(
                Optional.ofNullable(properties.getConfigFile()), values(properties), env, List.of(), SHARED_SECTIONS);
    }

    /**
     * The properties that are set, by the collector's key name, as text the YAML file would hold.
     *
     * @param properties the bound {@code tasker.*} properties
     * @return key name to text, for set properties only
     */
    public static Map<String, String> values(TaskerProperties properties) {
        BeanWrapper bean = PropertyAccessorFactory.forBeanPropertyAccess(properties);
        Map<String, String> values = new LinkedHashMap<>();
        for (ConfigKey key : ConfigKey.ALL) {
            Object value = bean.getPropertyValue(beanPath(key));
            if (value != null) {
                values.put(key.name(), text(value));
            }
        }
        return values;
    }

    /**
     * The bean property path of a key: {@code telemetry.prometheus.metricPrefix} for
     * {@code telemetry.prometheus.metric_prefix}.
     *
     * @param key a collector key
     * @return its path in {@link TaskerProperties}
     */
    static String beanPath(ConfigKey key) {
        StringBuilder path = new StringBuilder();
        boolean upper = false;
        for (char c : key.name().toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                path.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return path.toString();
    }

    /**
     * The kebab-case property name of a key, as Spring Boot's metadata lists it.
     *
     * @param key a collector key
     * @return {@code tasker.telemetry.sync-interval} for {@code telemetry.sync_interval}
     */
    public static String propertyName(ConfigKey key) {
        return "tasker." + key.name().replace('_', '-');
    }

    private static String text(Object value) {
        // Durations as the file writes them; Spring has parsed "30s" or "PT30S" alike.
        return value instanceof Duration d ? Durations.format(d) : value.toString();
    }
}
