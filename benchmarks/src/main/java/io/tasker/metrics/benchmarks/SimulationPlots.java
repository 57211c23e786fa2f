package io.tasker.metrics.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The cluster simulation's curves, cost against the number of instances, one PNG each. */
final class SimulationPlots {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 420;

    private SimulationPlots() {}

    static void draw(List<ClusterSimulation.Point> points, Path dir) throws IOException {
        plot(
                points,
                dir.resolve("scale-sync-p99.png"),
                "Sync of one instance, p99",
                "ms",
                p -> p.sync().p99());
        plot(
                points,
                dir.resolve("scale-view-read.png"),
                "Cluster view read and merged",
                "ms",
                ClusterSimulation.Point::viewMillis);
        plot(
                points,
                dir.resolve("scale-cli-export.png"),
                "CLI export-now of the view (read, merge, Prometheus text)",
                "ms",
                ClusterSimulation.Point::exportMillis);
        plot(
                points,
                dir.resolve("scale-fold.png"),
                "Folding 80% of the instances at once",
                "ms",
                ClusterSimulation.Point::foldMillis);
        plot(
                points.stream().filter(p -> p.store().equals("redis-cluster")).toList(),
                dir.resolve("scale-redis-memory.png"),
                "Redis memory per instance-series",
                "bytes",
                p -> p.redisBytesPerSeries());
    }

    private static void plot(
            List<ClusterSimulation.Point> points,
            Path file,
            String title,
            String unit,
            ToDoubleFunction<ClusterSimulation.Point> y)
            throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (String store :
                points.stream().map(ClusterSimulation.Point::store).distinct().toList()) {
            XYSeries series = new XYSeries(store);
            points.stream()
                    .filter(p -> p.store().equals(store))
                    .forEach(p -> series.add(p.instances(), y.applyAsDouble(p)));
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(
                title, "instances (N)", unit, data, PlotOrientation.VERTICAL, true, false, false);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }
}
