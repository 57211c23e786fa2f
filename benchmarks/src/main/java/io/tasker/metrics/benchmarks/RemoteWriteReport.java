package io.tasker.metrics.benchmarks;

import io.tasker.metrics.benchmarks.RemoteWriteBenchmark.Outcome;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The Markdown tables of {@link RemoteWriteBenchmark}: time, bytes, heap, goals. */
final class RemoteWriteReport {
    /** Pushes of this many or more report the first push apart and the median of the others. */
    private static final int MEDIAN_FROM = 3;

    private static final double BANDWIDTH_GOAL = 0.70;

    private RemoteWriteReport() {}

    static void print(PrintStream out, String machine, double loadAfter, List<Outcome> outcomes) {
        out.println("## Export by remote write");
        out.println();
        out.println("Machine: " + machine + "; load average afterwards " + String.format(Locale.ROOT, "%.2f", loadAfter)
                + ". Prometheus runs on the same 2 CPUs as the exporter.");
        out.println();
        times(out, outcomes);
        bytes(out, outcomes);
        heap(out, outcomes);
        split(out, outcomes);
        stored(out, outcomes);
        goals(out, outcomes);
    }

    private static void times(PrintStream out, List<Outcome> outcomes) {
        out.println("| Series | Push | Requests | Wall time | Exporter CPU | Prometheus CPU |");
        out.println("|---:|---|---:|---:|---:|---:|");
        for (Outcome o : outcomes) {
            List<ReportLine> runs = o.runs();
            if (runs.size() >= MEDIAN_FROM) {
                row(out, o, "first, fresh JVM; Prometheus creates the series", runs.get(0));
                List<ReportLine> rest = runs.subList(1, runs.size());
                ReportLine median = median(rest);
                long min =
                        rest.stream().mapToLong(r -> r.number("micros")).min().orElseThrow();
                long max =
                        rest.stream().mapToLong(r -> r.number("micros")).max().orElseThrow();
                out.printf(
                        Locale.ROOT,
                        "| %,d | median of pushes 2–%d | %,d | **%s** (%s–%s) | %s | %s |%n",
                        o.size().series(),
                        runs.size(),
                        median.number("requests"),
                        time(median.number("micros")),
                        time(min),
                        time(max),
                        millis(median.number("cpuMs")),
                        millis(median.number("prometheusCpuMs")));
            } else {
                for (ReportLine r : runs) {
                    row(
                            out,
                            o,
                            r.number("run") == 1
                                    ? "1, fresh JVM; Prometheus creates the series"
                                    : r.number("run") + "; the series exist",
                            r);
                }
            }
        }
        out.println();
    }

    private static void row(PrintStream out, Outcome o, String push, ReportLine r) {
        out.printf(
                Locale.ROOT,
                "| %,d | %s | %,d | **%s** | %s | %s |%n",
                o.size().series(),
                push,
                r.number("requests"),
                time(r.number("micros")),
                millis(r.number("cpuMs")),
                millis(r.number("prometheusCpuMs")));
    }

    private static void bytes(PrintStream out, List<Outcome> outcomes) {
        out.println("| Series | Raw protobuf | Snappy (sent) | Snappy saves | Gzip | Gzip saves | Sent per series |");
        out.println("|---:|---:|---:|---:|---:|---:|---:|");
        for (Outcome o : outcomes) {
            ReportLine p = o.payload();
            long raw = p.number("raw");
            out.printf(
                    Locale.ROOT,
                    "| %,d | %,d B | %,d B | %.1f%% | %,d B | %.1f%% | %.1f B |%n",
                    o.size().series(),
                    raw,
                    p.number("snappy"),
                    100 * Payload.saved(p.number("snappy"), raw),
                    p.number("gzip"),
                    100 * Payload.saved(p.number("gzip"), raw),
                    (double) p.number("snappy") / o.size().series());
        }
        out.println();
        out.println("Each request is compressed on its own (1,000 series per request); the sizes come from encoding"
                + " the same snapshot again without sending. The client's own count of raw bytes "
                + (rawMatches(outcomes) ? "matches" : "**does not match**") + " the raw column, and its sent bytes"
                + " stay within " + String.format(Locale.ROOT, "%.1f%%", 100 * sentSpread(outcomes)) + " of the snappy"
                + " column (each push carries its own timestamp, which snappy compresses a little differently).");
        out.println();
    }

    private static boolean rawMatches(List<Outcome> outcomes) {
        return outcomes.stream()
                .allMatch(o -> o.runs().stream()
                        .allMatch(r -> r.number("raw") == o.payload().number("raw")));
    }

    private static double sentSpread(List<Outcome> outcomes) {
        return outcomes.stream()
                .flatMap(o -> o.runs().stream()
                        .map(r ->
                                Math.abs((double) r.number("sent") / o.payload().number("snappy") - 1)))
                .mapToDouble(d -> d)
                .max()
                .orElse(0);
    }

