/**
 * Charts from the history: {@code GET /chart} (a uPlot page), {@code GET /api/series} (its
 * data, JSON), and the sparklines of the metric table and the dashboard's headline figures.
 */
package io.tasker.metrics.console.chart;
