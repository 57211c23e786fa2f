/**
 * {@link io.tasker.metrics.jvm.JvmMetrics}: the JVM's and the process's own metrics under
 * client_java's names, read from the JDK's management beans at each snapshot.
 */
package io.tasker.metrics.jvm;
