package io.tasker.metrics.runs;

import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.KeyLayout;
import io.tasker.metrics.store.Record;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recent runs of the cluster: every live instance's list, read in one round trip, each run
 * labelled with its instance, newest start first.
 *
 * <pre>{@code
 * List<TaskRun> runs = new RunsReader(store, keys).read(clusterView.instances());
 * }</pre>
 */
public final class RunsReader {
    private static final Logger LOG = LoggerFactory.getLogger(RunsReader.class);

    private final CacheStore store;
    private final KeyLayout keys;

    /**
     * A reader of the runs lists under {@code keys}' namespace.
     *
     * @param store the shared store
     * @param keys the layout that names each instance's runs key
     */
    public RunsReader(CacheStore store, KeyLayout keys) {
        this.store = store;
        this.keys = keys;
    }

    /**
     * An instance whose list has expired is simply absent; one whose list cannot be read, or is
     * larger than {@link RunLimits#READ_BYTES}, is skipped with a warning rather than hiding the others'.
     *
     * @param instances the ids of the instances to read
     * @return their runs
     * @throws io.tasker.metrics.store.StoreException when the store cannot be read
     */
    public List<TaskRun> read(Collection<String> instances) {
        List<String> ids = List.copyOf(instances);
        Map<String, Record> found = store.getAll(ids.stream().map(keys::runs).toList());
        List<TaskRun> all = new ArrayList<>();
        for (String id : ids) {
            Record r = found.get(keys.runs(id));
            if (r == null) {
                continue;
            }
            if (r.data().length > RunLimits.READ_BYTES) {
                // Written by an older version, or by anyone who can write the store: not worth a console's heap.
                LOG.warn(
                        "Recent runs of instance {} skipped: {} bytes, more than the {} an instance writes",
                        id,
                        r.data().length,
                        RunLimits.READ_BYTES);
                continue;
            }
            try {
                RunsCodec.decode(r.data()).forEach(run -> all.add(run.withInstance(id)));
            } catch (IllegalArgumentException e) {
                LOG.warn("Recent runs of instance {} unreadable: {}", id, e.getMessage());
            }
        }
        all.sort(Comparator.comparing(TaskRun::startedAt).reversed());
        return all;
    }
}
