/**
 * JMH benchmarks of the collector's instruments, each case measured side by side with the same
 * work done by peer libraries in the same run: {@code java.util.concurrent.atomic.LongAdder} as
 * the floor, Prometheus client_java 1.x, Micrometer ({@code SimpleMeterRegistry}) and the
 * OpenTelemetry SDK. {@link io.tasker.metrics.benchmarks.Comparison} runs them all and prints
 * the table of {@code docs/performance.md}; {@link io.tasker.metrics.benchmarks.MemoryFootprint}
 * prints the bytes each library keeps per series.
 *
 * <p>Beside JMH, two mains measure whole paths against real servers:
 * {@link io.tasker.metrics.benchmarks.RemoteWriteBenchmark} pushes 10,000 and 1,000,000 series to a
 * local Prometheus from a child JVM of 256 MB heap, and
 * {@link io.tasker.metrics.benchmarks.ConsoleLoadBenchmark} loads an in-process console holding
 * 10,000 series with wrk.
 */
package io.tasker.metrics.benchmarks;
