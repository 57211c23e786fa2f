package io.tasker.metrics.console.instances;

import io.tasker.metrics.console.web.Layout;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code instances/instances.jte}.
 *
 * @param syncInterval the sync interval, which tells late from live
 * @param error why the store could not be read, or null
 * @param now the console's time, from which ages are shown
 */
public record InstancesPage(Layout layout, List<InstanceRow> rows, Duration syncInterval, String error, Instant now) {}
