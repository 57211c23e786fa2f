package io.tasker.metrics.console.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.Counter;
import io.tasker.metrics.ManualClock;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** A steady workload gives a steady rate, whatever the sync interval, its phase and the sample interval. */
class SamplerProperties {
    private static final int[] SAMPLE_INTERVALS = {5, 10, 15, 30, 60};

    @Property(tries = 150)
    void aConstantRateGivesThatRateWithinOnePercentAtEveryRowAfterTheFirst(
            @ForAll @DoubleRange(min = 0.01, max = 10_000) double rate,
            @ForAll @IntRange(min = 1, max = 120) int syncEvery,
            @ForAll @IntRange(min = 0, max = 119) int phase,
            @ForAll @IntRange(min = 0, max = 4) int sampleChoice) {
        int step = SAMPLE_INTERVALS[sampleChoice];
        ManualClock clock = new ManualClock(Instant.parse("2026-03-01T00:00:00Z"));
        SyncingInstance instance = new SyncingInstance(clock, syncEvery, phase % syncEvery);
        Sampler sampler = new Sampler(100, 2L * Math.max(step, syncEvery));
        Counter[] jobs = new Counter[1];
        int rows = 0;
        for (int s = 0; s < 20 * 60; s++) {
            instance.second(r -> {
                if (jobs[0] == null) {
                    jobs[0] = r.counter("jobs_total");
                }
                jobs[0].inc(rate);
            });
            long now = clock.wallTimeMillis() / 1000;
            if (now % step != 0) {
                continue;
            }
            for (Sampler.Entry e : sampler.sample(instance.view(), now, instance.syncedAtMillis(now * 1000))
                    .entries()) {
                Double measured = e.sample().rate(step);
                if (measured != null) {
                    assertEquals(rate, measured, rate / 100, "at " + now + ": " + e.sample());
                    rows++;
                }
            }
        }
        assertTrue(rows >= 20 * 60 / Math.max(step, syncEvery) - 2, "rows " + rows);
    }
}
