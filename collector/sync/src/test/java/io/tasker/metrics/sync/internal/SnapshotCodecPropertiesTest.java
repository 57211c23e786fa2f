package io.tasker.metrics.sync.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tasker.metrics.Counter;
import io.tasker.metrics.Gauge;
import io.tasker.metrics.Histogram;
import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.RegistryOptions;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.store.MemoryStore;
import io.tasker.metrics.store.Record;
import io.tasker.metrics.sync.ClusterReader;
import io.tasker.metrics.sync.ClusterSync;
import io.tasker.metrics.sync.ClusterView;
import io.tasker.metrics.sync.SyncOptions;
import io.tasker.metrics.sync.SyncStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * The chunk codec: what a registry recorded comes back equal, and no bytes, however broken,
 * throw anything but the codec's {@link IllegalArgumentException}, nor out of the cluster view
 * (docs/properties.md).
 */
class SnapshotCodecPropertiesTest {

    /** One recording: a kind, label values, a value. */
    record Recording(int kind, String a, String b, double value) {}

    /** How a chunk may be broken: cut short, a byte flipped, a byte added. */
    record Damage(int kind, int at, byte with) {
        byte[] apply(byte[] bytes) {
            int i = Math.floorMod(at, Math.max(1, bytes.length));
            byte[] b = kind == 0 ? Arrays.copyOf(bytes, i) : Arrays.copyOf(bytes, bytes.length + (kind == 2 ? 1 : 0));
            if (kind == 1 && b.length > 0) {
                b[i] ^= with == 0 ? 1 : with;
            } else if (kind == 2) {
                b[bytes.length] = with;
            }
            return b;
        }
    }

    @Property(tries = 200)
    void familiesComeBackEqual(@ForAll @Size(max = 40) List<@From("recordings") Recording> recordings) {
        List<MetricFamilySnapshot> families = record(recordings).snapshot().families();
        byte[] encoded = SnapshotCodec.encode(families);
        List<MetricFamilySnapshot> decoded = SnapshotCodec.decode(encoded);
        assertEquals(families.size(), decoded.size());
        for (int i = 0; i < families.size(); i++) {
            assertEquals(families.get(i).points(), decoded.get(i).points());
            assertEquals(families.get(i).name(), decoded.get(i).name());
        }
        assertArrayEquals(encoded, SnapshotCodec.encode(decoded), "decoding then encoding changes nothing");
    }

    @Property(tries = 500)
    void brokenBytesAreRefusedWithTheCodecsError(
            @ForAll @Size(max = 10) List<@From("recordings") Recording> recordings, @ForAll("damage") Damage damage) {
        byte[] bytes =
                damage.apply(SnapshotCodec.encode(record(recordings).snapshot().families()));
        try {
            SnapshotCodec.decode(bytes);
        } catch (IllegalArgumentException refused) {
            // The one way a chunk may be refused.
        }
    }

    @Property(tries = 100)
    void aBrokenChunkInTheStoreDoesNotBreakTheView(
            @ForAll @Size(min = 1, max = 10) List<@From("recordings") Recording> recordings, @ForAll byte[] garbage) {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T12:00:00Z"));
        MemoryStore store = new MemoryStore(clock);
        SyncOptions options = SyncOptions.defaults("a");
        MetricRegistry registry = record(recordings);
        new ClusterSync(store, options, clock, registry::snapshot).sync(SyncStrategy.DISTRIBUTED_ATOMIC);
        store.putIfNewer(options.keys().chunk("a", 0), new Record(Long.MAX_VALUE / 2, garbage), Duration.ofMinutes(5));
        ClusterView view = new ClusterReader(store, options, clock).readView();
        assertEquals(List.of("a"), view.instances());
    }

    private static MetricRegistry record(List<Recording> recordings) {
        MetricRegistry registry = new MetricRegistry(
                RegistryOptions.defaults().withClock(new ManualClock(Instant.parse("2026-01-01T12:00:00Z"))));
        Counter counter = Counter.builder("jobs_total").labelNames("a", "b").register(registry);
        Gauge gauge = Gauge.builder("depth").labelNames("a", "b").register(registry);
        Histogram histogram =
                Histogram.builder("seconds").labelNames("a", "b").quantiles().register(registry);
        for (Recording r : recordings) {
            switch (r.kind()) {
                case 0 -> counter.labels(r.a(), r.b()).inc(Math.abs(r.value()));
                case 1 -> gauge.labels(r.a(), r.b()).set(r.value());
                default -> histogram.labels(r.a(), r.b()).observe(r.value());
            }
        }
        return registry;
    }

    @Provide
    Arbitrary<Recording> recordings() {
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20),
                Arbitraries.strings().all().ofMaxLength(5),
                Arbitraries.of("", "\0", "€", "\uD83D\uDE00", "\"\\\n"));
        return Combinators.combine(
                        Arbitraries.integers().between(0, 2),
                        values,
                        values,
                        Arbitraries.doubles().between(-1e12, 1e12))
                .as(Recording::new);
    }

    @Provide
    Arbitrary<Damage> damage() {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers(), Arbitraries.bytes())
                .as(Damage::new);
    }
}
