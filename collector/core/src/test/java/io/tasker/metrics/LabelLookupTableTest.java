package io.tasker.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.Labels;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;

/**
 * The family's open-addressing table: lock-free lookups while it grows, and series whose hashes
 * are equal but whose values are not.
 */
class LabelLookupTableTest {
    /** "Aa" and "BB" have the same {@code String.hashCode()}, so every combination below collides. */
    private static final String A = "Aa";

    private static final String B = "BB";

    @Test
    void equalHashesWithDifferentValuesAreDifferentSeriesForEveryArity() {
        assertEquals(A.hashCode(), B.hashCode());
        MetricRegistry registry = new MetricRegistry();
        Counter one = registry.counter("one_total", "a");
        Counter two = registry.counter("two_total", "a", "b");
        Counter three = registry.counter("three_total", "a", "b", "c");
        Counter four = registry.counter("four_total", "a", "b", "c", "d");
        Counter five = registry.counter("five_total", "a", "b", "c", "d", "e");
        // Each pair of lookups agrees on every value's hash, so on the combination's.
        distinct(one.labels(A), one.labels(B), one.labels(copy(A)), one.labels(copy(B)));
        distinct(two.labels(A, B), two.labels(B, A), two.labels(copy(A), copy(B)), two.labels(copy(B), copy(A)));
        distinct(
                three.labels(A, A, B),
                three.labels(A, B, A),
                three.labels(copy(A), copy(A), copy(B)),
                three.labels(copy(A), copy(B), copy(A)));
        distinct(
                four.labels(A, B, B, A),
                four.labels(B, A, A, B),
                four.labels(copy(A), copy(B), copy(B), copy(A)),
                four.labels(copy(B), copy(A), copy(A), copy(B)));
        distinct(
                five.labels(A, B, A, B, A),
                five.labels(B, A, B, A, B),
                five.labels(copy(A), copy(B), copy(A), copy(B), copy(A)),
                five.labels(copy(B), copy(A), copy(B), copy(A), copy(B)));
        for (Counter c : List.of(one, two, three, four, five)) {
            assertEquals(2, c.seriesCount(), c.name());
        }
    }

    @Test
    void manyCollidingCombinationsAllStayApart() {
        // 2^8 values of eight "Aa"/"BB" blocks: all 256 have one hash, so one probe sequence.
        MetricRegistry registry = new MetricRegistry();
        Counter counter = registry.counter("collisions_total", "key", "status");
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 256; i++) {
                counter.labels(collidingValue(i), "ok").inc();
            }
        }
        assertEquals(256, counter.seriesCount());
        for (int i = 0; i < 256; i++) {
            assertEquals(3, counter.labels(copy(collidingValue(i)), "ok").value());
        }
    }

    @Test
    void emptyValuesWhoseHashIsZeroAreFound() {
        // "" hashes to 0, the hash of a free slot before mixing.
        MetricRegistry registry = new MetricRegistry();
        Counter one = registry.counter("one_total", "a");
        Counter two = registry.counter("two_total", "a", "b");
        one.labels("").inc();
        one.labels(copy("")).inc();
        two.labels("", "").inc();
        two.labels(copy(""), copy("")).inc();
        assertEquals(1, one.seriesCount());
        assertEquals(2, one.labels("").value());
        assertEquals(1, two.seriesCount());
        assertEquals(2, two.labels("", "").value());
    }

    @Test
    void snapshotsNameEveryValueForEveryArity() {
        // Names defined out of order, so the snapshot reorders the values; up to four values
        // live in fields of the series, more in an array.
        String[] names = {"e", "d", "c", "b", "a"};
        String[] values = {"v_e", "v_d", "v_c", "v_b", "v_a"};
        MetricRegistry registry = new MetricRegistry();
        for (int n = 1; n <= names.length; n++) {
            Counter counter = registry.counter("arity_" + n + "_total", java.util.Arrays.copyOf(names, n));
            counter.labels(java.util.Arrays.copyOf(values, n)).inc();
            CounterSnapshot snapshot =
                    (CounterSnapshot) registry.snapshot().family(counter.name()).orElseThrow();
            Labels labels = snapshot.points().get(0).labels();
            assertEquals(n, labels.size());
            for (int i = 0; i < n; i++) {
                assertEquals("v_" + names[i], labels.get(names[i]), n + " labels");
            }
        }
    }

    @Test
    void lookupsRacingWithTableGrowthFindEverySeriesExactlyOnce() throws Exception {
        int threads = 4;
        int combinations = 9_000; // under the default limit of 10,000; the table grows from 8 slots to 32,768
        for (int round = 0; round < 5; round++) {
            MetricRegistry registry = new MetricRegistry();
            Counter counter = registry.counter("racing_total", "task_name", "step_name", "status");
            AtomicReferenceArray<CounterSeries> seen = new AtomicReferenceArray<>(combinations);
            List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            Thread[] workers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                int offset = t * (combinations / threads);
                workers[t] = new Thread(() -> {
                    try {
                        start.await();
                        // Every thread creates and looks up every combination, starting at a
                        // different place, so creations, growths and lookups interleave.
                        for (int k = 0; k < combinations; k++) {
                            int i = (k + offset) % combinations;
                            CounterSeries s = counter.labels(task(i), step(i), status(i));
                            s.inc();
                            if (!seen.compareAndSet(i, null, s) && seen.get(i) != s) {
                                problems.add("two series for combination " + i);
                            }
                            // An earlier combination must still be found as the same series.
                            int j = (i * 7919) % combinations;
                            CounterSeries earlier = seen.get(j);
                            if (earlier != null && counter.labels(task(j), step(j), status(j)) != earlier) {
                                problems.add("combination " + j + " found as another series");
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                workers[t].start();
            }
            start.countDown();
            for (Thread w : workers) {
                w.join(120_000);
                assertTrue(!w.isAlive(), "a lookup thread made no progress for 2 minutes");
            }
            assertTrue(problems.isEmpty(), problems.stream().limit(5).toList().toString());
            assertEquals(combinations, counter.seriesCount());
            CounterSnapshot snapshot =
                    (CounterSnapshot) registry.snapshot().family(counter.name()).orElseThrow();
            assertEquals(combinations, snapshot.points().size());
            Set<Labels> labels = new HashSet<>();
            for (CounterSnapshot.Point p : snapshot.points()) {
                assertTrue(labels.add(p.labels()), "listed twice: " + p.labels());
                assertEquals(threads, p.value(), p.labels().toString());
            }
        }
    }

    private static String task(int i) {
        return new String("task_" + (i % 250));
    }

    private static String step(int i) {
        return new String("step_" + (i / 250));
    }

    private static String status(int i) {
        return i % 2 == 0 ? "success" : "failure";
    }

    /** A value of eight two-letter blocks, each "Aa" or "BB" by a bit of {@code i}. */
    private static String collidingValue(int i) {
        StringBuilder sb = new StringBuilder();
        for (int bit = 0; bit < 8; bit++) {
            sb.append((i >> bit & 1) == 0 ? A : B);
        }
        return sb.toString();
    }

    /** An equal but distinct string, as a value parsed from a request would be. */
    private static String copy(String s) {
        return new StringBuilder(s).toString();
    }

    private static void distinct(Series first, Series second, Series firstAgain, Series secondAgain) {
        assertNotSame(first, second);
        assertSame(first, firstAgain);
        assertSame(second, secondAgain);
    }
}
