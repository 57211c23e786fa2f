/**
  * Shared JUnit 5 support for tests that talk to real parts instead of mocks: {@link
  * io.tasker.metrics.testing.Executables} finds the Debian tools, {@link
  * io.tasker.metrics.testing.Promtool} judges Prometheus text with {@code promtool check metrics},
  * and the server extensions ({@link io.tasker.metrics.testing.RedisServerExtension}, {@link
  * io.tasker.metrics.testing.MemcachedServerExtension}, {@link
  * io.tasker.metrics.testing.PrometheusServerExtension}, {@link
  * io.tasker.metrics.testing.VictoriaMetricsServerExtension}) start their own {@code redis-server},
  * {@code memcached}, {@code prometheus} and {@code victoria-metrics} processes on free loopback
  * ports; the last two are both a {@link io.tasker.metrics.testing.RemoteWriteReceiver}.
  *
  * <p>A missing tool fails the test with the Debian package to install; it never skips it.
  * Other modules reuse these classes through the collector's test jar.
  */
package io.tasker.metrics.testing;
