package io.tasker.metrics.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders benchmark scores as the Markdown tables of {@code docs/performance.md}, one per case,
 * each library on a row with its one- and two-thread cost, followed by the collector's goals
 * and whether this run met them.
 *
 * <pre>{@code
 * String markdown = ComparisonTable.render(scores);
 * }</pre>
 */
public final class ComparisonTable {
    /** Allocation below this per operation is JMH's own noise, reported as zero. */
    static final double ZERO_BYTES = 0.5;

    private static final Map<String, String> LIBRARIES = Map.of(
            "tasker", "**Tasker Metrics**",
            "taskerOneCall", "Tasker Metrics, one-call `registry.counter(name, 1, k, v, ...)`",
            "taskerBefore", "Tasker Metrics before December 2026 (lock + packed HdrHistogram)",
            "longAdder", "`LongAdder` (floor)",
            "clientJava", "Prometheus client_java",
            "micrometer", "Micrometer (`SimpleMeterRegistry`)",
            "otel", "OpenTelemetry SDK");

    private static final String LOOKUP = "LabelLookupBenchmark";
    private static final String THREE_LABELS = "ThreeLabelLookupBenchmark";
    private static final String SAME = "strings=same";
    private static final String COPIES = "strings=copies";

    private final List<Score> scores;

    private ComparisonTable(List<Score> scores) {
        this.scores = scores;
    }

    public static String render(List<Score> scores) {
        return new ComparisonTable(scores).render();
    }

    private String render() {
        StringBuilder sb = new StringBuilder();
        recording(
                sb,
                "(a) Increment on a bound handle",
                "BoundCounterBenchmark",
                List.of("longAdder", "tasker", "clientJava", "micrometer", "otel"));
        lookup(sb);
        threeLabels(sb);
        recording(
                sb,
                "(c) Histogram observe, 11 buckets + `+Inf`",
                "HistogramBenchmark",
                List.of("tasker", "clientJava", "micrometer", "otel"));
        recording(
                sb,
                "(c') Observe into a series that keeps quantiles",
                "QuantileBenchmark",
                List.of("tasker", "taskerBefore", "clientJava", "micrometer", "otel"));
        export(sb);
        quantileSnapshot(sb);
        goals(sb);
        return sb.toString();
    }

    private void recording(StringBuilder sb, String title, String benchmark, List<String> methods) {
        if (scores.stream().noneMatch(s -> s.benchmark().equals(benchmark))) {
            return;
        }
        sb.append("### ").append(title).append("\n\n");
        sb.append("| Library | 1 thread ns/op | B/op | 2 threads ns/op | B/op | 2 t / 1 t |\n");
        sb.append("|---|---:|---:|---:|---:|---:|\n");
        for (String m : methods) {
            Optional<Score> one = find(benchmark, m, 1);
            Optional<Score> two = find(benchmark, m, 2);
            if (one.isEmpty() && two.isEmpty()) {
                continue;
            }
            String ratio = one.isPresent() && two.isPresent()
                    ? fmt("%.2f", two.get().nanos() / one.get().nanos())
                    : "";
            sb.append("| ")
                    .append(LIBRARIES.getOrDefault(m, m))
                    .append(" | ")
                    .append(one.map(ComparisonTable::nanos).orElse("–"))
                    .append(" | ")
                    .append(one.map(s -> bytes(s.bytes())).orElse("–"))
                    .append(" | ")
                    .append(two.map(ComparisonTable::nanos).orElse("–"))
                    .append(" | ")
                    .append(two.map(s -> bytes(s.bytes())).orElse("–"))
                    .append(" | ")
                    .append(ratio)
                    .append(" |\n");
        }
        sb.append('\n');
    }

    private void lookup(StringBuilder sb) {
        if (scores.stream().noneMatch(s -> s.benchmark().equals(LOOKUP))) {
            return;
        }
        sb.append("### (b) Label lookup plus increment: 2 labels, 1,000 combinations, one thread\n\n");
        sb.append("Series created from the same `String` instances that the lookups pass (constants), or from ")
                .append("equal copies (values parsed from requests: every hit compares contents).\n\n");
        sb.append("| Library | same strings ns/op | B/op | equal copies ns/op | B/op |\n");
        sb.append("|---|---:|---:|---:|---:|\n");
        for (String m : List.of("tasker", "taskerOneCall", "clientJava", "micrometer", "otel")) {
            Optional<Score> same = find(LOOKUP, m, SAME, 1);
            Optional<Score> copies = find(LOOKUP, m, COPIES, 1);
            if (same.isEmpty() && copies.isEmpty()) {
                continue;
            }
            sb.append("| ")
                    .append(LIBRARIES.getOrDefault(m, m))
                    .append(" | ")
                    .append(same.map(ComparisonTable::nanos).orElse("–"))
                    .append(" | ")
                    .append(same.map(s -> bytes(s.bytes())).orElse("–"))
                    .append(" | ")
                    .append(copies.map(ComparisonTable::nanos).orElse("–"))
                    .append(" | ")
                    .append(copies.map(s -> bytes(s.bytes())).orElse("–"))
                    .append(" |\n");
        }
        sb.append('\n');
    }

