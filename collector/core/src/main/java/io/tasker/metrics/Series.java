package io.tasker.metrics;

import java.util.Arrays;

/**
 * One label combination of a metric, bound for fast recording. Obtained from
 * {@code labels(...)} on its family and safe to keep and share between threads.
 *
 * <p>It also keeps what its family's lookup table needs: the label values in the family's
 * definition order and their hash, so that a probe compares strings only on a hash match. Up
 * to four values sit in fields of the series itself rather than in an array: a lookup that hits
 * then loads the series and the strings, not an array between them, one dependent load fewer on
 * a path that waits on memory once a family has thousands of series. It is also smaller: four
 * references cost 16 bytes where a {@code String[2]} costs 24 and a {@code String[3]} 32.
 */
public abstract sealed class Series permits CounterSeries, GaugeSeries, HistogramSeries {
    /** The first four label values in definition order; null past the family's arity. */
    final String v0;

    final String v1;
    final String v2;
    final String v3;
    /** All the label values when there are more than four, else null. */
    private final String[] more;

    final int hash;

    Series(String[] labelValues, int hash) {
        int n = labelValues.length;
        this.v0 = n > 0 ? labelValues[0] : null;
        this.v1 = n > 1 ? labelValues[1] : null;
        this.v2 = n > 2 ? labelValues[2] : null;
        this.v3 = n > 3 ? labelValues[3] : null;
        this.more = n > 4 ? labelValues : null;
        this.hash = hash;
    }

    /** Label value {@code i} in definition order. */
    final String labelValue(int i) {
        if (more != null) {
            return more[i];
        }
        return switch (i) {
            case 0 -> v0;
            case 1 -> v1;
            case 2 -> v2;
            case 3 -> v3;
            default -> throw new IndexOutOfBoundsException(i);
        };
    }

    /** The {@code n} label values in definition order, as a new array (the kept one past four). */
    final String[] labelValues(int n) {
        if (more != null) {
            return more;
        }
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            values[i] = labelValue(i);
        }
        return values;
    }

    /** Whether these are this series' values, as many as the family has labels. */
    final boolean hasValues(String[] values) {
        if (more != null) {
            return Arrays.equals(values, more);
        }
        for (int i = 0; i < values.length; i++) {
            if (!values[i].equals(labelValue(i))) {
                return false;
            }
        }
        return true;
    }
}
