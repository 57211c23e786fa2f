package io.tasker.metrics.console.dashboard;

import io.tasker.metrics.console.chart.Sparklines;
import io.tasker.metrics.console.status.StatusView;
import io.tasker.metrics.console.tasks.Headlines;
import io.tasker.metrics.console.web.Layout;
import java.util.List;

/** {@code dashboard/dashboard.jte}: the frame, the panels and the metric table. */
public record DashboardPage(
        Layout layout,
        StatusView status,
        MetricsTable.View table,
        String tableError,
        Sparklines sparks,
        List<Headlines.Figure> headlines) {}
