package io.tasker.metrics.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU over an interval, in cores: this JVM's (the console), the whole machine's (the console,
 * wrk and whatever else runs), and this JVM's GC time. On 2 cores, wrk and the server compete,
 * so these say how much of the machine the server got.
 *
 * <pre>{@code
 * CpuMeter meter = CpuMeter.start();
 * runLoad();
 * CpuMeter.Usage usage = meter.stop();
 * }</pre>
 */
final class CpuMeter {
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** Cores used on average, and GC time, over an interval of {@code seconds}. */
    record Usage(double processCores, double machineCores, long gcMillis, double seconds) {}

    private final long wallNanos;
    private final long processNanos;
    private final long[] machine;
    private final long gcMillis;

    private CpuMeter() {
        wallNanos = System.nanoTime();
        processNanos = OS.getProcessCpuTime();
        machine = procStat();
        gcMillis = gcMillis();
    }

    static CpuMeter start() {
        return new CpuMeter();
    }

    Usage stop() {
        double wall = System.nanoTime() - wallNanos;
        long[] now = procStat();
        long total = now[0] - machine[0];
        long busy = total - (now[1] - machine[1]);
        double machineCores = total == 0
                ? Double.NaN
                : (double) busy / total * Runtime.getRuntime().availableProcessors();
        return new Usage(
                (OS.getProcessCpuTime() - processNanos) / wall, machineCores, gcMillis() - gcMillis, wall / 1e9);
    }

    /** Total and idle (idle plus iowait) jiffies of all CPUs, from {@code /proc/stat}. */
    private static long[] procStat() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                total += Long.parseLong(f[i]);
            }
            return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .filter(t -> t > 0)
                .sum();
    }
}
