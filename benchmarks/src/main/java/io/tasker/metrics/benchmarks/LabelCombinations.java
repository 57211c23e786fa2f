package io.tasker.metrics.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The 1,000 label value pairs of the lookup benchmark (50 task names times 20 statuses),
 * pre-generated so that the measured call does no string work of its own, and shuffled with a
 * fixed seed so that successive calls land on unrelated series, as mixed traffic would.
 *
 * <pre>{@code
 * LabelCombinations c = LabelCombinations.create();
 * counter.labels(c.first(i), c.second(i)).inc();
 * }</pre>
 */
public final class LabelCombinations {
    public static final int COUNT = 1_000;

    private final String[] first;
    private final String[] second;

    private LabelCombinations(String[] first, String[] second) {
        this.first = first;
        this.second = second;
    }

    public static LabelCombinations create() {
        List<Integer> order = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(42));
        String[] first = new String[COUNT];
        String[] second = new String[COUNT];
        for (int i = 0; i < COUNT; i++) {
            int c = order.get(i);
            first[i] = "task_name_" + (c / 20);
            second[i] = "status_" + (c % 20);
        }
        return new LabelCombinations(first, second);
    }

    public String first(int i) {
        return first[i];
    }

    public String second(int i) {
        return second[i];
    }

    /**
     * The first value to create series with: the same instance that lookups pass, as with
     * label values that are constants, or an equal copy, as with values parsed from requests,
     * so that every lookup compares string contents. Every library is set up the same way.
     */
    public String firstToRegister(int i, boolean copy) {
        return copy ? new String(first[i]) : first[i];
    }

    public String secondToRegister(int i, boolean copy) {
        return copy ? new String(second[i]) : second[i];
    }

    /** The next index after {@code i}, wrapping at {@link #COUNT}; a predictable branch, no division. */
    public static int next(int i) {
        int n = i + 1;
        return n == COUNT ? 0 : n;
    }
}
