package io.tasker.metrics.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a real single-node VictoriaMetrics (Debian's {@code victoria-metrics}) on a free loopback
 * port for a test class: a second receiver of Prometheus remote write beside Prometheus itself,
 * so that our encoder is judged by two independent implementations.
 *
 * <p>{@code @RegisterExtension static final VictoriaMetricsServerExtension vm = new VictoriaMetricsServerExtension();}
 * then push to {@code vm.remoteWriteUrl()}, {@code vm.flush()} and {@code vm.query("sum(x)")}.
 */
public final class VictoriaMetricsServerExtension extends ServerExtension implements RemoteWriteReceiver {

    /** A server with its data in the extension's temp directory. */
    public VictoriaMetricsServerExtension() {
        super("victoria-metrics");
    }

    @Override
    public String url() {
        return "http://" + host() + ":" + port();
    }

    /** Makes every sample received so far searchable at once, instead of after the next in-memory flush. */
    public void flush() {
        try {
            Http.Response r = Http.get(url() + "/internal/force_flush");
            if (r.status() != 200) {
                throw new IllegalStateException("VictoriaMetrics refused /internal/force_flush: HTTP " + r.status());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not flush VictoriaMetrics at " + url(), e);
        }
    }

    @Override
    protected List<String> launchCommand(int port, Path workDir) {
        return List.of(
                Executables.require("victoria-metrics", "victoria-metrics").toString(),
                "-httpListenAddr=127.0.0.1:" + port,
                "-storageDataPath=" + workDir.resolve("data"),
                // Answer queries up to now: by default the last 30 s are held back for late samples.
                "-search.latencyOffset=0s",
                "-search.disableCache");
    }

    @Override
    protected ReadinessProbe probe() {
        return ReadinessProbe.httpOk("/health");
    }
}
