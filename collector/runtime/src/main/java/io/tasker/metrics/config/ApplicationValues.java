package io.tasker.metrics.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The typed values of an application's own keys (the console's {@code console.*}), which the
 * collector has no record for; each getter checks that the key is known and of its kind, so a
 * wrong type fails at the call that asks for it rather than at a cast far away.
 *
 * <pre>{@code
 * Integer port = config.application().integer("console.port");
 * }</pre>
 */
public final class ApplicationValues {
    private final Map<String, ConfigKey> keys = new LinkedHashMap<>();
    private final Map<String, Object> values = new LinkedHashMap<>();

    ApplicationValues(Map<ConfigKey, Object> typed) {
        typed.forEach((key, value) -> {
            keys.put(key.name(), key);
            values.put(key.name(), value);
        });
    }

    /**
     * A text key's value (kinds {@code STRING} and {@code URL}).
     *
     * @param name the key's dotted name
     * @return the value, or null when unset
     * @throws IllegalArgumentException when the key is unknown or of another kind
     */
    public String text(String name) {
        ConfigKey.Kind kind = kind(name);
        return (String) get(name, kind == ConfigKey.Kind.URL ? ConfigKey.Kind.URL : ConfigKey.Kind.STRING);
    }

    /**
     * A whole-number key's value.
     *
     * @param name the key's dotted name
     * @return the value, or null when unset
     * @throws IllegalArgumentException when the key is unknown or of another kind
     */
    public Integer integer(String name) {
        return (Integer) get(name, ConfigKey.Kind.INTEGER);
    }

    /**
     * A boolean key's value.
     *
     * @param name the key's dotted name
     * @return the value, or null when unset
     * @throws IllegalArgumentException when the key is unknown or of another kind
     */
    public Boolean flag(String name) {
        return (Boolean) get(name, ConfigKey.Kind.BOOLEAN);
    }

    /**
     * A duration key's value.
     *
     * @param name the key's dotted name
     * @return the value, or null when unset
     * @throws IllegalArgumentException when the key is unknown or of another kind
     */
    public Duration duration(String name) {
        return (Duration) get(name, ConfigKey.Kind.DURATION);
    }

    private ConfigKey.Kind kind(String name) {
        ConfigKey key = keys.get(name);
        if (key == null) {
            throw new IllegalArgumentException(name + " is not a key the application declared when loading");
        }
        return key.kind();
    }

    private Object get(String name, ConfigKey.Kind expected) {
        ConfigKey.Kind kind = kind(name);
        if (kind != expected) {
            throw new IllegalArgumentException(name + " is a key of kind " + kind + ", not " + expected);
        }
        return values.get(name);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApplicationValues a && values.equals(a.values) && keys.equals(a.keys);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("ApplicationValues{");
        values.forEach((name, value) ->
                out.append(name).append('=').append(keys.get(name).show(value)).append(", "));
        return out.append('}').toString();
    }
}
