package io.tasker.metrics.store;

import io.tasker.metrics.store.internal.StoreProbe;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A shared key-value store that the collector syncs to: Redis, Memcached, a directory of files,
 * memory, or nothing. Values are versioned {@link Record}s, so that every write the sync makes is
 * idempotent: a write that is retried after an ambiguous failure (applied, but the reply was
 * lost) is refused or changes nothing, instead of adding again.
 *
 * <p>Every key is given with the namespace already applied by the caller. Every write takes a
 * time to live; a store without expiry keeps the value until it is overwritten or deleted.
 * Operations throw {@link StoreException} when the store cannot be reached or fails; they never
 * return a made-up answer.
 *
 * <pre>{@code
 * try (CacheStore store = CacheStores.open("redis://127.0.0.1:6379/0", Duration.ofSeconds(2), Clock.SYSTEM)) {
 *     store.putIfNewer("tasker:instance:a:0", new Record(7, bytes), Duration.ofMinutes(5));
 * }
 * }</pre>
 */
public interface CacheStore extends AutoCloseable {

    /**
     * The store's URL with any password masked, for logs, status and errors.
     *
     * @return a description safe to print
     */
    String description();

    /**
     * What this store says it can do, before any probe.
     *
     * @return the declared capabilities
     */
    StoreCapabilities declaredCapabilities();

    /**
     * Exercises the store (write, read, expire, increment, delete probe keys under the layout's
     * namespace) and returns the capabilities that held up. The default runs the one probe every
     * networked store shares against {@link #declaredCapabilities()}; a store with nothing to
     * exercise, or more to check, overrides it.
     *
     * @param keys the layout whose namespace the probe keys go under
     * @return the capabilities confirmed
     * @throws StoreException when the store cannot be reached at all
     */
    default StoreCapabilities probe(KeyLayout keys) {
        return new StoreProbe(this, declaredCapabilities()).run(keys);
    }

    /**
     * A round trip to the store.
     *
     * @throws StoreException when the store cannot be reached
     */
    void ping();

    /**
     * The record a key holds.
     *
     * @param key the full key, namespace included
     * @return the record, or empty when the key does not exist or has expired
     * @throws StoreException when the store fails
     */
    Optional<Record> get(String key);

    /**
     * The records of those keys that exist, in one round trip where the store allows it.
     *
     * @param keys the full keys
     * @return the records found, by key; missing keys are left out
     * @throws StoreException when the store fails
     */
    Map<String, Record> getAll(Collection<String> keys);

    /**
     * Writes when the key is absent or holds a version at most {@code record.version()}; an equal
     * version is overwritten, so a retried write of the same record succeeds again.
     *
     * @param key the full key
     * @param record the record to write
     * @param ttl how long the key lives; positive
     * @return whether the record was written
     * @throws StoreException when the store fails
     */
    boolean putIfNewer(String key, Record record, Duration ttl);

    /**
     * {@link #putIfNewer} for many keys, in one round trip where the store allows it (a
     * pipeline); each write is atomic on its own.
     *
     * @param entries the keys and records to write, in order
     * @param ttl how long each key lives; positive
     * @return for each entry, in order, whether it was written
     * @throws StoreException when the store fails
     */
    List<Boolean> putAllIfNewer(List<Map.Entry<String, Record>> entries, Duration ttl);

    /**
     * Writes when the key holds exactly {@code expectedVersion}, or is absent and
     * {@code expectedVersion} is -1.
     *
     * @param key the full key
     * @param expectedVersion the version the key must hold, or -1 for an absent key
     * @param record the record to write
     * @param ttl how long the key lives; positive
     * @return whether the record was written
     * @throws StoreException when the store fails
     */
    boolean compareAndSet(String key, long expectedVersion, Record record, Duration ttl);

    /**
     * Writes when the key is absent (the basis of a lock).
     *
     * @param key the full key
     * @param record the record to write
     * @param ttl how long the key lives; positive
     * @return whether the record was written
     * @throws StoreException when the store fails
     */
    boolean add(String key, Record record, Duration ttl);

    /**
     * Deletes when the key holds exactly this record's data (an owner releasing its lock).
     *
     * @param key the full key
     * @param expected the data the key's record must hold
     * @return whether the key was deleted
     * @throws StoreException when the store fails
     */
    boolean deleteIfEquals(String key, byte[] expected);

    /**
     * Extends the time to live when the key holds exactly this data (an owner renewing its lock).
     *
     * @param key the full key
     * @param expected the data the key's record must hold
     * @param ttl the new time to live, from now
     * @return whether the time to live was set
     * @throws StoreException when the store fails
     */
    boolean touchIfEquals(String key, byte[] expected, Duration ttl);

    /**
     * Deletes a key, whatever it holds.
     *
     * @param key the full key
     * @return whether the key existed
     * @throws StoreException when the store fails
     */
    boolean delete(String key);

    /**
     * Sets a new time to live on an existing key.
     *
     * @param key the full key
     * @param ttl the new time to live, from now
     * @return false when the key does not exist
     * @throws StoreException when the store fails
     */
    boolean touch(String key, Duration ttl);

    /**
     * How long the key has left: empty when it does not exist, {@code Duration.ZERO}-free; a
     * key without expiry gives a very long duration.
     *
     * @param key the full key
     * @return the time left, or empty
     * @throws UnsupportedOperationException when the store cannot tell (see {@link StoreCapabilities#ttlInspection})
     */
    Optional<Duration> ttl(String key);

    /**
     * Adds {@code delta} to a counter key (created at 0) and returns the new value; used for
     * fencing numbers, never for metric values.
     *
     * @param key the full key
     * @param delta the amount to add
     * @param ttl how long the key lives; positive
     * @return the value after the addition
     * @throws StoreException when the store fails
     */
    long increment(String key, long delta, Duration ttl);

    /**
     * Releases what this store holds open, such as a network store's connections; what it
     * stored stays.
     *
     * @throws StoreException when closing fails
     */
    @Override
    void close();
}
