package io.tasker.metrics.store.memcached;

import com.google.code.yanf4j.core.impl.StandardSocketOption;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.KeyLayout;
import io.tasker.metrics.store.Record;
import io.tasker.metrics.store.StoreCapabilities;
import io.tasker.metrics.store.StoreException;
import io.tasker.metrics.store.StoreUnreachableException;
import io.tasker.metrics.store.internal.ConflictCounting;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import net.rubyeye.xmemcached.GetsResponse;
import net.rubyeye.xmemcached.MemcachedClient;
import net.rubyeye.xmemcached.XMemcachedClientBuilder;
import net.rubyeye.xmemcached.command.TextCommandFactory;
import net.rubyeye.xmemcached.exception.MemcachedException;
import net.rubyeye.xmemcached.exception.MemcachedServerException;
import net.rubyeye.xmemcached.impl.KetamaMemcachedSessionLocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A store on one or more memcached servers ({@code memcached://host:port[,host2:port2]}), through
 * xmemcached and memcached's text protocol. A record is stored raw as
 * {@code [8-byte version][data]}; conditional writes are {@code gets} then {@code cas} (or
 * {@code add} when the key is absent), retried a few times with a small random backoff when
 * another client wrote in between, and failing with a {@link StoreException} when the conflicts
 * do not stop: a write is never dropped silently.
 *
 * <p>Memcached may evict any key before its time to live under memory pressure, and cannot tell
 * how long a key has left: {@link #ttl} is unsupported and locking is not declared, although
 * release and renewal by the owner are atomic (compare-and-swap). Times to live are whole
 * seconds, rounded up.
 *
 * <pre>{@code
 * try (MemcachedStore store = MemcachedStore.open("memcached://127.0.0.1:11211", Duration.ofSeconds(2))) {
 *     store.putIfNewer("tasker:instance:a:0", new Record(7, bytes), Duration.ofMinutes(5));
 * }
 * }</pre>
 */
public final class MemcachedStore implements CacheStore, ConflictCounting {
    /** How soon a closed session is reconnected: xmemcached waits at least a second whatever this says. */
    private static final long HEAL_MILLIS = 20;
    /** How long a call waits between tries while its session reconnects (for one timeout at most). */
    private static final long RECONNECT_WAIT_MILLIS = 20;
    /** Operations that may run twice with the effect of once. */
    private static final Set<String> SAFE_TO_REPEAT = Set.of(
            "ping",
            "get",
            "getAll",
            "putIfNewer",
            "putAllIfNewer",
            "compareAndSet",
            "deleteIfEquals",
            "touchIfEquals",
            "delete",
            "touch");

    /** Attempts of one conditional write before it gives up on conflicting writers. */
    static final int MAX_CAS_ATTEMPTS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(MemcachedStore.class);
    private static final StoreCapabilities CAPABILITIES =
            new StoreCapabilities(true, true, false, false, true, true, false, false);
    private static final MemcachedRecordTranscoder RECORDS = MemcachedRecordTranscoder.INSTANCE;
    private static final Record TOMBSTONE = new Record(0, new byte[0]);
    private static final long MAX_BACKOFF_MILLIS = 20;
    private static final int SEND_BUFFER_BYTES = 1 << 20;

    private final MemcachedUrl url;
    private final MemcachedClient client;
    private final long timeoutMillis;
    private final AtomicLong casConflicts = new AtomicLong();
    private final AtomicLong casRetries = new AtomicLong();

    private MemcachedStore(MemcachedUrl url, MemcachedClient client, long timeoutMillis) {
        this.url = url;
        this.client = client;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Starts a client for the servers of the URL. A server that cannot be reached yet does not
     * fail this: the client keeps reconnecting, operations fail until it is back, and
     * {@link #probe(KeyLayout)} tells.
     *
     * @param url a {@code memcached://host:port[,host2:port2]} URL
     * @param timeout for connecting and for each operation; positive
     * @return the store
     * @throws IllegalArgumentException when the URL is malformed, with an example of a right one,
     *     or the timeout is not positive
     * @throws StoreException when the memcached client cannot be started
     */
    public static MemcachedStore open(String url, Duration timeout) {
        MemcachedUrl parsed = MemcachedUrl.parse(url);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The timeout for " + url + " must be positive, got " + timeout);
        }
        return new MemcachedStore(parsed, connect(parsed, timeout.toMillis()), timeout.toMillis());
    }

    private static MemcachedClient connect(MemcachedUrl url, long timeoutMillis) {
        XMemcachedClientBuilder builder = new XMemcachedClientBuilder(url.servers());
        // Text, not binary: a binary CAS write that is over the item size limit deletes the old
        // value, a text one leaves it; and the binary protocol is deprecated since memcached 1.6.
        builder.setCommandFactory(new TextCommandFactory());
        // Consistent hashing moves few keys when the server list changes. Failure mode makes the
        // keys of a server that is down fail instead of moving to another server, where they
        // would start empty and other clients would not look.
        builder.setSessionLocator(new KetamaMemcachedSessionLocator());
        builder.setFailureMode(true);
        // With xmemcached's default 32 KB send buffer a 1 MB write took 500 ms on loopback; with
        // 1 MB (the kernel may cap it) it took 3 ms.
        builder.setSocketOption(StandardSocketOption.SO_SNDBUF, SEND_BUFFER_BYTES);
        builder.setConnectTimeout(timeoutMillis);
        builder.setOpTimeout(timeoutMillis);
        // xmemcached reconnects a closed session after 2 s by default, and calls fail until then:
        // a cut connection then failed two seconds of syncs. Its floor is a second; safe calls
        // wait for the reconnect (see call) rather than fail.
        builder.setHealSessionInterval(HEAL_MILLIS);
        try {
            MemcachedClient client = builder.build();
            client.setHealSessionInterval(HEAL_MILLIS); // The builder's setting does not reach the connector.
            return client;
        } catch (IOException e) {
            throw new StoreException("Could not start a memcached client for " + url + ": " + e.getMessage(), e);
        }
    }

    /** Compare-and-swap writes that found another client's write in between, since opening. */
    @Override
    public long casConflicts() {
        return casConflicts.get();
    }

    /** Conditional writes tried again after a conflict, since opening. */
    @Override
    public long casRetries() {
        return casRetries.get();
    }

    @Override
    public String description() {
        return url.url();
    }

    @Override
    public StoreCapabilities declaredCapabilities() {
        return CAPABILITIES;
    }

    @Override
    public void ping() {
        Map<InetSocketAddress, String> versions = call("ping", "all servers", () -> client.getVersions(timeoutMillis));
        if (versions.size() < url.servers().size()) {
            throw new StoreException("Memcached at " + url + ": only " + versions.keySet() + " of " + url.servers()
                    + " answered a ping");
        }
    }

    @Override
    public Optional<Record> get(String key) {
        return Optional.ofNullable(call("get", "key " + key, () -> client.get(key, timeoutMillis, RECORDS)));
    }

    @Override
    public Map<String, Record> getAll(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<String, Record> found =
                call("getAll", keys.size() + " keys", () -> client.get(keys, timeoutMillis, RECORDS));
        Map<String, Record> inOrder = new LinkedHashMap<>();
        for (String key : keys) {
            Record record = found.get(key);
            if (record != null) {
                inOrder.put(key, record);
            }
        }
        return inOrder;
    }

    @Override
    public boolean putIfNewer(String key, Record record, Duration ttl) {
        return casLoop("putIfNewer", key, exptime(ttl), ifNotNewerThan(record), () -> gets("putIfNewer", key));
    }

    /**
     * One multi-get for all keys, then a compare-and-swap write per entry; an entry whose write
     * meets a conflict reads its key again. When one write fails the ones before it stay written:
     * the writes are versioned, so retrying the whole batch is safe.
     */
    @Override
    public List<Boolean> putAllIfNewer(List<Map.Entry<String, Record>> entries, Duration ttl) {
        if (entries.isEmpty()) {
            return List.of();
        }
        int exptime = exptime(ttl);
        List<String> keys = entries.stream().map(Map.Entry::getKey).distinct().toList();
        Map<String, GetsResponse<Record>> current =
                call("putAllIfNewer", keys.size() + " keys", () -> client.gets(keys, timeoutMillis, RECORDS));
        List<Boolean> written = new ArrayList<>(entries.size());
        for (Map.Entry<String, Record> entry : entries) {
            String key = entry.getKey();
            Decision newer = ifNotNewerThan(entry.getValue());
            written.add(casLoop("putAllIfNewer", key, exptime, newer, () -> current.get(key)));
        }
        return written;
    }

    @Override
    public boolean compareAndSet(String key, long expectedVersion, Record record, Duration ttl) {
        Decision ifExpected = current -> (current == null ? -1 : current.version()) == expectedVersion ? record : null;
        return casLoop("compareAndSet", key, exptime(ttl), ifExpected, () -> gets("compareAndSet", key));
    }

    @Override
    public boolean add(String key, Record record, Duration ttl) {
        int exptime = exptime(ttl);
        return write("add", key, record, () -> client.add(key, exptime, record, RECORDS, timeoutMillis));
    }

    /** A compare-and-swap to an already expired tombstone: atomic, so only the owner deletes. */
    @Override
    public boolean deleteIfEquals(String key, byte[] expected) {
        Decision ifOwned = current -> current != null && Arrays.equals(current.data(), expected) ? TOMBSTONE : null;
        return casLoop(
                "deleteIfEquals", key, MemcachedExpiry.ALREADY_EXPIRED, ifOwned, () -> gets("deleteIfEquals", key));
    }

    /** A compare-and-swap of the same record with the new expiry: atomic, so only the owner renews. */
    @Override
    public boolean touchIfEquals(String key, byte[] expected, Duration ttl) {
        Decision ifOwned = current -> current != null && Arrays.equals(current.data(), expected) ? current : null;
        return casLoop("touchIfEquals", key, exptime(ttl), ifOwned, () -> gets("touchIfEquals", key));
    }

    @Override
    public boolean delete(String key) {
        return call("delete", "key " + key, () -> client.delete(key, timeoutMillis));
    }

    @Override
    public boolean touch(String key, Duration ttl) {
        int exptime = exptime(ttl);
        return call("touch", "key " + key, () -> client.touch(key, exptime, timeoutMillis));
    }

    /** @throws UnsupportedOperationException always: memcached cannot tell a key's time to live */
    @Override
    public Optional<Duration> ttl(String key) {
        throw new UnsupportedOperationException(
                "Memcached at " + url + " cannot tell how long a key has left (ttl_inspection is false)");
    }

    /**
     * memcached's {@code incr}, which xmemcached falls back to an {@code add} of the first value
     * for a missing key (both atomic on the server), followed by a {@code touch}: {@code incr}
     * keeps the expiry of the key's creation, and a counter in use must not expire and restart at 0.
     *
     * @throws IllegalArgumentException when {@code delta} is negative: memcached counters only go up
     */
    @Override
    public long increment(String key, long delta, Duration ttl) {
        if (delta < 0) {
            throw new IllegalArgumentException("Memcached counters only go up: cannot add " + delta + " to " + key);
        }
        int exptime = exptime(ttl);
        long value = call("increment", "key " + key, () -> client.incr(key, delta, delta, timeoutMillis, exptime));
        call("increment", "key " + key, () -> client.touch(key, exptime, timeoutMillis));
        return value;
    }

    @Override
    public void close() {
        try {
            client.shutdown();
        } catch (IOException e) {
            LOG.warn("Closing the memcached client for {} failed: {}", url, e.toString());
        }
    }

    /** What a conditional write does on seeing the current record (null when absent or not a record). */
    @FunctionalInterface
    private interface Decision {
        /** The record to write, or null to leave the key as it is. */
        Record next(Record current);
    }

    private static Decision ifNotNewerThan(Record record) {
        return current -> current == null || current.version() <= record.version() ? record : null;
    }

    /**
     * Reads, decides and writes with {@code cas} (or {@code add} for an absent key) until the write
     * goes through unopposed, the decision declines, or the attempts run out.
     */
    private boolean casLoop(
            String op, String key, int exptime, Decision decision, Supplier<GetsResponse<Record>> firstRead) {
        Supplier<GetsResponse<Record>> read = firstRead;
        for (int attempt = 1; ; attempt++) {
            GetsResponse<Record> current = read.get();
            Record next = decision.next(current == null ? null : current.getValue());
            if (next == null) {
                return false;
            }
            if (store(op, key, exptime, next, current)) {
                return true;
            }
            casConflicts.incrementAndGet();
            if (attempt == MAX_CAS_ATTEMPTS) {
                throw new StoreException("Memcached at " + url + ": gave up " + op + " of key " + key + " after "
                        + attempt + " compare-and-swap conflicts with other writers; this call wrote nothing");
            }
            casRetries.incrementAndGet();
            backoff(op, key, attempt);
            read = () -> gets(op, key);
        }
    }

    /** False when another client wrote the key after {@code current} was read. */
    private boolean store(String op, String key, int exptime, Record next, GetsResponse<Record> current) {
        if (current == null) {
            return write(op, key, next, () -> client.add(key, exptime, next, RECORDS, timeoutMillis));
        }
        return write(op, key, next, () -> client.cas(key, exptime, next, RECORDS, timeoutMillis, current.getCas()));
    }

    /** A write is run once: repeated after a cut, a compare-and-swap that did land would report a conflict. */
    private boolean write(String op, String key, Record record, MemcachedCall<Boolean> write) {
        return once(op, "key " + key, () -> {
            try {
                return write.run();
            } catch (MemcachedServerException e) {
                if (String.valueOf(e.getMessage()).contains("too large")) {
                    throw tooLarge(key, record, e);
                }
                throw e;
            }
        });
    }

    private StoreException tooLarge(String key, Record record, Exception cause) {
        return new StoreException(
                "The value of key " + key + " is " + MemcachedRecordTranscoder.encodedSize(record)
                        + " bytes, over memcached's item size limit at " + url + " (it keeps the value it had): lower"
                        + " batch_size so that each chunk is smaller, or raise memcached's limit with -I (default 1m)",
                cause);
    }

    private GetsResponse<Record> gets(String op, String key) {
        return call(op, "key " + key, () -> client.gets(key, timeoutMillis, RECORDS));
    }

    private void backoff(String op, String key, int attempt) {
        long bound = Math.min(MAX_BACKOFF_MILLIS, 1L << attempt);
        try {
            // Random, so that the writers that collided do not collide again in step.
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(failed(op, "key " + key) + "interrupted while waiting to retry", e);
        }
    }

    private int exptime(Duration ttl) {
        return MemcachedExpiry.exptime(ttl, System.currentTimeMillis());
    }

    /** An xmemcached call, with the exceptions it declares. */
    @FunctionalInterface
    private interface MemcachedCall<T> {
        T run() throws TimeoutException, InterruptedException, MemcachedException;
    }

    /**
     * Runs one call; a call that is safe to repeat (a read, an expiry, a delete, the reads of a
     * versioned write; never the write itself) is tried again while its connection reconnects
     * after being closed under it, for one timeout at most. A timeout is not retried, so that a
     * call never takes much more than twice the timeout.
     */
    private <T> T call(String op, String subject, MemcachedCall<T> call) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (true) {
            try {
                return once(op, subject, call);
            } catch (StoreException e) {
                if (!SAFE_TO_REPEAT.contains(op) || !closedSession(e.getCause()) || System.nanoTime() > deadline) {
                    throw e;
                }
                awaitReconnect(op, subject);
            }
        }
    }

    private static boolean closedSession(Throwable cause) {
        String message = cause instanceof MemcachedException ? String.valueOf(cause.getMessage()) : "";
        return message.contains("has been closed") || message.contains("no available connection");
    }

    private void awaitReconnect(String op, String subject) {
        try {
            Thread.sleep(RECONNECT_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(failed(op, subject) + "interrupted while reconnecting", e);
        }
    }

    private <T> T once(String op, String subject, MemcachedCall<T> call) {
        try {
            return call.run();
        } catch (TimeoutException e) {
            throw new StoreUnreachableException(failed(op, subject) + "no answer within " + timeoutMillis + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(failed(op, subject) + "interrupted", e);
        } catch (MemcachedException e) {
            throw closedSession(e)
                    ? new StoreUnreachableException(failed(op, subject) + e.getMessage(), e)
                    : new StoreException(failed(op, subject) + e.getMessage(), e);
        }
    }

    private String failed(String op, String subject) {
        return "Memcached at " + url + " failed " + op + " of " + subject + ": ";
    }
}
