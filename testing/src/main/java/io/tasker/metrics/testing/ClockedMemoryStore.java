package io.tasker.metrics.testing;

import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.StoreException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The memory store with failures on demand: the next N reads and writes throw as an unreachable
 * store would. Real-server fault tests (a proxy that cuts connections) live with the store tests.
 */
public final class ClockedMemoryStore extends DelegatingStore {
    /** The operations a failure hits; deletes, touches and increments always go through. */
    private static final Set<String> FALLIBLE =
            Set.of("probe", "ping", "get", "getAll", "putIfNewer", "putAllIfNewer", "compareAndSet", "add");

    private final AtomicInteger failures = new AtomicInteger();

    /**
     * Wraps a store, failing nothing until told.
     *
     * @param delegate the store to pass calls on to, usually a memory store
     */
    public ClockedMemoryStore(CacheStore delegate) {
        super(delegate);
    }

    /**
     * Makes the next {@code n} fallible operations throw.
     *
     * @param n how many operations fail with a {@link StoreException}
     */
    public void failNext(int n) {
        failures.set(n);
    }

    @Override
    protected void before(String operation) {
        if (FALLIBLE.contains(operation) && failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new StoreException("injected failure of " + operation);
        }
    }
}
