package io.tasker.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The three- and four-value lookups: the same series as the varargs one, and no allocation once it exists. */
class LabelArityTest {
    private final MetricRegistry registry = new MetricRegistry();

    @Test
    void threeAndFourValuesFindTheSeriesTheArrayFinds() {
        Counter three = registry.counter("step_executions_total", "task_name", "step_name", "status");
        CounterSeries s = three.labels("checkout", "charge", "success");
        assertSame(s, three.labels(new String[] {"checkout", "charge", "success"}));
        assertSame(s, three.labels(new String("checkout"), new String("charge"), new String("success")));
        Counter four = registry.counter("attempts_total", "task_name", "step_name", "status", "queue");
        CounterSeries t = four.labels(new String[] {"a", "b", "c", "d"});
        assertSame(t, four.labels("a", "b", "c", "d"));
        assertEquals(
                2,
                registry.snapshot().families().stream()
                        .mapToInt(f -> f.points().size())
                        .sum());
    }

    @Test
    void theWrongNumberOfValuesNamesTheMetricAndItsLabels() {
        Counter three = registry.counter("step_executions_total", "task_name", "step_name", "status");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> three.labels("a", "b", "c", "d"));
        assertTrue(e.getMessage().contains("tasker_step_executions has 3 label(s)"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> registry.counter("two_total", "a", "b").labels("x", "y", "z"));
    }

    @Test
    void overLongAndNullValuesTakeTheSlowPathAsTheArrayDoes() {
        MetricRegistry small = new MetricRegistry(RegistryOptions.defaults().withMaxLabelValueLength(4));
        Counter c = small.counter("jobs_total", "a", "b", "c");
        assertSame(c.labels("abcd", "x", "y"), c.labels("abcdefgh", "x", "y"), "cut to the limit, the same series");
        assertThrows(IllegalArgumentException.class, () -> c.labels("x", null, "y"));
    }

    @Test
    void anExistingSeriesIsFoundWithoutAllocating() {
        Counter c = registry.counter("step_executions_total", "task_name", "step_name", "status");
        String[] tasks = {"checkout", "refund", "ship"};
        for (String task : tasks) {
            c.labels(task, "charge", "success").inc();
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 30_000; i++) {
            c.labels(tasks[i % 3], "charge", "success").inc();
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        // A varargs array a call would be 30,000 x 32 bytes; what is left is the measurement's own noise.
        assertTrue(allocated < 30_000, allocated + " bytes allocated for 30,000 lookups");
        assertEquals(10_001, c.labels("checkout", "charge", "success").value());
    }
}