    private void threeLabels(StringBuilder sb) {
        if (scores.stream().noneMatch(s -> s.benchmark().equals(THREE_LABELS))) {
            return;
        }
        sb.append("### (b) Label lookup plus increment: 3 labels, 10,000 combinations, one thread\n\n");
        sb.append("Looked up in a shuffled order with equal copies of the values the series were made with.\n\n");
        sb.append("| Library | ns/op | B/op |\n");
        sb.append("|---|---:|---:|\n");
        for (String m : List.of("tasker", "taskerOneCall", "clientJava", "micrometer")) {
            find(THREE_LABELS, m, 1)
                    .ifPresent(s -> sb.append("| ")
                            .append(LIBRARIES.getOrDefault(m, m))
                            .append(" | ")
                            .append(nanos(s))
                            .append(" | ")
                            .append(bytes(s.bytes()))
                            .append(" |\n"));
        }
        sb.append('\n');
    }

    private void export(StringBuilder sb) {
        if (scores.stream().noneMatch(s -> s.benchmark().equals("ExportBenchmark"))) {
            return;
        }
        sb.append("### (e) Snapshot plus Prometheus text, 10,000 counter series, one thread\n\n");
        sb.append("| Library | Step | ns/series | B/series | series/s per core |\n");
        sb.append("|---|---|---:|---:|---:|\n");
        for (String lib : List.of("tasker", "clientJava")) {
            for (String step : List.of("SnapshotAndWrite", "Snapshot", "Write")) {
                find("ExportBenchmark", lib + step, 1)
                        .ifPresent(s -> sb.append("| ")
                                .append(LIBRARIES.get(lib))
                                .append(" | ")
                                .append(stepName(step))
                                .append(" | ")
                                .append(nanos(s))
                                .append(" | ")
                                .append(bytes(s.bytes()))
                                .append(" | ")
                                .append(fmt("%,.0f", 1e9 / s.nanos()))
                                .append(" |\n"));
            }
        }
        sb.append('\n');
    }

    private void quantileSnapshot(StringBuilder sb) {
        find("QuantileSnapshotBenchmark", "taskerQuantileSnapshot", 1)
                .ifPresent(s -> sb.append(
                                "### Snapshot of histogram series with a quantile sketch (1,000+ observations, 100 new each)\n\n")
                        .append("| Library | ns/series | B/series | series/s per core |\n|---|---:|---:|---:|\n")
                        .append("| Tasker Metrics with quantile sketch | ")
                        .append(nanos(s))
                        .append(" | ")
                        .append(bytes(s.bytes()))
                        .append(" | ")
                        .append(fmt("%,.0f", 1e9 / s.nanos()))
                        .append(" |\n\n"));
    }

