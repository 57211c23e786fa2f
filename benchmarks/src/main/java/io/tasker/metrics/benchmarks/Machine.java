package io.tasker.metrics.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * The machine line every benchmark prints: CPUs, memory, JVM and load, because the figures mean
 * little without them on a 2-core machine shared with other work.
 */
final class Machine {
    private Machine() {}

    static String describe() {
        return String.format(
                Locale.ROOT,
                "%d CPUs (%s), %s GiB RAM; %s %s; load average %.2f; %s",
                Runtime.getRuntime().availableProcessors(),
                cpuModel(),
                memoryGiB(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"),
                load(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String cpuModel() {
        return procLine("/proc/cpuinfo", "model name").orElse("unknown CPU");
    }

    private static String memoryGiB() {
        return procLine("/proc/meminfo", "MemTotal")
                .map(v -> String.valueOf(
                        Math.round(Long.parseLong(v.replace("kB", "").trim()) / 1024.0 / 1024.0)))
                .orElse("?");
    }

    private static Optional<String> procLine(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream()
                    .filter(l -> l.startsWith(key))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
