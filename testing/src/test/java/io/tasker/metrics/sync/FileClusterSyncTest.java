package io.tasker.metrics.sync;

import io.tasker.metrics.Clock;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.file.FileStore;
import io.tasker.metrics.testing.ClusterSyncContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The sync contract against the file store. */
class FileClusterSyncTest extends ClusterSyncContract {
    @TempDir
    Path directory;

    @Override
    protected CacheStore newStore(Clock clock) {
        return FileStore.open(directory, clock);
    }
}
