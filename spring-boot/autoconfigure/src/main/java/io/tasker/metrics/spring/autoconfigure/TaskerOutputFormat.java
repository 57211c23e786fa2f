package io.tasker.metrics.spring.autoconfigure;

import io.tasker.metrics.format.ExpositionFormatWriter;
import io.tasker.metrics.format.OpenMetricsTextWriter;
import io.tasker.metrics.format.PrometheusTextWriter;
import org.springframework.boot.actuate.endpoint.Producible;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

/**
 * The formats the {@code tasker} endpoint produces, chosen by the request's {@code Accept}
 * header: OpenMetrics when asked for, Prometheus text 0.0.4 otherwise.
 */
public enum TaskerOutputFormat implements Producible<TaskerOutputFormat> {
    /** Prometheus text format 0.0.4, the default. */
    PROMETHEUS("text/plain;version=0.0.4;charset=utf-8") {
        @Override
        public ExpositionFormatWriter writer() {
            return new PrometheusTextWriter();
        }

        @Override
        public boolean isDefault() {
            return true;
        }
    },
    /** OpenMetrics text 1.0.0. */
    OPENMETRICS("application/openmetrics-text;version=1.0.0;charset=utf-8") {
        @Override
        public ExpositionFormatWriter writer() {
            return new OpenMetricsTextWriter();
        }
    };

    private final MimeType mimeType;

    TaskerOutputFormat(String mimeType) {
        this.mimeType = MimeTypeUtils.parseMimeType(mimeType);
    }

    /**
     * The core's writer of this format.
     *
     * @return a new writer
     */
    public abstract ExpositionFormatWriter writer();

    @Override
    public MimeType getProducedMimeType() {
        return mimeType;
    }
}
