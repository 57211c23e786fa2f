package io.tasker.metrics.store;

import io.tasker.metrics.Clock;
import io.tasker.metrics.testing.CacheStoreContract;

class MemoryStoreTest extends CacheStoreContract {
    @Override
    protected CacheStore newStore() {
        return new MemoryStore(Clock.SYSTEM);
    }
}