    private void goals(StringBuilder sb) {
        List<String> lines = new ArrayList<>();
        for (int t = 1; t <= 2; t++) {
            int threads = t;
            both("BoundCounterBenchmark", "tasker", "longAdder", threads)
                    .ifPresent(p -> lines.add(verdict(
                            p[0].nanos() <= 1.10 * p[1].nanos(),
                            "(a) bound increment within 10% of LongAdder, " + threads + " thread(s)",
                            fmt(
                                    "%.1f ns vs %.1f ns (%+.0f%%)",
                                    p[0].nanos(), p[1].nanos(), 100 * (p[0].nanos() / p[1].nanos() - 1)))));
            find("BoundCounterBenchmark", "tasker", threads)
                    .ifPresent(s -> lines.add(zeroBytes("(a) bound increment", s)));
        }
        for (String variant : List.of(SAME, COPIES)) {
            String strings = variant.equals(SAME) ? "same strings" : "equal copies";
            find(LOOKUP, "tasker", variant, 1).ifPresent(s -> {
                lines.add(verdict(
                        s.nanos() <= 15,
                        "(b) lookup plus increment at most 15 ns, " + strings,
                        fmt("%.1f ns", s.nanos())));
                lines.add(zeroBytes("(b) lookup plus increment, " + strings + ",", s));
                bestPeer(LOOKUP, variant)
                        .ifPresent(b -> lines.add(verdict(
                                s.nanos() < b.nanos(),
                                "(b) lookup ahead of every peer, " + strings,
                                fmt("%.1f ns vs best peer %s %.1f ns", s.nanos(), b.method(), b.nanos()))));
            });
        }
        find(THREE_LABELS, "tasker", 1).ifPresent(s -> {
            lines.add(zeroBytes("(b) 3 labels, 10,000 combinations,", s));
            bestPeer(THREE_LABELS, "")
                    .ifPresent(b -> lines.add(verdict(
                            s.nanos() <= b.nanos() / 2,
                            "(b) 3 labels, 10,000 combinations, at most half the best peer's time",
                            fmt(
                                    "%.1f ns vs best peer %s %.1f ns (%.2fx)",
                                    s.nanos(), b.method(), b.nanos(), s.nanos() / b.nanos()))));
        });
        // The caller's varargs array of six strings: a 16-byte header and six 4-byte references.
        find(THREE_LABELS, "taskerOneCall", 1)
                .ifPresent(s -> lines.add(verdict(
                        s.bytes() <= 40 + ZERO_BYTES,
                        "(b) 3 labels, one-call style allocates at most its varargs array (40 B)",
                        bytes(s.bytes()) + " B/op")));
        find("HistogramBenchmark", "tasker", 1).ifPresent(s -> {
            lines.add(verdict(
                    s.nanos() <= 10, "(c) histogram observe at most 10 ns on 1 thread", fmt("%.1f ns", s.nanos())));
            lines.add(zeroBytes("(c) histogram observe", s));
        });
        find("QuantileBenchmark", "tasker", 1).ifPresent(s -> {
            lines.add(verdict(
                    s.nanos() <= 20,
                    "(c) observe with a quantile sketch at most 20 ns on 1 thread",
                    fmt("%.1f ns", s.nanos())));
            lines.add(zeroBytes("(c) observe with a quantile sketch", s));
        });
        both2("QuantileBenchmark", "tasker")
                .ifPresent(p -> lines.add(verdict(
                        p[1].nanos() <= 2 * p[0].nanos(),
                        "(d) observe with a quantile sketch on 2 threads at most 2x its 1-thread cost",
                        fmt("%.1f ns vs %.1f ns (%.2fx)", p[1].nanos(), p[0].nanos(), p[1].nanos() / p[0].nanos()))));
        for (String benchmark : List.of("BoundCounterBenchmark", "HistogramBenchmark")) {
            both2(benchmark, "tasker")
                    .ifPresent(p -> lines.add(verdict(
                            p[1].nanos() <= 3 * p[0].nanos(),
                            "(d) " + (benchmark.startsWith("Bound") ? "counter" : "histogram")
                                    + " on 2 threads at most 3x its 1-thread cost",
                            fmt(
                                    "%.1f ns vs %.1f ns (%.2fx)",
                                    p[1].nanos(), p[0].nanos(), p[1].nanos() / p[0].nanos()))));
        }
        find("ExportBenchmark", "taskerSnapshotAndWrite", 1)
                .ifPresent(s -> lines.add(verdict(
                        1e9 / s.nanos() >= 3_000_000,
                        "(e) snapshot plus text at least 3 million series/s per core",
                        fmt("%,.0f series/s", 1e9 / s.nanos()))));
        if (!lines.isEmpty()) {
            sb.append("### Goals in this run\n\n");
            lines.forEach(l -> sb.append("- ").append(l).append('\n'));
            sb.append('\n');
        }
    }

    /** The fastest library other than ours in one benchmark and variant, on one thread. */
    private Optional<Score> bestPeer(String benchmark, String variant) {
        return scores.stream()
                .filter(o -> o.benchmark().equals(benchmark)
                        && o.variant().equals(variant)
                        && o.threads() == 1
                        && !o.method().startsWith("tasker"))
                .min((x, y) -> Double.compare(x.nanos(), y.nanos()));
    }

    private Optional<Score[]> both(String benchmark, String a, String b, int threads) {
        Optional<Score> x = find(benchmark, a, threads);
        Optional<Score> y = find(benchmark, b, threads);
        return x.isPresent() && y.isPresent() ? Optional.of(new Score[] {x.get(), y.get()}) : Optional.empty();
    }

    private Optional<Score[]> both2(String benchmark, String method) {
        Optional<Score> x = find(benchmark, method, 1);
        Optional<Score> y = find(benchmark, method, 2);
        return x.isPresent() && y.isPresent() ? Optional.of(new Score[] {x.get(), y.get()}) : Optional.empty();
    }

    private Optional<Score> find(String benchmark, String method, int threads) {
        return scores.stream()
                .filter(s -> s.benchmark().equals(benchmark) && s.method().equals(method) && s.threads() == threads)
                .findFirst();
    }

    private Optional<Score> find(String benchmark, String method, String variant, int threads) {
        return scores.stream()
                .filter(s -> s.benchmark().equals(benchmark)
                        && s.method().equals(method)
                        && s.variant().equals(variant)
                        && s.threads() == threads)
                .findFirst();
    }

    private static String zeroBytes(String what, Score s) {
        return verdict(
                s.bytes() < ZERO_BYTES,
                what + " allocates nothing, " + s.threads() + " thread(s)",
                bytes(s.bytes()) + " B/op");
    }

    private static String verdict(boolean met, String goal, String measured) {
        return (met ? "MET" : "MISSED") + ": " + goal + " — " + measured;
    }

    private static String stepName(String step) {
        return switch (step) {
            case "SnapshotAndWrite" -> "snapshot + write";
            case "Snapshot" -> "snapshot only";
            default -> "write only";
        };
    }

    private static String nanos(Score s) {
        String f = s.nanos() >= 1_000 ? "%,.0f" : "%.1f";
        return Double.isNaN(s.error()) ? fmt(f, s.nanos()) : fmt(f + " ± " + f, s.nanos(), s.error());
    }

    static String bytes(double b) {
        if (Double.isNaN(b)) {
            return "?";
        }
        if (b < ZERO_BYTES) {
            return "0";
        }
        return b < 10 ? fmt("%.1f", b) : fmt("%.0f", b);
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
