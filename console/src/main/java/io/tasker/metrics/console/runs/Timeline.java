package io.tasker.metrics.console.runs;

import io.tasker.metrics.runs.RunStatus;
import io.tasker.metrics.runs.StepRun;
import io.tasker.metrics.runs.TaskRun;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One run's step attempts as bars on its time axis: where each starts and how wide it is, in
 * percent of the run (a running attempt reaches the end of the axis; a bar is at least 0.5% wide
 * so that an instant attempt still shows).
 */
public record Timeline(long totalMillis, List<Bar> bars) {
    /** One attempt's bar. */
    public record Bar(StepRun step, double leftPercent, double widthPercent) {
        public String style() {
            return String.format(Locale.ROOT, "left:%.2f%%;width:%.2f%%", leftPercent, widthPercent);
        }

        public String css() {
            return "bar " + step.status().word();
        }
    }

    public static Timeline of(TaskRun run) {
        Instant start = run.startedAt();
        long total = Math.max(1, run.durationMillis() == null ? 1 : run.durationMillis());
        for (StepRun s : run.steps()) {
            total = Math.max(total, Duration.between(start, s.startedAt()).toMillis() + millis(s));
        }
        List<Bar> bars = new ArrayList<>();
        for (StepRun s : run.steps()) {
            double left =
                    100.0 * Math.max(0, Duration.between(start, s.startedAt()).toMillis()) / total;
            double width = s.status() == RunStatus.RUNNING ? 100 - left : Math.max(0.5, 100.0 * millis(s) / total);
            bars.add(new Bar(s, Math.min(left, 99.5), Math.min(width, 100 - Math.min(left, 99.5))));
        }
        return new Timeline(total, bars);
    }

    private static long millis(StepRun s) {
        return s.durationMillis() == null ? 0 : s.durationMillis();
    }
}
