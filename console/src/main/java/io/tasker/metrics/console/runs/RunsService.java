package io.tasker.metrics.console.runs;

import io.tasker.metrics.RegistryOptions;
import io.tasker.metrics.console.service.ViewCache;
import io.tasker.metrics.runs.RecentRuns;
import io.tasker.metrics.runs.RunsReader;
import io.tasker.metrics.runs.StepSummary;
import io.tasker.metrics.runs.TaskRun;
import io.tasker.metrics.store.StoreException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The runs the console shows: every live instance's ring from the store, except this console's
 * own, which it reads live from its {@link RecentRuns} (so the demo's runs show before a sync).
 */
public final class RunsService {
    private final RecentRuns own;
    private final RunsReader reader;
    private final ViewCache views;
    private final Supplier<String> instanceId;
    private final RegistryOptions names;

    public RunsService(
            RecentRuns own, RunsReader reader, ViewCache views, Supplier<String> instanceId, RegistryOptions names) {
        this.own = own;
        this.reader = reader;
        this.views = views;
        this.instanceId = instanceId;
        this.names = names;
    }

    /**
     * The cluster's recent runs, newest start first.
     *
     * @throws io.tasker.metrics.store.StoreException when the store cannot be read
     */
    public List<TaskRun> cluster() {
        String self = instanceId.get();
        List<String> others =
                views.get().instances().stream().filter(i -> !i.equals(self)).toList();
        List<TaskRun> all = new ArrayList<>(reader.read(others));
        all.addAll(own());
        all.sort(Comparator.comparing(TaskRun::startedAt).reversed());
        return all;
    }

    /**
     * This console's own recent runs, from memory: what the runs page still shows while the
     * store cannot be read, newest start first.
     */
    public List<TaskRun> own() {
        String self = instanceId.get();
        List<TaskRun> mine = new ArrayList<>();
        own.snapshot().forEach(r -> mine.add(r.withInstance(self)));
        mine.sort(Comparator.comparing(TaskRun::startedAt).reversed());
        return mine;
    }

    /** The newest run of this task id in the cluster. */
    public Optional<TaskRun> find(String taskId) {
        List<TaskRun> runs;
        try {
            runs = cluster();
        } catch (StoreException e) {
            runs = own(); // The store is down: this console's own runs are still in its memory.
        }
        return runs.stream().filter(r -> r.taskId().equals(taskId)).findFirst();
    }

    /** Step names ranked by p95 over the cluster view. */
    public List<StepSummary> steps() {
        return StepSummary.from(views.get().snapshot(), names);
    }
}
