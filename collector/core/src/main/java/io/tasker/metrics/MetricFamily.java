package io.tasker.metrics;

import io.tasker.metrics.snapshot.Labels;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.snapshot.MetricMetadata;
import io.tasker.metrics.snapshot.MetricType;
import io.tasker.metrics.snapshot.internal.Utf8;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * A named metric and its series, one per label combination.
 *
 * <p>Finding a series is lock-free: an open-addressing table of series, probed by the hash of
 * the label values, with no allocation when the series exists. Only a new combination takes the
 * family's lock. Past {@code maxSeriesPerMetric} combinations, new ones all share one overflow
 * series labelled {@code tasker_overflow="true"}, so memory stays bounded under a label
 * explosion; {@link #foldedObservations()} says how often that happened.
 *
 * @param <S> the kind of series
 */
public abstract sealed class MetricFamily<S extends Series> permits Counter, Gauge, Histogram {
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Series[].class);
    private static final Labels OVERFLOW_LABELS = Labels.of(Names.OVERFLOW_LABEL, "true");

    final MetricMetadata metadata;
    private final String[] labelNames;
    private final String[] sortedLabelNames;
    /** Position in the definition order of each sorted label, or null when already sorted. */
    private final int[] sortOrder;

    private final MetricRegistry registry;
    private final int maxSeries;
    private final int maxValueLength;
    private final LongAdder folded = new LongAdder();

    private volatile Series[] table = new Series[8];
    private volatile Series[] ordered = new Series[4];
    private volatile int size;
    private volatile S overflow;
    private volatile S unlabelled;

    MetricFamily(MetricRegistry registry, MetricMetadata metadata) {
        this.registry = registry;
        this.metadata = metadata;
        this.labelNames = metadata.labelNames().toArray(new String[0]);
        this.sortedLabelNames = labelNames.clone();
        Arrays.sort(sortedLabelNames);
        this.sortOrder = Arrays.equals(labelNames, sortedLabelNames) ? null : orderOf(labelNames, sortedLabelNames);
        this.maxSeries = registry.options().maxSeriesPerMetric();
        this.maxValueLength = registry.options().maxLabelValueLength();
    }

    abstract S newSeries(String[] labelValues, int hash);

    abstract MetricFamilySnapshot snapshot(List<S> series, List<Labels> labels, long foldedObservations);

    /**
     * The exposed name (a counter's without {@code _total}).
     *
     * @return the name, prefix included
     */
    public String name() {
        return metadata.name();
    }

    /**
     * Whether this is a counter, gauge or histogram.
     *
     * @return the family's type
     */
    public MetricType type() {
        return metadata.type();
    }

    /**
     * The label names, in definition order.
     *
     * @return the names the family was defined with
     */
    public List<String> labelNames() {
        return metadata.labelNames();
    }

    /**
     * Series this family holds now, the overflow series not counted.
     *
     * @return the number of label combinations recorded so far
     */
    public int seriesCount() {
        return size;
    }

    /**
     * Lookups that went to the overflow series because the family was full.
     *
     * @return how many since the family was defined
     */
    public long foldedObservations() {
        return folded.sum();
    }

    /** The series of a metric defined without labels. */
    final S noLabels() {
        S u = unlabelled;
        return u != null ? u : createUnlabelled();
    }

    private synchronized S createUnlabelled() {
        if (labelNames.length != 0) {
            throw arity(0);
        }
        if (unlabelled == null) {
            unlabelled = create(new String[0], hash(new String[0]));
        }
        return unlabelled;
    }

    /**
     * The series of one label value, for a metric with one label.
     *
     * @param v0 the label value; not null (longer values are cut and counted)
     * @return the series, made on first use
     * @throws IllegalArgumentException when the metric does not have exactly one label, or for null
     */
    public final S labels(String v0) {
        if (labelNames.length != 1) {
            throw arity(1);
        }
        if (v0 == null || v0.length() > maxValueLength) {
            return slowLookup(new String[] {v0});
        }
        int h = mix(v0.hashCode());
        Series[] t = table;
        int mask = t.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            S s = slot(t, i);
            if (s == null) {
                return insert(new String[] {v0}, h);
            }
            if (s.hash == h && v0.equals(s.v0)) {
                return s;
            }
        }
    }

    /**
     * The series of two label values, in the order the labels were defined.
     *
     * @param v0 the first label's value
     * @param v1 the second label's value
     * @return the series, made on first use
     * @throws IllegalArgumentException when the metric does not have exactly two labels, or for null
     */
    public final S labels(String v0, String v1) {
        if (labelNames.length != 2) {
            throw arity(2);
        }
        if (v0 == null || v1 == null || v0.length() > maxValueLength || v1.length() > maxValueLength) {
            return slowLookup(new String[] {v0, v1});
        }
        int h = mix(31 * v0.hashCode() + v1.hashCode());
        Series[] t = table;
        int mask = t.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            S s = slot(t, i);
            if (s == null) {
                return insert(new String[] {v0, v1}, h);
            }
            if (s.hash == h && v0.equals(s.v0) && v1.equals(s.v1)) {
                return s;
            }
        }
    }

    /**
     * The series of three label values, in the order the labels were defined; allocates nothing once it exists.
     *
     * @param v0 the first label's value
     * @param v1 the second label's value
     * @param v2 the third label's value
     * @return the series, made on first use
     * @throws IllegalArgumentException when the metric does not have exactly three labels, or for null
     */
    public final S labels(String v0, String v1, String v2) {
        return fixedArity(3, v0, v1, v2, null);
    }

    /**
     * The series of four label values, in the order the labels were defined; allocates nothing once it exists.
     *
     * @param v0 the first label's value
     * @param v1 the second label's value
     * @param v2 the third label's value
     * @param v3 the fourth label's value
     * @return the series, made on first use
     * @throws IllegalArgumentException when the metric does not have exactly four labels, or for null
     */
    public final S labels(String v0, String v1, String v2, String v3) {
        return fixedArity(4, v0, v1, v2, v3);
    }

    /**
     * Three or four values without the varargs array, which would escape into the lookup and cost
     * 32 bytes a call; the array is made only for a new series or the slow path.
     */
    private S fixedArity(int n, String v0, String v1, String v2, String v3) {
        if (labelNames.length != n) {
            throw arity(n);
        }
        if (unusual(v0) || unusual(v1) || unusual(v2) || n == 4 && unusual(v3)) {
            return slowLookup(values(n, v0, v1, v2, v3));
        }
        int h = 31 * (31 * v0.hashCode() + v1.hashCode()) + v2.hashCode();
        h = mix(n == 4 ? 31 * h + v3.hashCode() : h);
        Series[] t = table;
        int mask = t.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            S s = slot(t, i);
            if (s == null) {
                return insert(values(n, v0, v1, v2, v3), h);
            }
            if (s.hash == h && v0.equals(s.v0) && v1.equals(s.v1) && v2.equals(s.v2) && (n == 3 || v3.equals(s.v3))) {
                return s;
            }
        }
    }

    /** Null or over the length limit: the slow path counts and cuts it. */
    private boolean unusual(String v) {
        return v == null || v.length() > maxValueLength;
    }

    private static String[] values(int n, String v0, String v1, String v2, String v3) {
        return n == 3 ? new String[] {v0, v1, v2} : new String[] {v0, v1, v2, v3};
    }

    /**
     * The series of these label values, in the order the labels were defined.
     *
     * @param values one value per label; not null
     * @return the series, made on first use
     * @throws IllegalArgumentException for a wrong number of values, or a null one
     */
    public final S labels(String... values) {
        if (values.length != labelNames.length) {
            throw arity(values.length);
        }
        if (values.length == 0) {
            return noLabels();
        }
        for (String v : values) {
            if (v == null || v.length() > maxValueLength) {
                return slowLookup(values.clone());
            }
        }
        int h = hash(values);
        Series[] t = table;
        int mask = t.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            S s = slot(t, i);
            if (s == null) {
                return insert(values.clone(), h);
            }
            if (s.hash == h && s.hasValues(values)) {
                return s;
            }
        }
    }

    /**
     * The series of a label set as a snapshot has it (sorted by name), for restoring saved
     * state; the overflow series for {@code tasker_overflow="true"}.
     */
    final S seriesOf(Labels labels) {
        if (labels.equals(OVERFLOW_LABELS)) {
            return overflow();
        }
        String[] names = new String[labels.size()];
        String[] values = new String[labels.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = labels.name(i);
            values[i] = labels.value(i);
        }
        return labels(names, values);
    }

    /**
     * The series of {@code name, value, name, value...} pairs, for the one-call style. When the
     * names come in the defined order, as they do from one call site, this allocates nothing for
     * up to four labels and one array for more; any other order goes through
     * {@link #labels(String[], String[])}.
     */
    final S labelsFromPairs(String[] pairs) {
        int n = labelNames.length;
        if (pairs.length != 2 * n || !inDefinedOrder(pairs)) {
            String[] names = new String[pairs.length / 2];
            String[] values = new String[names.length];
            for (int i = 0; i < names.length; i++) {
                names[i] = pairs[2 * i];
                values[i] = pairs[2 * i + 1];
            }
            return labels(names, values);
        }
        switch (n) {
            case 0:
                return noLabels();
            case 1:
                return labels(pairs[1]);
            case 2:
                return labels(pairs[1], pairs[3]);
            case 3:
                return labels(pairs[1], pairs[3], pairs[5]);
            case 4:
                return labels(pairs[1], pairs[3], pairs[5], pairs[7]);
            default:
                String[] values = new String[n];
                for (int i = 0; i < n; i++) {
                    values[i] = pairs[2 * i + 1];
                }
                return labels(values);
        }
    }

    private boolean inDefinedOrder(String[] pairs) {
        for (int i = 0; i < labelNames.length; i++) {
            String name = pairs[2 * i];
            // Mostly the same literal as at definition: String.equals decides on the reference first.
            if (!labelNames[i].equals(name)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a value within the limit in chars is over it in UTF-8 bytes. Asked only before a
     * series is made, so that recording into an existing series never counts bytes.
     */
    private boolean overLong(String[] values) {
        for (String v : values) {
            if (v.length() * 3L > maxValueLength && Utf8.length(v) > maxValueLength) {
                return true;
            }
        }
        return false;
    }

    /** Checks nulls and cuts over-long values (in UTF-8 bytes, at a character), then looks up again. */
    private S slowLookup(String[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw new IllegalArgumentException("Label " + labelNames[i] + " of metric " + metadata.name()
                        + " is null; pass an empty string for 'no value'");
            }
            String cut = Utf8.cut(values[i], maxValueLength);
            if (cut.length() < values[i].length()) {
                values[i] = cut;
                registry.countTruncatedLabelValue();
            }
        }
        return labels(values);
    }

    /** Maps a label name to value map onto the definition order, for the one-call style. */
    final S labels(String[] names, String[] values) {
        if (names.length != labelNames.length) {
            throw mismatch(names);
        }
        String[] ordered = new String[labelNames.length];
        for (int i = 0; i < names.length; i++) {
            int at = indexOf(labelNames, names[i]);
            if (at < 0 || ordered[at] != null) {
                throw mismatch(names);
            }
            ordered[at] = values[i];
        }
        return labels(ordered);
    }

    private S insert(String[] values, int h) {
        if (overLong(values)) {
            return slowLookup(values);
        }
        if (size >= maxSeries) {
            return overflowSeries();
        }
        synchronized (this) {
            Series[] t = table;
            int mask = t.length - 1;
            int i = h & mask;
            for (S s = slot(t, i); s != null; i = (i + 1) & mask, s = slot(t, i)) {
                if (s.hash == h && s.hasValues(values)) {
                    return s;
                }
            }
            if (size >= maxSeries) {
                return overflowSeries();
            }
            return create(values, h);
        }
    }

    /**
     * Adds a series; the caller holds the lock (or is the constructor), so the volatile size is
     * written by one thread at a time: volatile only so that readers without the lock see it.
     */
    @SuppressWarnings("NonAtomicVolatileUpdate")
    private S create(String[] values, int h) {
        S series = newSeries(values, h);
        Series[] t = table;
        if ((size + 1) * 2 > t.length) {
            t = rehash(t, t.length * 2);
        }
        int mask = t.length - 1;
        int i = h & mask;
        while (t[i] != null) {
            i = (i + 1) & mask;
        }
        SLOTS.setRelease(t, i, series);
        table = t;
        Series[] o = ordered;
        if (size == o.length) {
            o = Arrays.copyOf(o, o.length * 2);
            ordered = o;
        }
        o[size] = series;
        size = size + 1;
        return series;
    }

    private static Series[] rehash(Series[] old, int capacity) {
        Series[] t = new Series[capacity];
        int mask = capacity - 1;
        for (Series s : old) {
            if (s != null) {
                int i = s.hash & mask;
                while (t[i] != null) {
                    i = (i + 1) & mask;
                }
                t[i] = s;
            }
        }
        return t;
    }

    private S overflowSeries() {
        folded.increment();
        return overflow();
    }

    private S overflow() {
        S o = overflow;
        if (o == null) {
            synchronized (this) {
                o = overflow;
                if (o == null) {
                    String[] values = new String[labelNames.length];
                    Arrays.fill(values, "");
                    o = newSeries(values, 0);
                    overflow = o;
                }
            }
        }
        return o;
    }

    /** An immutable picture of every series, in the order they were first recorded. */
    final MetricFamilySnapshot snapshot() {
        List<S> series = allSeries();
        List<Labels> labels = new ArrayList<>(series.size());
        for (S s : series) {
            labels.add(s == overflow ? OVERFLOW_LABELS : sortedLabels(s));
        }
        return snapshot(series, labels, folded.sum());
    }

    /** Every series in first-recorded order, the overflow series last. */
    final List<S> allSeries() {
        int n = size;
        Series[] o = ordered;
        List<S> series = new ArrayList<>(n + 1);
        for (int i = 0; i < n; i++) {
            @SuppressWarnings("unchecked")
            S s = (S) o[i];
            series.add(s);
        }
        S over = overflow;
        if (over != null) {
            series.add(over);
        }
        return series;
    }

    private Labels sortedLabels(Series s) {
        if (sortOrder == null) {
            return Labels.ofSorted(sortedLabelNames, s.labelValues(labelNames.length));
        }
        String[] v = new String[labelNames.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = s.labelValue(sortOrder[i]);
        }
        return Labels.ofSorted(sortedLabelNames, v);
    }

    @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"}) // The caller's slot type, one cast here.
    private static <S> S slot(Series[] t, int i) {
        return (S) SLOTS.getAcquire(t, i);
    }

    private static int hash(String[] values) {
        int h = 0;
        for (String v : values) {
            h = 31 * h + v.hashCode();
        }
        return mix(h);
    }

    /** Spreads the bits so that similar strings do not cluster in the table. */
    private static int mix(int h) {
        h *= 0x9E3779B1;
        return h ^ (h >>> 16);
    }

    private static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static int[] orderOf(String[] definition, String[] sorted) {
        int[] order = new int[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            order[i] = indexOf(definition, sorted[i]);
        }
        return order;
    }

    private IllegalArgumentException arity(int given) {
        return new IllegalArgumentException("Metric " + metadata.name() + " has " + labelNames.length + " label(s) "
                + Arrays.toString(labelNames) + " but " + given + " value(s) were given");
    }

    private IllegalArgumentException mismatch(String[] names) {
        return new IllegalArgumentException("Metric " + metadata.name() + " has labels " + Arrays.toString(labelNames)
                + " but was recorded with labels " + Arrays.toString(names));
    }
}
