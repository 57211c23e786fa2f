package io.tasker.metrics.console.runs;

import io.tasker.metrics.console.web.Layout;
import io.tasker.metrics.runs.TaskRun;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** {@code runs/run.jte}: one run, its step timeline, and the trace link template ({@code console.trace_url}, or null). */
public record RunPage(Layout layout, TaskRun run, Timeline timeline, String traceUrlTemplate) {
    /** The link to this run's trace, or null when there is no template or no trace id. */
    public String traceUrl() {
        if (traceUrlTemplate == null || run.traceId() == null) {
            return null;
        }
        return traceUrlTemplate.replace("{trace_id}", URLEncoder.encode(run.traceId(), StandardCharsets.UTF_8));
    }
}
