package io.tasker.metrics.jvm;

import io.tasker.metrics.Gauge;
import io.tasker.metrics.MetricRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.Map;

/** Thread counts, deadlocks and threads by state, as client_java's {@code JvmThreadsMetrics}. */
final class ThreadReader implements Runnable {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Gauge current;
    private final Gauge daemon;
    private final Gauge peak;
    private final CumulativeCounter started;
    private final Gauge deadlocked;
    private final Gauge deadlockedMonitor;
    private final Gauge state;

    ThreadReader(MetricRegistry registry) {
        current = Gauges.of(registry, "jvm_threads_current", "Current thread count of a JVM");
        daemon = Gauges.of(registry, "jvm_threads_daemon", "Daemon thread count of a JVM");
        peak = Gauges.of(registry, "jvm_threads_peak", "Peak thread count of a JVM");
        started = new CumulativeCounter(registry, "jvm_threads_started_total", "Started thread count of a JVM");
        deadlocked = Gauges.of(
                registry,
                "jvm_threads_deadlocked",
                "Threads of a JVM in deadlock waiting to acquire object monitors or ownable synchronizers");
        deadlockedMonitor = Gauges.of(
                registry,
                "jvm_threads_deadlocked_monitor",
                "Threads of a JVM in deadlock waiting to acquire object monitors");
        state = Gauges.of(registry, "jvm_threads_state", "Current count of threads by state", "state");
    }

    @Override
    public void run() {
        current.set(threads.getThreadCount());
        daemon.set(threads.getDaemonThreadCount());
        peak.set(threads.getPeakThreadCount());
        started.set(threads.getTotalStartedThreadCount());
        deadlocked.set(length(threads.findDeadlockedThreads()));
        deadlockedMonitor.set(length(threads.findMonitorDeadlockedThreads()));
        Map<Thread.State, Integer> byState = new EnumMap<>(Thread.State.class);
        for (Thread.State s : Thread.State.values()) {
            byState.put(s, 0);
        }
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
            if (info != null) { // A thread that ended in between.
                byState.merge(info.getThreadState(), 1, Integer::sum);
            }
        }
        byState.forEach((s, n) -> state.labels(s.name()).set(n));
    }

    private static int length(long[] ids) {
        return ids == null ? 0 : ids.length;
    }
}
