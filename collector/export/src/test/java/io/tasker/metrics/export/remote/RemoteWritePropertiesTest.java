package io.tasker.metrics.export.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tasker.metrics.Counter;
import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.RegistryOptions;
import io.tasker.metrics.export.remote.internal.RemoteWriteBatch;
import io.tasker.metrics.export.remote.internal.RemoteWriteEncoder;
import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The hand-written remote-write encoder, decoded by protobuf-java (which also checks what
 * remote write 1.0 asks of labels): every series of a random snapshot arrives once, with its
 * value, however the batches cut it (docs/properties.md).
 */
class RemoteWritePropertiesTest {

    @Property(tries = 200)
    void everySeriesArrivesOnceWithItsValue(
            @ForAll @Size(min = 1, max = 60)
                    Map<@From("values") String, @IntRange(min = 0, max = 1_000_000) Integer> counts,
            @ForAll @IntRange(min = 1, max = 50) int batchSize) {
        MetricRegistry registry =
                new MetricRegistry(RegistryOptions.defaults().withClock(new ManualClock(RemoteWriteEncoderTest.AT)));
        Counter jobs = Counter.builder("jobs_total").labelNames("task").register(registry);
        counts.forEach((task, n) -> jobs.labels(task).inc(n));
        MetricsSnapshot snapshot = registry.snapshot();

        Map<String, Double> arrived = new HashMap<>();
        Iterator<RemoteWriteBatch> batches = new RemoteWriteEncoder(batchSize).batches(snapshot);
        while (batches.hasNext()) {
            RemoteWriteProto.decode(batches.next().protobuf()).series().forEach(s -> {
                if (arrived.put(s.key(), s.value()) != null) {
                    throw new AssertionError("sent twice: " + s.key());
                }
            });
        }
        Map<String, Double> expected = new HashMap<>();
        for (CounterSnapshot.Point p :
                ((CounterSnapshot) snapshot.family("tasker_jobs").orElseThrow()).points()) {
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("__name__", "tasker_jobs_total");
            labels.put("task", p.labels().get("task"));
            expected.put(RemoteWriteProto.Series.key(labels), p.value());
        }
        assertEquals(expected, arrived);
    }

    /** Label values of any whole code points, quotes, backslashes and newlines among them; never empty (an absent label). */
    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(
                        Arbitraries.strings().ofMinLength(1).ofMaxLength(30),
                        Arbitraries.strings()
                                .withChars("\"\\\n{}=,é🚀".toCharArray())
                                .ofMinLength(1)
                                .ofMaxLength(10))
                .filter(v -> v.codePoints().noneMatch(cp -> Character.getType(cp) == Character.SURROGATE));
    }
}
