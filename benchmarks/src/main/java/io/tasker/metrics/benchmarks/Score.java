package io.tasker.metrics.benchmarks;

/**
 * One benchmark's outcome, as the comparison table needs it.
 *
 * @param benchmark the class's simple name, such as {@code BoundCounterBenchmark}
 * @param method the benchmark method, which names the library ({@code tasker}, {@code otel}, ...)
 * @param variant its JMH parameters as {@code name=value}, comma-separated; empty when it has none
 * @param threads threads that ran it at once
 * @param nanos average nanoseconds per operation (per thread when several run)
 * @param error half-width of the 99.9% confidence interval, NaN when JMH had too few samples
 * @param bytes bytes allocated per operation ({@code -prof gc}), NaN when not measured
 */
public record Score(
        String benchmark, String method, String variant, int threads, double nanos, double error, double bytes) {}
