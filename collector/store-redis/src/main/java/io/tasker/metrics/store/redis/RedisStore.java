package io.tasker.metrics.store.redis;

import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.KeyLayout;
import io.tasker.metrics.store.Record;
import io.tasker.metrics.store.StoreCapabilities;
import io.tasker.metrics.store.StoreException;
import io.tasker.metrics.store.internal.StoreProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A {@link CacheStore} on Redis, one server or a cluster, through Jedis 8. A record is a hash with
 * the fields {@code v} (version) and {@code d} (data); every conditional write is a Lua script
 * (EVALSHA), so the version check and the write are one atomic step on the server.
 * Batches go in one pipeline: one round trip to a single server, one per node of a cluster.
 *
 * <p>URLs: {@code redis://[user[:password]@]host:port[/db]}, {@code rediss://...} for TLS, and
 * {@code redis-cluster://[user[:password]@]host1:port1,host2:port2,...}; user and password are
 * URL-decoded. The password never appears in {@link #description()}, messages or logs.
 *
 * <pre>{@code
 * try (RedisStore store = RedisStore.open("redis://:s3cret@127.0.0.1:6379/0", Duration.ofSeconds(2))) {
 *     store.putIfNewer("tasker:instance:a:0", new Record(7, bytes), Duration.ofMinutes(5));
 * }
 * }</pre>
 */
public final class RedisStore implements CacheStore {

    /** What {@link #ttl} answers for a key without expiry: long, yet safe to add to an instant. */
    public static final Duration NO_EXPIRY = Duration.ofDays(365L * 1_000);

    private static final StoreCapabilities DECLARED =
            new StoreCapabilities(true, true, true, true, true, true, false, true);
    private static final byte[] VERSION = {'v'};
    private static final byte[] DATA = {'d'};

    private final RedisUrl url;
    private final RedisConnection connection;
    private final UnifiedJedis client;
    private final RedisScripts scripts;

    private RedisStore(RedisUrl url, RedisConnection connection) {
        this.url = url;
        this.connection = connection;
        this.client = connection.client();
        this.scripts = new RedisScripts(client);
    }

    /**
     * Opens a store on {@code url}, with {@code timeout} for connecting and for every reply. A
     * single server is connected to on first use; a cluster's seed nodes are asked for the slot
     * map here.
     *
     * @param url a {@code redis://}, {@code rediss://} or {@code redis-cluster://} URL
     * @param timeout for connecting and for every reply; positive
     * @return the store
     * @throws IllegalArgumentException when the URL is malformed or the timeout not positive
     * @throws StoreException when no seed node of a cluster answers
     */
    public static RedisStore open(String url, Duration timeout) {
        RedisUrl parsed = RedisUrl.parse(url);
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The timeout for " + parsed + " must be positive, got " + timeout);
        }
        try {
            return new RedisStore(parsed, RedisConnection.open(parsed, timeout));
        } catch (JedisException e) {
            throw RedisFailures.wrap(parsed, "connect", e);
        }
    }

    @Override
    public String description() {
        return url.masked();
    }

    @Override
    public StoreCapabilities declaredCapabilities() {
        return DECLARED;
    }

    @Override
    public StoreCapabilities probe(KeyLayout keys) {
        return new StoreProbe(this, DECLARED, this::persistence).run(keys);
    }

    @Override
    public void ping() {
        retryable("ping", client::ping);
    }

    @Override
    public Optional<Record> get(String key) {
        List<byte[]> fields = retryable("get(" + key + ")", () -> client.hmget(bytes(key), VERSION, DATA));
        return record(key, fields);
    }

    @Override
    public Map<String, Record> getAll(Collection<String> keys) {
        List<String> unique = List.copyOf(new LinkedHashSet<>(keys));
        Map<String, Record> found = new LinkedHashMap<>();
        if (unique.isEmpty()) {
            return found;
        }
        List<List<byte[]>> replies = retryable("getAll(" + unique.size() + " keys)", () -> hmgetAll(unique));
        for (int i = 0; i < unique.size(); i++) {
            String key = unique.get(i);
            record(key, replies.get(i)).ifPresent(r -> found.put(key, r));
        }
        return found;
    }

    @Override
    public boolean putIfNewer(String key, Record record, Duration ttl) {
        byte[] ttlMillis = millis(ttl);
        return retryable(
                        "putIfNewer(" + key + ")",
                        () -> scripts.run(
                                RedisScript.PUT_IF_NEWER,
                                bytes(key),
                                decimal(record.version()),
                                record.data(),
                                ttlMillis))
                == 1;
    }

    @Override
    public List<Boolean> putAllIfNewer(List<Map.Entry<String, Record>> entries, Duration ttl) {
        byte[] ttlMillis = millis(ttl);
        if (entries.isEmpty()) {
            return List.of();
        }
        List<RedisScripts.Call> calls = new ArrayList<>(entries.size());
        for (Map.Entry<String, Record> e : entries) {
            Record r = e.getValue();
            List<byte[]> args = List.of(decimal(r.version()), r.data(), ttlMillis);
            calls.add(new RedisScripts.Call(bytes(e.getKey()), args));
        }
        List<Long> applied = retryable(
                "putAllIfNewer(" + entries.size() + " keys)", () -> scripts.runAll(RedisScript.PUT_IF_NEWER, calls));
        return applied.stream().map(n -> n == 1).toList();
    }

    @Override
    public boolean compareAndSet(String key, long expectedVersion, Record record, Duration ttl) {
        byte[] ttlMillis = millis(ttl);
        return call(
                        "compareAndSet(" + key + ")",
                        () -> scripts.run(
                                RedisScript.COMPARE_AND_SET,
                                bytes(key),
                                decimal(expectedVersion),
                                decimal(record.version()),
                                record.data(),
                                ttlMillis))
                == 1;
    }

    @Override
    public boolean add(String key, Record record, Duration ttl) {
        byte[] ttlMillis = millis(ttl);
        return call(
                        "add(" + key + ")",
                        () -> scripts.run(
                                RedisScript.ADD, bytes(key), decimal(record.version()), record.data(), ttlMillis))
                == 1;
    }

    @Override
    public boolean deleteIfEquals(String key, byte[] expected) {
        return call(
                        "deleteIfEquals(" + key + ")",
                        () -> scripts.run(RedisScript.DELETE_IF_EQUALS, bytes(key), expected))
                == 1;
    }

    @Override
    public boolean touchIfEquals(String key, byte[] expected, Duration ttl) {
        byte[] ttlMillis = millis(ttl);
        return retryable(
                        "touchIfEquals(" + key + ")",
                        () -> scripts.run(RedisScript.TOUCH_IF_EQUALS, bytes(key), expected, ttlMillis))
                == 1;
    }

    @Override
    public boolean delete(String key) {
        return call("delete(" + key + ")", () -> client.del(bytes(key))) > 0;
    }

    @Override
    public boolean touch(String key, Duration ttl) {
        long ttlMillis = ttlMillis(ttl);
        return retryable("touch(" + key + ")", () -> client.pexpire(bytes(key), ttlMillis)) == 1;
    }

    @Override
    public Optional<Duration> ttl(String key) {
        long left = retryable("ttl(" + key + ")", () -> client.pttl(bytes(key)));
        if (left == -2) {
            return Optional.empty();
        }
        // -1 is a key without expiry; 0 is one about to expire, which still exists.
        return Optional.of(left == -1 ? NO_EXPIRY : Duration.ofMillis(Math.max(1, left)));
    }

    @Override
    public long increment(String key, long delta, Duration ttl) {
        byte[] ttlMillis = millis(ttl);
        return call(
                "increment(" + key + ")",
                () -> scripts.run(RedisScript.INCREMENT, bytes(key), decimal(delta), ttlMillis));
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (JedisException e) {
            throw RedisFailures.wrap(url, "close", e);
        }
    }

    /**
     * Whether the server saves to disk (RDB snapshots or the append-only file); empty when it does
     * not say, as when CONFIG is disabled or not granted to our user.
     */
    Optional<Boolean> persistence() {
        try {
            Map<String, String> config = client.configGet("save", "appendonly");
            String save = config.getOrDefault("save", "");
            return Optional.of(!save.isBlank() || "yes".equalsIgnoreCase(config.get("appendonly")));
        } catch (JedisException e) {
            return Optional.empty();
        }
    }

    private List<List<byte[]>> hmgetAll(List<String> keys) {
        List<Response<List<byte[]>>> responses = new ArrayList<>(keys.size());
        try (AbstractPipeline pipeline = client.pipelined()) {
            for (String key : keys) {
                responses.add(pipeline.hmget(bytes(key), VERSION, DATA));
            }
        } // close() sends the commands and reads every reply
        return responses.stream().map(Response::get).toList();
    }

    private Optional<Record> record(String key, List<byte[]> fields) {
        byte[] version = fields.get(0);
        byte[] data = fields.get(1);
        if (version == null && data == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Record(Long.parseLong(new String(version, StandardCharsets.US_ASCII)), data));
        } catch (RuntimeException e) {
            // Not written by this store (or cut short): refuse to guess a version.
            throw new StoreException(
                    "Redis at " + url + " holds something at " + key
                            + " that is not a record (a hash with fields v and d)",
                    e);
        }
    }

    /** Runs one operation; a Jedis failure becomes a StoreException naming the store and the operation. */
    private <T> T call(String operation, Supplier<T> action) {
        try {
            return action.get();
        } catch (JedisException e) {
            throw failure(operation, e);
        }
    }

    /**
     * {@link #call} for an operation that is safe to repeat (a read, a versioned write, an expiry),
     * tried once more on a fresh connection when the first one was dead: after a server restart
     * the pooled connections are, and the first call would fail for nothing. A timeout is not
     * retried, so that a call never takes twice the timeout.
     */
    private <T> T retryable(String operation, Supplier<T> action) {
        try {
            return action.get();
        } catch (JedisException e) {
            StoreException failure = failure(operation, e);
            if (!RedisFailures.isConnection(e) || RedisFailures.isTimeout(e)) {
                throw failure;
            }
            return call(operation, action);
        }
    }

    private StoreException failure(String operation, JedisException e) {
        if (RedisFailures.isConnection(e)) {
            // One dead connection means the idle ones are most likely dead too (a restart).
            connection.dropIdleConnections().run();
        }
        return RedisFailures.wrap(url, operation, e);
    }

    private static byte[] bytes(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] decimal(long number) {
        return Long.toString(number).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] millis(Duration ttl) {
        return decimal(ttlMillis(ttl));
    }

    private static long ttlMillis(Duration ttl) {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("A time to live must be positive, got " + ttl);
        }
        return Math.max(1, ttl.toMillis());
    }
}
