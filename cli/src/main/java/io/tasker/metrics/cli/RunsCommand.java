package io.tasker.metrics.cli;

import io.tasker.metrics.config.TaskerConfig;
import io.tasker.metrics.runs.RunQuery;
import io.tasker.metrics.runs.RunsReader;
import io.tasker.metrics.runs.StepRun;
import io.tasker.metrics.runs.TaskRun;
import io.tasker.metrics.runtime.TaskerRuntime;
import io.tasker.metrics.store.KeyLayout;
import io.tasker.metrics.store.StoreException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code runs}: the cluster's recent task runs from the shared store, with their step attempts. */
@Command(
        name = "runs",
        description = "List the cluster's recent task runs, newest first: status, duration, "
                + "instance, the failing step and its error, and each step attempt.")
final class RunsCommand implements Callable<Integer> {
    @ParentCommand
    TaskerMetricsCli parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--failed", description = "Only failed runs.")
    boolean failed;

    @Mixin
    JsonOption output;

    @Option(names = "--task-name", paramLabel = "NAME", description = "Only runs of this task.")
    String taskName;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "50",
            description = "At most N runs (1 to 1000; default 50).")
    String limit;

    @Override
    public Integer call() throws Exception {
        RunQuery query = RunQuery.of(failed ? "failed" : null, taskName, null, limit);
        PrintWriter out = spec.commandLine().getOut();
        TaskerConfig config = CliContext.config(parent.config, parent.environment());
        try (TaskerRuntime runtime = CliContext.runtime(config)) {
            List<String> instances = runtime.cluster().readView().instances();
            List<TaskRun> runs = query.apply(
                    new RunsReader(runtime.store(), new KeyLayout(config.cache().namespace())).read(instances));
            output.print(out, runs, text -> print(text, runs, instances.size()));
            return TaskerMetricsCli.OK;
        } catch (StoreException e) {
            spec.commandLine().getErr().println("Runs not read: the shared store cannot be read: " + e.getMessage());
            return TaskerMetricsCli.FAILED;
        }
    }

    private void print(PrintWriter out, List<TaskRun> runs, int instances) {
        out.println(runs.size() + (failed ? " failed" : "") + " run(s) from " + instances
                + " live instance(s), newest first");
        for (TaskRun r : runs) {
            // Every stored text one line, its control characters escaped: a message may hold ESC[2J.
            out.printf(
                    "%s  %s  %s  %s  %s  %s%s%n",
                    SafeText.line(r.taskId()),
                    SafeText.line(r.taskName()),
                    r.status().word(),
                    r.startedAt(),
                    millis(r.durationMillis()),
                    SafeText.line(r.instance()),
                    error(r.errorType(), r.errorMessage()));
            for (StepRun s : r.steps()) {
                out.printf(
                        "    %-24s %-8s +%-8s %s%s%n",
                        SafeText.line(s.stepName()) + " #" + s.attempt(),
                        s.status().word(),
                        millis(Duration.between(r.startedAt(), s.startedAt()).toMillis()),
                        millis(s.durationMillis()),
                        error(s.errorType(), s.errorMessage()));
            }
        }
    }

    private static String error(String type, String message) {
        return message == null ? "" : "  " + SafeText.line(type) + ": " + SafeText.line(message);
    }

    private static String millis(Long ms) {
        return ms == null ? "running" : ms + " ms";
    }
}
