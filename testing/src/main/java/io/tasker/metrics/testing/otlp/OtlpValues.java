package io.tasker.metrics.testing.otlp;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.List;

/** Reading attribute values out of decoded OTLP messages, whatever their value type. */
public final class OtlpValues {
    private OtlpValues() {}

    /**
     * An attribute's value as text: strings as they are, numbers and booleans in Java's form.
     *
     * @param attributes a decoded attribute list
     * @param key the key to find
     * @return the value as text, or null when the key is absent
     */
    public static String attribute(List<KeyValue> attributes, String key) {
        return attributes.stream()
                .filter(a -> a.getKey().equals(key))
                .findFirst()
                .map(a -> text(a.getValue()))
                .orElse(null);
    }

    private static String text(AnyValue v) {
        return switch (v.getValueCase()) {
            case STRING_VALUE -> v.getStringValue();
            case INT_VALUE -> Long.toString(v.getIntValue());
            case DOUBLE_VALUE -> Double.toString(v.getDoubleValue());
            case BOOL_VALUE -> Boolean.toString(v.getBoolValue());
            default -> v.toString();
        };
    }
}
