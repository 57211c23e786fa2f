package io.tasker.metrics.store.internal;

import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.KeyLayout;
import io.tasker.metrics.store.Record;
import io.tasker.metrics.store.StoreCapabilities;
import io.tasker.metrics.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The probe of every store that talks to something outside the process (Redis, Memcached, a
 * directory): exercises each declared capability on keys of its own under the namespace, so that
 * a store that refuses part of what we need (scripting disabled, a user without INCRBY, a
 * read-only directory) is reported as it is instead of as declared, and cleans up after itself.
 *
 * <p>{@code StoreCapabilities confirmed = new StoreProbe(store, declared, store::persistence).run(keys);}
 */
public final class StoreProbe {

    private static final Logger LOG = LoggerFactory.getLogger(StoreProbe.class);
    private static final Duration SHORT = Duration.ofSeconds(30);
    private static final Duration LONGER = Duration.ofSeconds(60);

    private final CacheStore store;
    private final Supplier<Optional<Boolean>> persistence;
    private final StoreCapabilities declared;

    /**
     * @param persistence what the server's configuration says about surviving a restart, empty
     *     when it does not tell
     */
    public StoreProbe(CacheStore store, StoreCapabilities declared, Supplier<Optional<Boolean>> persistence) {
        this.store = store;
        this.persistence = persistence;
        this.declared = declared;
    }

    /** A store that declares it persists or not, and cannot tell more at run time. */
    public StoreProbe(CacheStore store, StoreCapabilities declared) {
        this(store, declared, Optional::empty);
    }

    public StoreCapabilities run(KeyLayout keys) {
        store.ping(); // unreachable or refused credentials: the caller gets the StoreException
        String prefix = keys.probe() + ":";
        try {
            boolean readWrite = works("versioned write and read", () -> readsWhatItWrote(prefix + "record"));
            boolean increment =
                    declared.atomicIncrement() && works("atomic increment", () -> increments(prefix + "counter"));
            boolean locking = declared.locking() && works("locking", () -> locks(prefix + "lock"));
            boolean ttlInspection =
                    readWrite && declared.ttlInspection() && works("ttl inspection", () -> tellsTtl(prefix + "record"));
            boolean ttlExtension =
                    readWrite && declared.ttlExtension() && works("ttl extension", () -> extendsTtl(prefix + "record"));
            boolean persistent = persistence.get().orElse(declared.persistent());
            // Keys under a prefix are as separate as any keys: namespaces work where writes do.
            return new StoreCapabilities(
                    declared.distributed() && readWrite,
                    increment,
                    locking,
                    ttlInspection,
                    ttlExtension,
                    readWrite,
                    declared.compression(),
                    persistent);
        } finally {
            for (String name : new String[] {"record", "counter", "lock"}) {
                works("cleanup", () -> {
                    store.delete(prefix + name); // Absent already is as good as deleted.
                    return true;
                });
            }
        }
    }

    private boolean readsWhatItWrote(String key) {
        Record record = new Record(2, bytes("probe"));
        return store.putIfNewer(key, record, SHORT)
                && !store.putIfNewer(key, new Record(1, bytes("older")), SHORT)
                && record.equals(store.get(key).orElse(null));
    }

    private boolean increments(String key) {
        return store.increment(key, 2, SHORT) == 2 && store.increment(key, 3, SHORT) == 5;
    }

    private boolean locks(String key) {
        byte[] owner = bytes("owner");
        return store.add(key, new Record(0, owner), SHORT)
                && !store.add(key, new Record(0, bytes("other")), SHORT)
                && !store.deleteIfEquals(key, bytes("other"))
                && store.touchIfEquals(key, owner, SHORT)
                && store.deleteIfEquals(key, owner);
    }

    private boolean tellsTtl(String key) {
        Optional<Duration> left = store.ttl(key);
        return left.isPresent() && !left.get().isNegative() && left.get().compareTo(SHORT) <= 0;
    }

    /** Where the time to live cannot be read back (Memcached), a touch the store accepts must do. */
    private boolean extendsTtl(String key) {
        return store.touch(key, LONGER)
                && (!declared.ttlInspection()
                        || store.ttl(key).orElse(Duration.ZERO).compareTo(SHORT) > 0);
    }

    private boolean works(String capability, BooleanSupplier check) {
        try {
            boolean ok = check.getAsBoolean();
            if (!ok) {
                LOG.warn(
                        "Probe of {} on {}: the store answered, but not as it should", capability, store.description());
            }
            return ok;
        } catch (StoreException e) {
            LOG.warn("Probe of {} on {} failed: {}", capability, store.description(), e.getMessage());
            return false;
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
