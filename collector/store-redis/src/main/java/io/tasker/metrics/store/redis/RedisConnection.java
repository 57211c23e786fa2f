package io.tasker.metrics.store.redis;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.UnifiedJedis;

/**
 * A Jedis 8 client for a {@link RedisUrl}: a {@link RedisClient} for one server, a
 * {@link RedisClusterClient} for a cluster, both behind {@link UnifiedJedis}, and a way to drop
 * the idle pooled connections once one of them turned out dead.
 *
 * <p>{@code RedisConnection c = RedisConnection.open(RedisUrl.parse("redis://h:6379/0"), Duration.ofSeconds(2));}
 */
record RedisConnection(UnifiedJedis client, Runnable dropIdleConnections) {

    /** Enough for the sync's writer, its readers and a probe at once; more only wait. */
    private static final int MAX_CONNECTIONS_PER_NODE = 16;

    private static final String CLIENT_NAME = "tasker-metrics";

    /**
     * Connects lazily to a single server; a cluster client asks its seed nodes for the slot map
     * right away, so that one fails here when no seed answers.
     */
    static RedisConnection open(RedisUrl url, Duration timeout) {
        JedisClientConfig config = clientConfig(url, timeout);
        ConnectionPoolConfig pool = poolConfig(timeout);
        return url.cluster() ? cluster(url, config, pool, timeout) : single(url, config, pool);
    }

    private static RedisConnection single(RedisUrl url, JedisClientConfig config, ConnectionPoolConfig pool) {
        RedisUrl.Node node = url.nodes().get(0);
        RedisClient client = RedisClient.builder()
                .hostAndPort(node.host(), node.port())
                .clientConfig(config)
                .poolConfig(pool)
                .build();
        // After a restart every idle connection is dead: drop them all so the next call opens a fresh one.
        return new RedisConnection(client, () -> client.getPool().clear());
    }

    private static RedisConnection cluster(
            RedisUrl url, JedisClientConfig config, ConnectionPoolConfig pool, Duration timeout) {
        Set<HostAndPort> seeds = new LinkedHashSet<>();
        url.nodes().forEach(n -> seeds.add(new HostAndPort(n.host(), n.port())));
        RedisClusterClient client = RedisClusterClient.builder()
                .nodes(seeds)
                .clientConfig(config)
                .poolConfig(pool)
                // Bounds the client's own retries (redirects, a node's failover) by the timeout.
                .maxTotalRetriesDuration(timeout.multipliedBy(2))
                .build();
        return new RedisConnection(
                client, () -> client.getClusterNodes().values().forEach(p -> p.clear()));
    }

    private static JedisClientConfig clientConfig(RedisUrl url, Duration timeout) {
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        return DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(millis)
                .socketTimeoutMillis(millis)
                .user(url.user())
                .password(url.password())
                .database(url.database())
                // Jedis 8 deprecates ssl(true): options (here the JVM's trust store, host name checked) turn TLS on.
                .sslOptions(url.tls() ? SslOptions.defaults() : null)
                .clientName(CLIENT_NAME)
                .build();
    }

    private static ConnectionPoolConfig poolConfig(Duration timeout) {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(MAX_CONNECTIONS_PER_NODE);
        pool.setMaxIdle(MAX_CONNECTIONS_PER_NODE);
        // The pool would otherwise wait forever for a free connection.
        pool.setMaxWait(timeout);
        return pool;
    }
}
