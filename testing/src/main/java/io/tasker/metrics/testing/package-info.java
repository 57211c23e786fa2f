/**
 * Test support for tests that talk to real parts instead of mocks, usable by every module's tests
 * and by the benchmarks: {@link io.tasker.metrics.testing.Executables} finds the Debian tools,
 * {@link io.tasker.metrics.testing.ServerProcess} starts one on a {@link
 * io.tasker.metrics.testing.FreePorts free port} and waits until its {@link
 * io.tasker.metrics.testing.ReadinessProbe} answers, {@link io.tasker.metrics.testing.Promtool}
 * judges Prometheus text with {@code promtool check metrics}, and the JUnit 5 extensions ({@link
 * io.tasker.metrics.testing.RedisServerExtension}, {@link
 * io.tasker.metrics.testing.RedisClusterExtension}, {@link
 * io.tasker.metrics.testing.MemcachedServerExtension}, {@link
 * io.tasker.metrics.testing.PrometheusServerExtension}, {@link
 * io.tasker.metrics.testing.VictoriaMetricsServerExtension}) give a test class its own servers;
 * Prometheus and VictoriaMetrics are both a {@link io.tasker.metrics.testing.RemoteWriteReceiver}.
 *
 * <p>The compatibility kits: {@link io.tasker.metrics.testing.CacheStoreContract} is what every
 * cache store must do, {@link io.tasker.metrics.testing.ClusterSyncContract} what the cluster sync
 * must do on every store; extend them for a new store.
 *
 * <p>A missing tool fails the test with the Debian package to install; it never skips it.
 */
package io.tasker.metrics.testing;
