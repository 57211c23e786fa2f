package io.tasker.metrics.jvm;

import io.tasker.metrics.Gauge;
import io.tasker.metrics.MetricRegistry;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/** Direct and mapped buffer pools, as client_java's {@code JvmBufferPoolMetrics}. */
final class BufferPoolReader implements Runnable {
    private final List<BufferPoolMXBean> pools = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class);
    private final Gauge used;
    private final Gauge capacity;
    private final Gauge buffers;

    BufferPoolReader(MetricRegistry registry) {
        used = Gauges.of(registry, "jvm_buffer_pool_used_bytes", "Used bytes of a given JVM buffer pool", "pool");
        capacity = Gauges.of(
                registry, "jvm_buffer_pool_capacity_bytes", "Bytes capacity of a given JVM buffer pool", "pool");
        buffers =
                Gauges.of(registry, "jvm_buffer_pool_used_buffers", "Used buffers of a given JVM buffer pool", "pool");
    }

    @Override
    public void run() {
        for (BufferPoolMXBean pool : pools) {
            used.labels(pool.getName()).set(pool.getMemoryUsed());
            capacity.labels(pool.getName()).set(pool.getTotalCapacity());
            buffers.labels(pool.getName()).set(pool.getCount());
        }
    }
}
