package io.tasker.metrics.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every case against every peer with {@code -prof gc}: all benchmarks on one thread, then
 * the bound-handle cases on two threads sharing one series; saves JMH's JSON for each pass and
 * prints (and saves) the comparison table with the goals met or missed.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.tasker.metrics.benchmarks.Comparison --out benchmarks/target
 * java -cp benchmarks/target/benchmarks.jar io.tasker.metrics.benchmarks.Comparison --full
 * }</pre>
 */
public final class Comparison {
    private static final String ONE_THREAD =
            "\\.(BoundCounterBenchmark|LabelLookupBenchmark|ThreeLabelLookupBenchmark|HistogramBenchmark|QuantileBenchmark|ExportBenchmark|QuantileSnapshotBenchmark)\\.";
    private static final String TWO_THREADS = "\\.(BoundCounterBenchmark|HistogramBenchmark|QuantileBenchmark)\\.";

    /** How long to measure: a quick look for development, or the run the docs report. */
    enum Length {
        SHORT(1, 2, 300, 3, 300),
        FULL(2, 5, 1000, 5, 1000);

        final int forks;
        final int warmups;
        final int warmupMillis;
        final int iterations;
        final int iterationMillis;

        Length(int forks, int warmups, int warmupMillis, int iterations, int iterationMillis) {
            this.forks = forks;
            this.warmups = warmups;
            this.warmupMillis = warmupMillis;
            this.iterations = iterations;
            this.iterationMillis = iterationMillis;
        }

        String describe() {
            return forks + " fork(s), " + warmups + " warmup x " + warmupMillis + " ms, " + iterations
                    + " measurement x " + iterationMillis + " ms";
        }
    }

    private Comparison() {}

    public static void main(String[] args) throws IOException, RunnerException {
        Length length = Length.SHORT;
        Path out = Path.of("benchmarks", "target");
        String only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--full" -> length = Length.FULL;
                case "--out" -> out = Path.of(args[++i]);
                case "--only" -> only = args[++i];
                default -> {
                    System.err.println("usage: Comparison [--full] [--out DIR] [--only REGEX]");
                    System.exit(2);
                }
            }
        }
        Files.createDirectories(out);
        List<Score> scores = new ArrayList<>();
        // --only narrows both passes (JMH finds the pattern anywhere in the benchmark's name).
        String narrow = only == null ? "" : "^(?=.*(?:" + only + "))";
        scores.addAll(run(length, 1, narrow + ".*" + ONE_THREAD, out.resolve("jmh-1-thread.json")));
        scores.addAll(run(length, 2, narrow + ".*" + TWO_THREADS, out.resolve("jmh-2-threads.json")));
        String table = "Method: JMH 1.37, " + length.describe() + ", -prof gc, average time per operation.\n\n"
                + ComparisonTable.render(scores);
        Files.writeString(out.resolve("bench-summary.md"), table);
        System.out.println();
        System.out.println(table);
    }

    private static List<Score> run(Length length, int threads, String include, Path json) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(include)
                .threads(threads)
                .forks(length.forks)
                .warmupIterations(length.warmups)
                .warmupTime(TimeValue.milliseconds(length.warmupMillis))
                .measurementIterations(length.iterations)
                .measurementTime(TimeValue.milliseconds(length.iterationMillis))
                .addProfiler(GCProfiler.class)
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString());
        Collection<RunResult> results;
        try {
            results = new Runner(options.build()).run();
        } catch (NoBenchmarksException e) {
            return List.of();
        }
        List<Score> scores = new ArrayList<>();
        for (RunResult r : results) {
            scores.add(toScore(r));
        }
        return scores;
    }

    private static Score toScore(RunResult r) {
        String full = r.getParams().getBenchmark();
        int dot = full.lastIndexOf('.');
        String method = full.substring(dot + 1);
        String benchmark = full.substring(full.lastIndexOf('.', dot - 1) + 1, dot);
        Result<?> primary = r.getPrimaryResult();
        double bytes = Double.NaN;
        // JMH 1.37 names it "gc.alloc.rate.norm"; older versions put a "·" in front.
        for (String key : r.getSecondaryResults().keySet()) {
            if (key.endsWith("gc.alloc.rate.norm")) {
                bytes = r.getSecondaryResults().get(key).getScore();
            }
        }
        List<String> params = new ArrayList<>();
        for (String key : r.getParams().getParamsKeys()) {
            params.add(key + "=" + r.getParams().getParam(key));
        }
        return new Score(
                benchmark,
                method,
                String.join(",", params),
                r.getParams().getThreads(),
                primary.getScore(),
                primary.getScoreError(),
                bytes);
    }
}