    private static void heap(PrintStream out, List<Outcome> outcomes) {
        out.println(
                "| Series | Heap limit | Snapshot held | Peak used (before a GC) | Peak after a GC | GCs during the pushes |");
        out.println("|---:|---:|---:|---:|---:|---:|");
        for (Outcome o : outcomes) {
            ReportLine h = o.heap();
            out.printf(
                    Locale.ROOT,
                    "| %,d | %.0f MB | %.1f MB | %.1f MB | %.1f MB | %,d (%,d ms) |%n",
                    o.size().series(),
                    RemoteWriteBenchmark.mb(o.snapshot().number("maxHeap")),
                    RemoteWriteBenchmark.mb(o.snapshot().number("heldBytes")),
                    RemoteWriteBenchmark.mb(h.number("peakUsed")),
                    RemoteWriteBenchmark.mb(h.number("peakAfterGc")),
                    h.number("collections"),
                    h.number("gcMs"));
        }
        out.println();
        out.println("\"Snapshot held\" is the heap after two full GCs once the snapshot is built (the registry that"
                + " made it dropped), as an exporter holds the cluster view it read from the store. \"Peak used\" rises"
                + " with however far G1 lets the young generation grow; \"after a GC\" is the closer bound of what the"
                + " export holds.");
        out.println();
    }

    private static void split(PrintStream out, List<Outcome> outcomes) {
        out.println("| Series | Encode protobuf | Snappy | Gzip (not sent) | Rest of a push: HTTP and Prometheus |");
        out.println("|---:|---:|---:|---:|---:|");
        for (Outcome o : outcomes) {
            ReportLine p = o.payload();
            long push = typical(o).number("micros");
            long rest = push - p.number("encodeMicros") - p.number("snappyMicros");
            out.printf(
                    Locale.ROOT,
                    "| %,d | %s | %s | %s | %s |%n",
                    o.size().series(),
                    time(p.number("encodeMicros")),
                    time(p.number("snappyMicros")),
                    time(p.number("gzipMicros")),
                    time(rest));
        }
        out.println();
        out.println("Encode and compression times come from the second pass (warm JIT); the rest is the typical push"
                + " (the median, or the last push where there are fewer than " + MEDIAN_FROM + ") minus them.");
        out.println();
    }

    private static void stored(PrintStream out, List<Outcome> outcomes) {
        for (Outcome o : outcomes) {
            out.printf(
                    Locale.ROOT,
                    "Prometheus after the %,d-series pushes: %,d series carry the last push's timestamp"
                            + " (expected %,d), %,d in all (expected %,d): %s.%n",
                    o.size().series(),
                    o.storedFresh(),
                    o.size().series(),
                    o.storedTotal(),
                    o.expectedTotal(),
                    o.stored() ? "ok" : "**MISMATCH**");
        }
        out.println();
    }

    private static void goals(PrintStream out, List<Outcome> outcomes) {
        out.println("| Goal | Measured | |");
        out.println("|---|---|---|");
        for (Outcome o : outcomes) {
            long goalMicros = switch (o.size().series()) {
                case 10_000 -> 1_000_000L;
                case 1_000_000 -> 30_000_000L;
                default -> 0L;
            };
            if (goalMicros == 0) {
                continue;
            }
            long worst =
                    o.runs().stream().mapToLong(r -> r.number("micros")).max().orElseThrow();
            long typical = typical(o).number("micros");
            boolean all = worst < goalMicros;
            boolean usual = typical < goalMicros;
            out.printf(
                    Locale.ROOT,
                    "| %,d series in under %s | typical %s, slowest %s | **%s** |%n",
                    o.size().series(),
                    time(goalMicros),
                    time(typical),
                    time(worst),
                    all ? "met" : usual ? "met when warm, missed on the slowest push" : "missed");
        }
        for (Outcome o : outcomes) {
            double peak = RemoteWriteBenchmark.mb(o.heap().number("peakAfterGc"));
            out.printf(
                    Locale.ROOT,
                    "| %,d series within 256 MB of heap, streaming | every push completed in a JVM of %s;"
                            + " peak after a GC %.0f MB, of which the snapshot %.0f MB | **met** |%n",
                    o.size().series(),
                    RemoteWriteBenchmark.HEAP,
                    peak,
                    RemoteWriteBenchmark.mb(o.snapshot().number("heldBytes")));
        }
        Outcome biggest = outcomes.get(outcomes.size() - 1);
        double saved = Payload.saved(
                biggest.payload().number("snappy"), biggest.payload().number("raw"));
        double gzip = Payload.saved(
                biggest.payload().number("gzip"), biggest.payload().number("raw"));
        out.printf(
                Locale.ROOT,
                "| 70%% less bandwidth (design document) | snappy %.1f%% less than raw protobuf (gzip %.1f%%) | **%s** |%n",
                100 * saved,
                100 * gzip,
                saved >= BANDWIDTH_GOAL ? "met" : "missed");
        out.println();
    }

    /** The median push when there are enough to leave the first out, else the last push. */
    private static ReportLine typical(Outcome o) {
        List<ReportLine> runs = o.runs();
        return runs.size() >= MEDIAN_FROM ? median(runs.subList(1, runs.size())) : runs.get(runs.size() - 1);
    }

    private static ReportLine median(List<ReportLine> runs) {
        List<ReportLine> sorted = runs.stream()
                .sorted((a, b) -> Long.compare(a.number("micros"), b.number("micros")))
                .toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    static String time(long micros) {
        if (micros >= 10_000_000) {
            return String.format(Locale.ROOT, "%.1f s", micros / 1e6);
        }
        if (micros >= 1_000_000) {
            return String.format(Locale.ROOT, "%.2f s", micros / 1e6);
        }
        if (micros >= 10_000) {
            return String.format(Locale.ROOT, "%.0f ms", micros / 1e3);
        }
        return String.format(Locale.ROOT, "%.1f ms", micros / 1e3);
    }

    private static String millis(long ms) {
        return time(ms * 1_000);
    }
}
