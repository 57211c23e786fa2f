package io.tasker.metrics.benchmarks;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.tasker.metrics.console.dashboard.Filter;
import io.tasker.metrics.console.dashboard.MetricsFragment;
import io.tasker.metrics.console.dashboard.MetricsTable;
import io.tasker.metrics.format.ExpositionFormatWriter;
import io.tasker.metrics.formats.JsonWriter;
import io.tasker.metrics.snapshot.HistogramSnapshot;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.sync.ClusterReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * What one request's parts cost on one thread, without HTTP: reading the cluster view from the
 * store (the console does it at most once a second), building the metric table, rendering the
 * table fragment, and writing JSON and Prometheus text. These explain the wrk figures; they are
 * medians of {@value #RUNS} runs after as many for warm-up.
 *
 * @param name the part
 * @param millis its median time
 */
record ConsoleCosts(String name, double millis) {
    private static final int RUNS = 30;

    static List<ConsoleCosts> measure(ClusterReader cluster) {
        MetricsSnapshot view = cluster.readView().snapshot();
        Filter dashboard = new Filter("", "", "", "name", false, 1, 5);
        Filter fragment = new Filter("step_executions", "failure", "counter", "value", true, 3, 5);
        TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
        List<ConsoleCosts> costs = new ArrayList<>();
        costs.add(time("read the cluster view from the memory store", () -> cluster.readView()));
        costs.add(time("build the table, all series, page 1 (dashboard)", () -> MetricsTable.build(view, dashboard)));
        costs.add(time("build the table, filtered, page 3 (fragment)", () -> MetricsTable.build(view, fragment)));
        MetricsTable.View page = MetricsTable.build(view, fragment);
        costs.add(time("render the fragment template (50 rows)", () -> {
            StringOutput out = new StringOutput();
            templates.render("dashboard/metricsFragment.jte", new MetricsFragment(page, null), out);
            return out;
        }));
        costs.add(
                time("p50, p95, p99 of the " + ConsoleSeries.HISTOGRAMS + " quantile sketches", () -> quantiles(view)));
        costs.add(time("write JSON (`/api/metrics`)", () -> write(out -> new JsonWriter().write(out, view))));
        costs.add(time(
                "write Prometheus text (`/metrics`)",
                () -> write(out -> ExpositionFormatWriter.forAcceptHeader(null).write(out, view))));
        return costs;
    }

    /** What the table computes for its histogram rows, and JSON for every histogram (with p90 too). */
    private static double quantiles(MetricsSnapshot view) {
        double sum = 0;
        for (var family : view.families()) {
            if (family instanceof HistogramSnapshot h) {
                for (HistogramSnapshot.Point p : h.points()) {
                    if (p.quantiles() != null && p.quantiles().count() > 0) {
                        sum += p.quantiles().valueAt(0.5)
                                + p.quantiles().valueAt(0.95)
                                + p.quantiles().valueAt(0.99);
                    }
                }
            }
        }
        return sum;
    }

    @FunctionalInterface
    private interface Writing {
        void to(OutputStream out) throws IOException;
    }

    private static long write(Writing w) {
        long[] n = new long[1];
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                n[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                n[0] += len;
            }
        };
        try {
            w.to(counting);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n[0];
    }

    private static ConsoleCosts time(String name, Supplier<Object> work) {
        long[] nanos = new long[RUNS];
        Object sink = null;
        for (int i = 0; i < 2 * RUNS; i++) {
            long t0 = System.nanoTime();
            sink = work.get();
            if (i >= RUNS) {
                nanos[i - RUNS] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(nanos);
        Reference.reachabilityFence(sink);
        return new ConsoleCosts(name, nanos[RUNS / 2] / 1e6);
    }
}
