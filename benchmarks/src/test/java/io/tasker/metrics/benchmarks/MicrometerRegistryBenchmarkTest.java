package io.tasker.metrics.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every registry in the benchmark does the whole work: each call lands in its meter. */
class MicrometerRegistryBenchmarkTest {
    private static final int N = 1_000;

    @ParameterizedTest
    @ValueSource(strings = {"simple", "prometheus", "tasker"})
    void everyCallReachesItsMeter(String registry) {
        MicrometerRegistryBenchmark b = new MicrometerRegistryBenchmark();
        b.registry = registry;
        b.setUp();
        for (int i = 0; i < N; i++) {
            b.counterIncrement();
            b.timerRecord();
            b.tagLookup();
        }
        assertEquals(2.0 * N, b.counter.count(), "increments and lookups share the counter");
        assertEquals(N, b.timer.count());
        assertEquals(N * 1_234_567.0, b.timer.totalTime(TimeUnit.NANOSECONDS), 1e-3 * N);
    }

    @org.junit.jupiter.api.Test
    void anUnknownRegistryIsNamedInTheError() {
        MicrometerRegistryBenchmark b = new MicrometerRegistryBenchmark();
        b.registry = "atlas";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::setUp);
        assertEquals("registry must be simple, prometheus or tasker, got atlas", e.getMessage());
    }
}
