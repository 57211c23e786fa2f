package io.tasker.metrics.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tasker.metrics.Counter;
import io.tasker.metrics.Gauge;
import io.tasker.metrics.Histogram;
import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.RegistryOptions;
import io.tasker.metrics.snapshot.GaugePolicy;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.sync.internal.Chunking;
import io.tasker.metrics.sync.internal.DecodedChunk;
import io.tasker.metrics.sync.internal.SnapshotCodec;
import io.tasker.metrics.sync.internal.ViewMerger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The merge into running totals agrees to the bit with the pairwise merge it replaced
 * ({@link PairwiseMerger}), whether it is given snapshots or decoded chunks: the same families,
 * points, sums, sketches, folded counts, gauge values under every policy, instance labels and
 * conflicts.
 */
class ViewMergerPropertiesTest {

    /** One recording of one instance: a kind, a label value, a value. */
    record Recording(int instance, int kind, String label, double value) {}

    @Property(tries = 300)
    void addsUpAsThePairwiseMergeDid(
            @ForAll @Size(max = 80) List<@From("recordings") Recording> recordings,
            @ForAll boolean instanceLabels,
            @ForAll GaugePolicy policy,
            @ForAll @IntRange(min = 1, max = 7) int chunkSize,
            @ForAll boolean retired,
            @ForAll int seed) {
        PairwiseMerger reference = new PairwiseMerger(instanceLabels);
        ViewMerger fromSnapshots = new ViewMerger(instanceLabels);
        ViewMerger fromChunks = new ViewMerger(instanceLabels);
        DecodedChunk decoded = new DecodedChunk();
        instances(recordings, policy, seed).forEach((id, families) -> {
            List<MetricFamilySnapshot> read = new ArrayList<>(); // What the old read passed on: chunk after chunk.
            for (List<MetricFamilySnapshot> chunk : Chunking.split(families, chunkSize)) {
                byte[] bytes = SnapshotCodec.encode(chunk);
                read.addAll(SnapshotCodec.decode(bytes));
                decoded.read(bytes);
                fromChunks.add(id, decoded);
            }
            reference.add(id, read);
            fromSnapshots.add(id, read);
            if (retired && id.equals("i0")) {
                List<MetricFamilySnapshot> totals = Retirement.withoutGauges(read);
                reference.add(null, totals);
                fromSnapshots.add(null, totals);
                fromChunks.add(null, totals);
            }
        });
        assertEquals(reference.result(), fromSnapshots.result());
        assertEquals(reference.result(), fromChunks.result());
        assertEquals(reference.conflicts(), fromSnapshots.conflicts());
        assertEquals(reference.conflicts(), fromChunks.conflicts());
    }

    /**
     * Each instance's families, as its registry snapshots them, each point stamped with a time
     * of its own (as a sync stamps them), so that the last value and the newest time matter.
     * Instance i3 defines jobs_total with other labels, a conflict; a limit of 6 series makes
     * overflow series and folded counts.
     */
    private static Map<String, List<MetricFamilySnapshot>> instances(
            List<Recording> recordings, GaugePolicy policy, int seed) {
        Map<String, List<MetricFamilySnapshot>> out = new TreeMap<>();
        for (int i = 0; i < 4; i++) {
            int instance = i;
            ManualClock clock = new ManualClock(Instant.parse("2026-01-01T12:00:00Z"));
            MetricRegistry registry = new MetricRegistry(
                    RegistryOptions.defaults().withClock(clock).withMaxSeriesPerMetric(6));
            Counter jobs = i == 3
                    ? Counter.builder("jobs_total").labelNames("a", "b").register(registry)
                    : Counter.builder("jobs_total").labelNames("a").register(registry);
            Gauge depth = Gauge.builder("depth").labelNames("a").policy(policy).register(registry);
            Histogram seconds =
                    Histogram.builder("seconds").labelNames("a").quantiles().register(registry);
            Histogram plain =
                    Histogram.builder("plain_seconds").buckets(0.5, 1, 5).register(registry);
            for (Recording r :
                    recordings.stream().filter(r -> r.instance() == instance).toList()) {
                switch (r.kind()) {
                    case 0 -> (i == 3 ? jobs.labels(r.label(), "x") : jobs.labels(r.label())).inc(Math.abs(r.value()));
                    case 1 -> depth.labels(r.label()).set(r.value());
                    case 2 -> seconds.labels(r.label()).observe(Math.abs(r.value()) % 100 + 0.001);
                    default -> plain.labels().observe(Math.abs(r.value()) % 100 + 0.001);
                }
            }
            out.put("i" + i, stamped(registry.snapshot().families(), i, seed));
        }
        return out;
    }

    private static List<MetricFamilySnapshot> stamped(List<MetricFamilySnapshot> families, int instance, int seed) {
        return families.stream()
                .map(f -> f.withPoints(
                        f.points().stream()
                                .map(p -> ChunkPlan.stamped(
                                        p,
                                        Math.floorMod(
                                                        31 * (31 * seed + instance)
                                                                + p.labels().hashCode(),
                                                        5)
                                                * 1000L))
                                .toList(),
                        f.foldedObservations()))
                .toList();
    }

    @Provide
    Arbitrary<Recording> recordings() {
        Arbitrary<String> labels = Arbitraries.oneOf(
                Arbitraries.of("a", "b", "c", "d", "e", "f", "g", "h", "", "€"),
                Arbitraries.strings().ofMaxLength(4));
        return Combinators.combine(
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 3),
                        labels,
                        Arbitraries.oneOf(
                                Arbitraries.doubles().between(-1e6, 1e6), Arbitraries.of(0.1, 0.2, 0.3, 1e-9, 1e9)))
                .as(Recording::new);
    }
}
