package io.tasker.metrics.jvm;

import io.tasker.metrics.Gauge;
import io.tasker.metrics.MetricRegistry;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;

/** Classes loaded and unloaded, as client_java's {@code JvmClassLoadingMetrics}. */
final class ClassReader implements Runnable {
    private final ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
    private final Gauge loaded;
    private final CumulativeCounter loadedTotal;
    private final CumulativeCounter unloadedTotal;

    ClassReader(MetricRegistry registry) {
        loaded = Gauges.of(registry, "jvm_classes_currently_loaded", "Number of classes currently loaded in the JVM");
        loadedTotal =
                new CumulativeCounter(registry, "jvm_classes_loaded_total", "Classes loaded since the JVM started");
        unloadedTotal =
                new CumulativeCounter(registry, "jvm_classes_unloaded_total", "Classes unloaded since the JVM started");
    }

    @Override
    public void run() {
        loaded.set(classes.getLoadedClassCount());
        loadedTotal.set(classes.getTotalLoadedClassCount());
        unloadedTotal.set(classes.getUnloadedClassCount());
    }
}
