package io.tasker.metrics.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The most heap in use while it watches. A sampler alone misses the top, which lies just before
 * each collection, so the collector's own notifications add the heap they found before and left
 * after every GC. "After GC" is the closer bound of what the code really holds: "before GC" rises
 * with however large the collector lets the young generation grow.
 *
 * <pre>{@code
 * try (HeapWatch watch = HeapWatch.start()) {
 *     work();
 *     HeapWatch.Peak peak = watch.peak();
 * }
 * }</pre>
 */
final class HeapWatch implements AutoCloseable {
    private static final long SAMPLE_MILLIS = 2;

    /** Bytes, and the collections the watch saw. */
    record Peak(long used, long afterGc, long collections, long gcMillis) {}

    private final AtomicLong used = new AtomicLong();
    private final AtomicLong afterGc = new AtomicLong();
    private final Set<String> heapPools;
    private final List<Runnable> unsubscribe = new ArrayList<>();
    private final long collectionsAtStart;
    private final long gcMillisAtStart;
    private final Thread sampler;
    private volatile boolean running = true;

    private HeapWatch() {
        heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        collectionsAtStart = collections();
        gcMillisAtStart = gcMillis();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            NotificationEmitter emitter = (NotificationEmitter) gc;
            NotificationListener listener = (notification, handback) -> {
                if (notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                            .getGcInfo();
                    used.accumulateAndGet(heap(info.getMemoryUsageBeforeGc()), Math::max);
                    afterGc.accumulateAndGet(heap(info.getMemoryUsageAfterGc()), Math::max);
                }
            };
            emitter.addNotificationListener(listener, null, null);
            unsubscribe.add(() -> {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (ListenerNotFoundException ignored) {
                    // already gone
                }
            });
        }
        sampler = new Thread(this::sample, "heap-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    static HeapWatch start() {
        return new HeapWatch();
    }

    /** Heap in use after two full collections: what the program holds now. */
    static long settledHeap() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    Peak peak() {
        return new Peak(used.get(), afterGc.get(), collections() - collectionsAtStart, gcMillis() - gcMillisAtStart);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.join();
        // Notifications arrive on a JMX thread shortly after each collection.
        Thread.sleep(200);
        unsubscribe.forEach(Runnable::run);
    }

    private void sample() {
        var memory = ManagementFactory.getMemoryMXBean();
        while (running) {
            used.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private long heap(Map<String, MemoryUsage> pools) {
        long sum = 0;
        for (var e : pools.entrySet()) {
            if (heapPools.contains(e.getKey())) {
                sum += e.getValue().getUsed();
            }
        }
        return sum;
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .filter(c -> c > 0)
                .sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .filter(c -> c > 0)
                .sum();
    }
}
