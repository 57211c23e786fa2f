package io.tasker.metrics.snapshot;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable label set, sorted by label name.
 *
 * <p>Writers rely on the order: Prometheus and OpenMetrics text, JSON and CSV all list labels
 * sorted by name, so that the same series always prints the same way.
 *
 * <pre>{@code
 * Labels labels = Labels.of("task_name", "payment_processing", "status", "success");
 * labels.get("status"); // "success"
 * }</pre>
 */
public final class Labels implements Comparable<Labels> {
    /** The label set without labels. */
    public static final Labels EMPTY = new Labels(new String[0], new String[0]);

    private final String[] names;
    private final String[] values;

    private Labels(String[] names, String[] values) {
        this.names = names;
        this.values = values;
    }

    /**
     * Builds a label set from alternating names and values, in any order.
     *
     * @param namesAndValues name, value, name, value...; none null
     * @return the label set, sorted by name
     * @throws IllegalArgumentException for an odd count or a name given twice
     */
    public static Labels of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Labels need name/value pairs, got an odd count " + namesAndValues.length
                    + ": " + Arrays.toString(namesAndValues));
        }
        int n = namesAndValues.length / 2;
        String[] names = new String[n];
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = Objects.requireNonNull(namesAndValues[2 * i], "label name");
            values[i] = Objects.requireNonNull(namesAndValues[2 * i + 1], "label value of " + names[i]);
        }
        return sorted(names, values);
    }

    /**
     * Builds a label set from a map; iteration order does not matter.
     *
     * @param map label values by name; no null keys or values
     * @return the label set, sorted by name
     */
    public static Labels of(Map<String, String> map) {
        String[] names = new String[map.size()];
        String[] values = new String[map.size()];
        int i = 0;
        for (Map.Entry<String, String> e : map.entrySet()) {
            names[i] = Objects.requireNonNull(e.getKey(), "label name");
            values[i++] = Objects.requireNonNull(e.getValue(), "label value of " + e.getKey());
        }
        return sorted(names, values);
    }

    /**
     * Wraps arrays that the caller guarantees sorted by name, without duplicates, and never
     * changed afterwards. The registry uses it to share one names array across a family.
     *
     * @param sortedNames label names, sorted and distinct
     * @param values the value of each name, at the same position
     * @return the label set, wrapping the arrays without copying
     * @throws IllegalArgumentException when the arrays differ in length
     */
    public static Labels ofSorted(String[] sortedNames, String[] values) {
        if (sortedNames.length != values.length) {
            throw new IllegalArgumentException(
                    "names and values differ in length: " + sortedNames.length + " != " + values.length);
        }
        return sortedNames.length == 0 ? EMPTY : new Labels(sortedNames, values);
    }

    private static Labels sorted(String[] names, String[] values) {
        Integer[] order = new Integer[names.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> names[a].compareTo(names[b]));
        String[] n = new String[names.length];
        String[] v = new String[names.length];
        for (int i = 0; i < order.length; i++) {
            n[i] = names[order[i]];
            v[i] = values[order[i]];
            if (i > 0 && n[i].equals(n[i - 1])) {
                throw new IllegalArgumentException("Duplicate label name " + n[i]);
            }
        }
        return n.length == 0 ? EMPTY : new Labels(n, v);
    }

    /**
     * The number of labels.
     *
     * @return how many name/value pairs the set holds
     */
    public int size() {
        return names.length;
    }

    /**
     * Whether the set has no labels.
     *
     * @return true for a set without labels
     */
    public boolean isEmpty() {
        return names.length == 0;
    }

    /**
     * The name of label {@code i}, in name order.
     *
     * @param i the position, from 0 to {@link #size()} - 1
     * @return the label name
     */
    public String name(int i) {
        return names[i];
    }

    /**
     * The value of label {@code i}, in name order.
     *
     * @param i the position, from 0 to {@link #size()} - 1
     * @return the label value
     */
    public String value(int i) {
        return values[i];
    }

    /**
     * The value of a label, or {@code null} when this set does not have it.
     *
     * @param name the label name
     * @return its value, or null
     */
    public String get(String name) {
        int i = Arrays.binarySearch(names, name);
        return i >= 0 ? values[i] : null;
    }

    /**
     * A new label set with one more label (or the label replaced). Inserted in place, without a
     * map and a sort: the cluster view adds an {@code instance} label to every instance's gauges.
     *
     * @param name the label name; not null
     * @param value its value; not null
     * @return a new set; this one is unchanged
     */
    public Labels with(String name, String value) {
        Objects.requireNonNull(name, "label name");
        Objects.requireNonNull(value, "label value of " + name);
        int i = Arrays.binarySearch(names, name);
        if (i >= 0) {
            String[] v = values.clone();
            v[i] = value;
            return new Labels(names, v);
        }
        int at = -i - 1;
        String[] n = new String[names.length + 1];
        String[] v = new String[names.length + 1];
        System.arraycopy(names, 0, n, 0, at);
        System.arraycopy(values, 0, v, 0, at);
        n[at] = name;
        v[at] = value;
        System.arraycopy(names, at, n, at + 1, names.length - at);
        System.arraycopy(values, at, v, at + 1, names.length - at);
        return new Labels(n, v);
    }

    /**
     * Name to value, in name order.
     *
     * @return a new, modifiable map that iterates in name order
     */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            map.put(names[i], values[i]);
        }
        return map;
    }

    @Override
    public int compareTo(Labels other) {
        int n = Math.min(size(), other.size());
        for (int i = 0; i < n; i++) {
            int c = names[i].compareTo(other.names[i]);
            if (c != 0) {
                return c;
            }
            c = values[i].compareTo(other.values[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(size(), other.size());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Labels other && Arrays.equals(names, other.names) && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(names[i]).append("=\"").append(values[i]).append('"');
        }
        return sb.append('}').toString();
    }
}
