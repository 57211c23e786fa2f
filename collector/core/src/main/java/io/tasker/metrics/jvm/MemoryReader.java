package io.tasker.metrics.jvm;

import io.tasker.metrics.Gauge;
import io.tasker.metrics.MetricRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryUsage;
import java.util.List;

/** Heap and non-heap memory, and each memory pool, as client_java's {@code JvmMemoryMetrics}. */
final class MemoryReader implements Runnable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
    private final Usage area;
    private final Usage pool;
    private final Usage collection;
    private final Gauge pendingFinalization;

    MemoryReader(MetricRegistry registry) {
        area = new Usage(registry, "jvm_memory", "area", "Bytes of the JVM's heap or non-heap memory");
        pool = new Usage(registry, "jvm_memory_pool", "pool", "Bytes of a JVM memory pool");
        collection = new Usage(
                registry, "jvm_memory_pool_collection", "pool", "Bytes of a JVM memory pool after the last collection");
        pendingFinalization = Gauges.of(
                registry, "jvm_memory_objects_pending_finalization", "Objects waiting in the finalizer queue");
    }

    @Override
    public void run() {
        area.set(memory.getHeapMemoryUsage(), "heap");
        area.set(memory.getNonHeapMemoryUsage(), "nonheap");
        for (MemoryPoolMXBean p : pools) {
            pool.set(p.getUsage(), p.getName());
            collection.set(p.getCollectionUsage(), p.getName());
        }
        pendingFinalization.set(memory.getObjectPendingFinalizationCount());
    }

    /** The four gauges of a {@link MemoryUsage}: used, committed, max, init. */
    private static final class Usage {
        private final Gauge used;
        private final Gauge committed;
        private final Gauge max;
        private final Gauge init;

        Usage(MetricRegistry registry, String prefix, String label, String help) {
            used = Gauges.of(registry, prefix + "_used_bytes", help + ": used", label);
            committed = Gauges.of(registry, prefix + "_committed_bytes", help + ": committed", label);
            max = Gauges.of(
                    registry, prefix + "_max_bytes", help + ": the most it can grow to (-1 if unbounded)", label);
            init = Gauges.of(registry, prefix + "_init_bytes", help + ": initially requested", label);
        }

        void set(MemoryUsage usage, String labelValue) {
            if (usage == null) {
                return; // A pool without collection usage (non-heap pools).
            }
            used.labels(labelValue).set(usage.getUsed());
            committed.labels(labelValue).set(usage.getCommitted());
            max.labels(labelValue).set(usage.getMax());
            init.labels(labelValue).set(usage.getInit());
        }
    }
}
