package io.tasker.metrics.jvm;

import com.sun.management.UnixOperatingSystemMXBean;
import io.tasker.metrics.Gauge;
import io.tasker.metrics.MetricRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's CPU time, start time, file descriptors and memory, as client_java's
 * {@code ProcessMetrics}: each only where the platform says it (the CPU time and descriptors
 * from the HotSpot management extension, the memory from Linux's {@code /proc/self/status}).
 */
final class ProcessReader implements Runnable {
    private static final Path STATUS = Path.of("/proc/self/status");

    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    private final CumulativeCounter cpu;
    private final Gauge openFds;
    private final Gauge maxFds;
    private final Gauge resident;
    private final Gauge virtual;

    ProcessReader(MetricRegistry registry) {
        cpu = hotspot()
                ? new CumulativeCounter(
                        registry, "process_cpu_seconds_total", "Total user and system CPU time spent in seconds")
                : null;
        boolean unix = hotspot() && os instanceof UnixOperatingSystemMXBean;
        openFds = unix ? Gauges.of(registry, "process_open_fds", "Number of open file descriptors") : null;
        maxFds = unix ? Gauges.of(registry, "process_max_fds", "Maximum number of open file descriptors") : null;
        boolean proc = Files.isReadable(STATUS);
        resident = proc ? Gauges.of(registry, "process_resident_memory_bytes", "Resident memory size in bytes") : null;
        virtual = proc ? Gauges.of(registry, "process_virtual_memory_bytes", "Virtual memory size in bytes") : null;
        Gauges.of(registry, "process_start_time_seconds", "Start time of the process since unix epoch in seconds")
                .set(ManagementFactory.getRuntimeMXBean().getStartTime() / 1000.0);
    }

    @Override
    public void run() {
        if (cpu != null && os instanceof com.sun.management.OperatingSystemMXBean hotspot) {
            cpu.set(hotspot.getProcessCpuTime() / 1e9);
        }
        if (openFds != null && os instanceof UnixOperatingSystemMXBean unix) {
            openFds.set(unix.getOpenFileDescriptorCount());
            maxFds.set(unix.getMaxFileDescriptorCount());
        }
        if (resident != null) {
            readStatus();
        }
    }

    /** VmRSS and VmSize, in kB in the file. */
    private void readStatus() {
        try {
            for (String line : Files.readAllLines(STATUS, StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmRSS:")) {
                    resident.set(kilobytes(line) * 1024);
                } else if (line.startsWith("VmSize:")) {
                    virtual.set(kilobytes(line) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // The values keep their last reading; a snapshot must not fail for them.
        }
    }

    private static double kilobytes(String line) {
        return Double.parseDouble(line.replaceAll("[^0-9]", ""));
    }

    /** Whether the HotSpot extension of the management beans is there (not on every JVM). */
    private static boolean hotspot() {
        try {
            Class.forName("com.sun.management.OperatingSystemMXBean");
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
