package io.tasker.metrics.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The table's verdicts follow the goals of the issue, from made-up scores. */
class ComparisonTableTest {
    @Test
    void judgesEachGoalFromTheScores() {
        String table = ComparisonTable.render(List.of(
                new Score("BoundCounterBenchmark", "longAdder", "", 1, 5.0, 0.1, 0.0001),
                new Score("BoundCounterBenchmark", "tasker", "", 1, 5.4, 0.1, 0.0001),
                new Score("BoundCounterBenchmark", "longAdder", "", 2, 6.0, 0.1, 0.0001),
                new Score("BoundCounterBenchmark", "tasker", "", 2, 20.0, 0.1, 0.0001),
                new Score("LabelLookupBenchmark", "tasker", "strings=same", 1, 12.0, 0.1, 0.0001),
                new Score("LabelLookupBenchmark", "clientJava", "strings=same", 1, 30.0, 0.1, 80),
                new Score("HistogramBenchmark", "tasker", "", 1, 11.0, 0.1, 24),
                new Score("ExportBenchmark", "taskerSnapshotAndWrite", "", 1, 250.0, 1, 100)));
        assertTrue(table.contains("MET: (a) bound increment within 10% of LongAdder, 1 thread(s)"), table);
        assertTrue(table.contains("MISSED: (a) bound increment within 10% of LongAdder, 2 thread(s)"), table);
        assertTrue(table.contains("MISSED: (d) counter on 2 threads at most 3x its 1-thread cost"), table);
        assertTrue(table.contains("MET: (b) lookup plus increment at most 15 ns, same strings"), table);
        assertTrue(table.contains("MET: (b) lookup ahead of every peer, same strings"), table);
        assertTrue(table.contains("MISSED: (c) histogram observe at most 10 ns on 1 thread"), table);
        assertTrue(table.contains("MISSED: (c) histogram observe allocates nothing"), table);
        assertTrue(
                table.contains("MET: (e) snapshot plus text at least 3 million series/s per core — 4,000,000"), table);
        assertTrue(table.contains("| Prometheus client_java | 30.0 ± 0.1 | 80 | – | – |"), table);
    }
}
