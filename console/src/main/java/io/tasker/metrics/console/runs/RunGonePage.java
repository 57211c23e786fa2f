package io.tasker.metrics.console.runs;

import io.tasker.metrics.console.web.Layout;

/**
 * {@code runs/gone.jte}: a run that is no longer among the cluster's recent runs (aged out, or
 * its instance stopped long ago), said in a page with the way back, not a bare 404.
 *
 * @param layout the page's frame
 * @param taskId the id asked for
 */
public record RunGonePage(Layout layout, String taskId) {}
