package io.tasker.metrics.cli;

import io.tasker.metrics.runtime.StoreStatus;
import io.tasker.metrics.runtime.TaskerRuntime;
import io.tasker.metrics.sync.SyncResult;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sync}: the cluster's housekeeping. A CLI process has recorded nothing of its own (syncing
 * its empty registry would add nothing), so this folds instances that
 * stopped syncing into the retired totals and keeps those alive, then reports the last syncs.
 */
@Command(
        name = "sync",
        description = "Fold stopped instances into the retired totals, keep the shared data "
                + "alive, and report when the instances last synced.")
final class SyncCommand implements Callable<Integer> {
    @ParentCommand
    TaskerMetricsCli parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (TaskerRuntime runtime = CliContext.runtime(CliContext.config(parent.config, parent.environment()))) {
            StoreStatus store = runtime.storeStatus();
            if (!store.healthy()) {
                err.println("Sync failed: " + store.description() + " cannot be reached: " + store.error());
                return TaskerMetricsCli.FAILED;
            }
            SyncResult r = runtime.cluster().maintenance().housekeep(store.strategy());
            if (!r.success()) {
                err.println("Sync failed (" + r.strategy().word() + "): " + r.error());
                return TaskerMetricsCli.FAILED;
            }
            out.println(
                    "Sync done (" + r.strategy().word() + ") in " + r.duration().toMillis() + " ms: "
                            + r.retiredInstances() + " stopped instance(s) folded into the retired totals, "
                            + r.conflicts() + " conflict(s).");
            out.println("Last sync of any instance: "
                    + runtime.cluster().lastClusterSync().map(Object::toString).orElse("never"));
            return TaskerMetricsCli.OK;
        }
    }
}
