package io.tasker.metrics.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A real server that receives Prometheus remote write at {@code /api/v1/write} and answers
 * PromQL at {@code /api/v1/query}: Prometheus and VictoriaMetrics, so that a test can push to
 * either and read back the same way.
 *
 * <p>{@code RemoteWriteReceiver receiver = prometheus; receiver.query("sum(tasker_jobs_total)")}
 */
public interface RemoteWriteReceiver {

    /**
     * The server's base URL, {@code http://127.0.0.1:port}.
     *
     * @return the base URL
     */
    String url();

    /**
     * Where the server receives remote writes.
     *
     * @return the base URL and {@code /api/v1/write}
     */
    default String remoteWriteUrl() {
        return url() + "/api/v1/write";
    }

    /**
     * Runs an instant PromQL query; the body is the server's JSON answer.
     *
     * @param promql the query
     * @return the server's response
     * @throws java.io.UncheckedIOException when the server cannot be reached
     */
    default Http.Response query(String promql) {
        return Http.getUnchecked(url() + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    }
}
